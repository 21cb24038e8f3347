package io.pulse.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares two relations row by row inside DuckDB (a FULL OUTER JOIN on the key, so nothing is
 * collected but the first differing rows): exact columns must be equal (decimals to the last digit,
 * null equals null), ratio columns equal within {@link #RATIO_TOLERANCE} relative (absolute below
 * 1).
 */
public final class ResultComparer {
  public static final double RATIO_TOLERANCE = 1e-9;

  private final Connection connection;

  public ResultComparer(Connection connection) {
    this.connection = connection;
  }

  /** What is compared: the key, the columns compared exactly, the ratios. */
  public record Columns(List<String> keys, List<String> exact, List<String> ratios) {
    List<String> all() {
      return Stream.of(keys, exact, ratios).flatMap(List::stream).toList();
    }
  }

  /** The outcome: row counts, differing rows (and duplicate keys), the first of them as text. */
  public record Outcome(long sparkRows, long duckRows, long differences, List<String> first) {
    public boolean agree() {
      return differences == 0;
    }
  }

  /**
   * Compares {@code spark} with {@code duck}, each a relation (table, view or parenthesized SELECT)
   * holding at least {@code columns}.
   */
  public Outcome compare(String spark, String duck, Columns columns, int show) throws SQLException {
    String select = String.join(", ", columns.all());
    String keyJoin =
        columns.keys().stream()
            .map(k -> "s." + k + " IS NOT DISTINCT FROM d." + k)
            .collect(Collectors.joining(" AND "));
    List<String> equal = new ArrayList<>();
    columns.exact().forEach(c -> equal.add("s." + c + " IS NOT DISTINCT FROM d." + c));
    columns
        .ratios()
        .forEach(
            c ->
                equal.add(
                    String.format(
                        "coalesce((s.%1$s IS NULL AND d.%1$s IS NULL) OR abs(s.%1$s - d.%1$s) <= %2$s"
                            + " * greatest(1.0, abs(s.%1$s), abs(d.%1$s)), false)",
                        c, RATIO_TOLERANCE)));
    List<String> shown = new ArrayList<>();
    shown.add(
        "CASE WHEN s._side IS NULL THEN 'only in DuckDB' WHEN d._side IS NULL THEN 'only in"
            + " Spark' ELSE 'differs' END AS difference");
    columns.keys().forEach(k -> shown.add("coalesce(s." + k + ", d." + k + ") AS " + k));
    Stream.concat(columns.exact().stream(), columns.ratios().stream())
        .forEach(c -> shown.add("s." + c + " AS spark_" + c + ", d." + c + " AS duck_" + c));
    String differing =
        "SELECT "
            + String.join(", ", shown)
            + " FROM (SELECT "
            + select
            + ", 1 AS _side FROM "
            + spark
            + ") s FULL OUTER JOIN (SELECT "
            + select
            + ", 1 AS _side FROM "
            + duck
            + ") d ON "
            + keyJoin
            + " WHERE s._side IS NULL OR d._side IS NULL"
            + (equal.isEmpty() ? "" : " OR NOT (" + String.join(" AND ", equal) + ")");
    String keys = String.join(", ", columns.keys());
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE OR REPLACE TEMP TABLE bench_differences AS " + differing);
      long duplicates =
          duplicateKeys(statement, spark, keys) + duplicateKeys(statement, duck, keys);
      long differences = count(statement, "bench_differences") + duplicates;
      List<String> first = new ArrayList<>();
      if (duplicates > 0) {
        first.add(duplicates + " rows repeat a key (" + keys + ")");
      }
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT * FROM bench_differences ORDER BY " + keys + " LIMIT " + show)) {
        ResultSetMetaData meta = rows.getMetaData();
        while (rows.next()) {
          List<String> cells = new ArrayList<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            cells.add(meta.getColumnLabel(i) + "=" + rows.getString(i));
          }
          first.add(String.join(", ", cells));
        }
      }
      return new Outcome(count(statement, spark), count(statement, duck), differences, first);
    }
  }

  private static long duplicateKeys(Statement statement, String relation, String keys)
      throws SQLException {
    return count(statement, relation)
        - count(statement, "(SELECT DISTINCT " + keys + " FROM " + relation + ")");
  }

  private static long count(Statement statement, String relation) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + relation)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}

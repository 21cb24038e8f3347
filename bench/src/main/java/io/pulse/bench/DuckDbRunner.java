package io.pulse.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An in-memory DuckDB database: views over Delta snapshots' Parquet files, the SQL files of
 * bench/duckdb run into tables, each timed.
 */
public final class DuckDbRunner implements AutoCloseable {
  private final Connection connection;

  private DuckDbRunner(Connection connection) {
    this.connection = connection;
  }

  /** A fresh database in UTC, as Pulse's Spark session is. */
  public static DuckDbRunner open() throws SQLException {
    DuckDbRunner runner = new DuckDbRunner(DriverManager.getConnection("jdbc:duckdb:"));
    runner.execute("SET TimeZone = 'UTC'");
    return runner;
  }

  public Connection connection() {
    return connection;
  }

  public void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Runs a file of statements (e.g. macros). */
  public void runScript(Path file) throws SQLException, IOException {
    execute(Files.readString(file));
  }

  /** Sets {@code getvariable(name)} to a date. */
  public void setDate(String name, LocalDate date) throws SQLException {
    execute("SET VARIABLE " + name + " = DATE '" + date + "'");
  }

  /** A view {@code name} over the Parquet files of a snapshot, partition columns from the paths. */
  public void createView(String name, SnapshotFiles.TableFiles table) throws SQLException {
    if (table.files().isEmpty()) {
      throw new IllegalStateException(table.location() + " has no data files");
    }
    String files =
        table.files().stream()
            .map(f -> quote(URI.create(f).getPath()))
            .collect(Collectors.joining(", ", "[", "]"));
    String options =
        table.partitions().isEmpty()
            ? "hive_partitioning = false"
            : "hive_partitioning = true, hive_types = " + struct(table.partitions());
    execute(
        "CREATE OR REPLACE VIEW "
            + name
            + " AS SELECT * FROM read_parquet("
            + files
            + ", "
            + options
            + ")");
  }

  /** Runs the SELECT of {@code file} into table {@code name}; returns the seconds it took. */
  public double createTable(String name, Path file) throws SQLException, IOException {
    String select = Files.readString(file).strip();
    long started = System.nanoTime();
    execute("CREATE OR REPLACE TABLE " + name + " AS " + select);
    return (System.nanoTime() - started) / 1e9;
  }

  public long count(String relation) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + relation)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String struct(Map<String, String> types) {
    return types.entrySet().stream()
        .map(e -> quote(e.getKey()) + ": " + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}

package io.pulse.common.table;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The row checks a table must pass before it is published: its key is unique, and no row meets any
 * of the rules' conditions (a null condition passes, as in {@code where}). All of them run as one
 * Spark action, one aggregation by key, however many rules there are. Each broken check is reported
 * as {@code "<rule> for <key>, <n> keys: <smallest key>[, <largest key>]"}.
 */
public final class RowChecks {
  private final List<String> keyColumns;
  private final Map<String, Column> rules = new LinkedHashMap<>();

  private RowChecks(List<String> keyColumns) {
    this.keyColumns = List.copyOf(keyColumns);
  }

  /** Checks on a table whose rows are unique by these columns. */
  public static RowChecks keyedBy(String... keyColumns) {
    return new RowChecks(List.of(keyColumns));
  }

  /**
   * Adds a rule: no row may meet {@code broken}.
   *
   * @param description what is wrong with a row that meets it, e.g. "negative seats"
   */
  public RowChecks rule(String description, Column broken) {
    rules.put(description, broken);
    return this;
  }

  /** One line per broken check, in the order declared (uniqueness first); empty when all hold. */
  public List<String> violations(Dataset<Row> rows) {
    List<String> descriptions = new ArrayList<>();
    descriptions.add("more than one row");
    descriptions.addAll(rules.keySet());

    List<Column> perKey = new ArrayList<>();
    perKey.add(count(lit(1)).gt(1).cast("int").as("_broken_0"));
    int i = 1;
    for (Column broken : rules.values()) {
      perKey.add(max(when(broken, 1).otherwise(0)).as("_broken_" + i++));
    }
    Column key =
        concat_ws("|", keyColumns.stream().map(c -> col(c).cast("string")).toArray(Column[]::new));
    List<Column> summary = new ArrayList<>();
    for (int r = 0; r < descriptions.size(); r++) {
      Column brokenKey = when(col("_broken_" + r).equalTo(1), col("_key"));
      summary.add(sum(col("_broken_" + r)).as("_count_" + r));
      summary.add(min(brokenKey).as("_min_" + r));
      summary.add(max(brokenKey).as("_max_" + r));
    }
    Row result =
        rows.groupBy(keyColumns.stream().map(c -> col(c)).toArray(Column[]::new))
            .agg(perKey.get(0), perKey.subList(1, perKey.size()).toArray(Column[]::new))
            .withColumn("_key", key)
            .agg(summary.get(0), summary.subList(1, summary.size()).toArray(Column[]::new))
            .head();

    String label = String.join("|", keyColumns);
    List<String> problems = new ArrayList<>();
    for (int r = 0; r < descriptions.size(); r++) {
      Long broken = result.getAs("_count_" + r);
      if (broken == null || broken == 0) {
        continue;
      }
      String smallest = result.getAs("_min_" + r);
      String largest = result.getAs("_max_" + r);
      String examples = smallest.equals(largest) ? smallest : smallest + ", " + largest;
      String keys = broken == 1 ? " key: " : " keys: ";
      problems.add(descriptions.get(r) + " for " + label + ", " + broken + keys + examples);
    }
    return problems;
  }
}

package io.pulse.jobs.revenue;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.pulse.common.table.TableLog;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * {@code gold.dim_account}: the CRM accounts as a type 2 slowly changing dimension (rule L3: every
 * delivered version of an account, keyed by {@code account_id, updated_at}).
 *
 * <p>A version opens only when a tracked attribute changes: consecutive snapshots with the same
 * values collapse into one version. {@code valid_from} is the {@code updated_at} of the first
 * snapshot with those values, {@code valid_to} the next version's {@code valid_from} (null while
 * current).
 *
 * <p>History can be restated (a late CRM row with an older {@code updated_at}), so the dimension is
 * computed in full from every version known at the run date and then MERGEd into the table by
 * {@code (account_id, valid_from)}, deleting target rows the new computation no longer has. That
 * costs a full recomputation each run (a few thousand rows) but is correct for any late row, and a
 * rerun changes nothing.
 */
public final class DimAccount {
  private DimAccount() {}

  /** The attributes whose change opens a new version. */
  static final List<String> TRACKED =
      List.of(
          "account_name",
          "parent_account_id",
          "segment",
          "industry",
          "region",
          "country",
          "csm_owner",
          "created_at");

  /** The merge key. */
  static final List<String> KEY = List.of("account_id", "valid_from");

  /**
   * @param accountVersions silver.accounts rows (every version known at the run date): {@code
   *     account_id, updated_at} and the {@link #TRACKED} columns; {@code (account_id, updated_at)}
   *     is unique there (silver rule L4)
   * @return {@code account_id}, the tracked columns, {@code valid_from, valid_to, is_current}
   */
  public static Dataset<Row> of(Dataset<Row> accountVersions) {
    WindowSpec byTime = Window.partitionBy("account_id").orderBy("updated_at");
    // Null-safe, so a null that stays null is no change and a value becoming null is one.
    Column same = lit(true);
    for (String name : TRACKED) {
      same = same.and(col(name).eqNullSafe(lag(col(name), 1).over(byTime)));
    }
    Column first = lag(col("updated_at"), 1).over(byTime).isNull();
    WindowSpec byStart = Window.partitionBy("account_id").orderBy("valid_from");
    return accountVersions
        .withColumn("_opens", first.or(same.unary_$bang()))
        .where(col("_opens"))
        .withColumn("valid_from", col("updated_at"))
        .withColumn("valid_to", lead(col("valid_from"), 1).over(byStart))
        .withColumn("is_current", col("valid_to").isNull())
        .select(columns());
  }

  /** The table's columns in order. */
  static Column[] columns() {
    return RevenueTables.DIM_ACCOUNT.columnNames().stream().map(c -> col(c)).toArray(Column[]::new);
  }

  /**
   * MERGEs the full dimension {@code scd} into the Delta table at {@code location} by {@code
   * (account_id, valid_from)}: changed rows are updated, new ones inserted, rows that {@code scd}
   * no longer has (a version a late CRM row merged away) deleted. Rows that did not change are left
   * alone, so a rerun with the same input rewrites nothing.
   *
   * @return rows inserted, updated and deleted
   */
  public static Map<String, Long> merge(SparkSession spark, String location, Dataset<Row> scd) {
    String key =
        KEY.stream().map(k -> "t.`" + k + "` = s.`" + k + "`").collect(Collectors.joining(" AND "));
    String changed =
        RevenueTables.DIM_ACCOUNT.columnNames().stream()
            .filter(c -> !KEY.contains(c))
            .map(c -> "NOT (t.`" + c + "` <=> s.`" + c + "`)")
            .collect(Collectors.joining(" OR "));
    DeltaTable table = DeltaTable.forPath(spark, location);
    table
        .as("t")
        .merge(scd.select(columns()).as("s"), key)
        .whenMatched(changed)
        .updateAll()
        .whenNotMatched()
        .insertAll()
        .whenNotMatchedBySource()
        .delete()
        .execute();
    TableLog.Commit last = TableLog.latest(spark, location).orElseThrow();
    return Map.of(
        "inserted", last.metric("numTargetRowsInserted"),
        "updated", last.metric("numTargetRowsUpdated"),
        "deleted", last.metric("numTargetRowsDeleted"));
  }
}

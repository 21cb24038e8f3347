package io.pulse.jobs.silver;

import static io.pulse.common.spark.ColumnNames.seq;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code ops.reconciliation}: per entity and delivery date, bronze rows against what silver made of
 * them. Balanced when every bronze row came out exactly once: accepted, quarantined or dropped as a
 * duplicate. The silver job refuses to publish an unbalanced entity.
 */
public final class Reconciliation {
  private Reconciliation() {}

  public static final TableDef TABLE =
      new TableDef(
          Layer.OPS,
          "reconciliation",
          "Per silver entity and delivery date: bronze rows = accepted + quarantined + duplicates",
          List.of(
              new ColumnDef("entity", StringType, "Silver entity (= landing source)"),
              new ColumnDef("dt", DateType, "Delivery date"),
              new ColumnDef("bronze_rows", LongType, "Rows in bronze for the delivery"),
              new ColumnDef("accepted_rows", LongType, "Rows accepted into silver"),
              new ColumnDef("quarantined_rows", LongType, "Rows sent to the quarantine table"),
              new ColumnDef("duplicate_rows", LongType, "Rows dropped as duplicates (rule L4)"),
              new ColumnDef(
                  "is_balanced", BooleanType, "bronze = accepted + quarantined + duplicates"),
              new ColumnDef("run_id", StringType, "Silver run that reconciled it")),
          List.of("entity"));

  /** One row per delivery date of {@code bronze}, from each bronze row's outcome. */
  public static Dataset<Row> of(
      String entity, Dataset<Row> bronze, Dataset<Row> outcomes, String runId) {
    Dataset<Row> read = bronze.groupBy("_dt").agg(count(lit(1)).as("bronze_rows"));
    Dataset<Row> made =
        outcomes
            .groupBy("_dt")
            .agg(
                countOf("accepted").as("accepted_rows"),
                countOf("quarantined").as("quarantined_rows"),
                countOf("duplicate").as("duplicate_rows"));
    Column bronzeRows = coalesce(col("bronze_rows"), lit(0L));
    Column accepted = coalesce(col("accepted_rows"), lit(0L));
    Column quarantined = coalesce(col("quarantined_rows"), lit(0L));
    Column duplicates = coalesce(col("duplicate_rows"), lit(0L));
    return read.join(made, seq("_dt"), "full_outer")
        .select(
            lit(entity).as("entity"),
            col("_dt").as("dt"),
            bronzeRows.as("bronze_rows"),
            accepted.as("accepted_rows"),
            quarantined.as("quarantined_rows"),
            duplicates.as("duplicate_rows"),
            bronzeRows.equalTo(accepted.plus(quarantined).plus(duplicates)).as("is_balanced"),
            lit(runId).as("run_id"));
  }

  private static Column countOf(String outcome) {
    return sum(when(col("_outcome").equalTo(outcome), 1L).otherwise(0L));
  }
}

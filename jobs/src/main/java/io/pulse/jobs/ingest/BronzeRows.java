package io.pulse.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_date;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Pure transform from parsed landing rows to bronze rows: adds the ingest metadata. */
public final class BronzeRows {
  private BronzeRows() {}

  /**
   * @param parsed rows with the source's columns and a {@code _source_file} column whose path holds
   *     the delivery's {@code dt=YYYY-MM-DD} folder
   */
  public static Dataset<Row> withIngestMetadata(
      Dataset<Row> parsed, String runId, Instant ingestedAt) {
    // Within one file Spark reads records in order, so ordering by the generated id numbers them
    // as they appear in the file, however the file was split.
    var inFileOrder = Window.partitionBy("_source_file").orderBy("_read_order");
    return parsed
        .withColumn("_read_order", monotonically_increasing_id())
        .withColumn("_row_number", row_number().over(inFileOrder).cast("long"))
        .drop("_read_order")
        .withColumn("_dt", deliveryDate(col("_source_file")))
        .withColumn("_ingested_at", lit(Timestamp.from(ingestedAt)))
        .withColumn("_run_id", lit(runId));
  }

  /** The delivery date of a landing file: its {@code dt=} folder. */
  static org.apache.spark.sql.Column deliveryDate(org.apache.spark.sql.Column path) {
    return to_date(regexp_extract(path, "/dt=(\\d{4}-\\d{2}-\\d{2})/", 1));
  }
}

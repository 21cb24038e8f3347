package io.pulse.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.delta.tables.DeltaTable;
import io.pulse.common.error.InputMissingException;
import io.pulse.common.job.JobContext;
import io.pulse.common.table.TableRef;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** How the jobs after silver read a silver entity: as known at a run date, versions resolved. */
public final class SilverInput {
  private SilverInput() {}

  /**
   * {@code silver.<entity>} as known at {@code runDate}: only deliveries {@code _dt <= D} (§11), so
   * a backfill for an earlier date does not see later deliveries.
   *
   * @throws InputMissingException when the table does not exist yet
   */
  public static Dataset<Row> asOf(JobContext context, SilverEntity entity, LocalDate runDate) {
    TableRef ref = context.tables().resolve(entity.table());
    // By location, as it is read: the catalog name may point elsewhere in a shared metastore.
    if (!DeltaTable.isDeltaTable(context.spark(), ref.location())) {
      throw new InputMissingException(
          "input missing: " + ref + " does not exist; run `pulse bronze` and `pulse silver` first");
    }
    return context
        .spark()
        .read()
        .format("delta")
        .load(ref.location())
        .where(col("_dt").leq(lit(Date.valueOf(runDate))));
  }

  /** The latest version of each key (by the version column, then delivery). */
  public static Dataset<Row> latest(Dataset<Row> versions, SilverEntity entity) {
    return versions
        .withColumn("_rank", row_number().over(entity.newestFirst()))
        .where(col("_rank").equalTo(1))
        .drop("_rank");
  }
}

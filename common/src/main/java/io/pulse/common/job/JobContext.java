package io.pulse.common.job;

import io.delta.tables.DeltaTable;
import io.pulse.common.config.PulseConfig;
import io.pulse.common.error.InputMissingException;
import io.pulse.common.table.DeltaWriter;
import io.pulse.common.table.TableDef;
import io.pulse.common.table.TableRef;
import io.pulse.common.table.TableResolver;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Everything a job run needs besides its logic: session, configuration, dates, tables. */
public record JobContext(
    SparkSession spark,
    PulseConfig config,
    RunDates dates,
    String runId,
    boolean dryRun,
    TableResolver tables,
    DeltaWriter writer) {

  public static JobContext create(
      SparkSession spark, PulseConfig config, RunDates dates, String runId, boolean dryRun) {
    TableResolver tables = new TableResolver(config.warehouse());
    return new JobContext(
        spark,
        config,
        dates,
        runId,
        dryRun,
        tables,
        new DeltaWriter(spark, tables, config.compactMinFiles()));
  }

  /** The same run over other dates: a job that must recompute more days than it was given. */
  public JobContext withDates(RunDates other) {
    return new JobContext(spark, config, other, runId, dryRun, tables, writer);
  }

  /** The catalog name of a table, e.g. {@code gold.fct_ticket}, for logs and job results. */
  public String qualifiedName(TableDef table) {
    return tables.resolve(table).qualifiedName();
  }

  /**
   * An input table, whole, read by location (a shared metastore may name another copy); exit 3
   * naming the job to run first when it does not exist yet.
   */
  public Dataset<Row> readRequired(TableDef table, String writtenBy) {
    TableRef ref = tables.resolve(table);
    if (!DeltaTable.isDeltaTable(spark, ref.location())) {
      throw new InputMissingException(
          "input missing: " + ref + " does not exist; run `pulse " + writtenBy + "` first");
    }
    return spark.read().format("delta").load(ref.location());
  }

  /** The landing folder of one source's delivery day: {@code <landing>/<source>/dt=D}. */
  public String landingPartition(String source, LocalDate day) {
    return config.landing() + "/" + source + "/dt=" + day;
  }
}

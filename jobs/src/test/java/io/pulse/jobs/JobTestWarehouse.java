package io.pulse.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.pulse.common.config.PulseConfig;
import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobResult;
import io.pulse.common.job.RunDates;
import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.DeltaWriter;
import io.pulse.common.table.TableDef;
import io.pulse.common.table.TableResolver;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.common.testing.TestDirs;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A private warehouse for one job test class: hand-made input tables are written at their
 * locations, a job runs on them as the CLI runs it, and what it wrote is read back by location, so
 * test classes never see each other's tables.
 */
public final class JobTestWarehouse {
  private final SparkSession spark = SparkTestSession.get();
  private final TableResolver tables;

  public JobTestWarehouse(String name) {
    tables = new TableResolver(TestDirs.unique(name).resolve("warehouse").toUri().toString());
  }

  public TableResolver tables() {
    return tables;
  }

  /**
   * Writes {@code rows} as {@code table} at its location only (not in the shared catalog): the
   * declared columns in order, each cast to its type, those {@code rows} lack as nulls.
   */
  public void save(TableDef table, Dataset<Row> rows) {
    List<String> present = Arrays.asList(rows.columns());
    Column[] columns =
        table.columns().stream()
            .map(
                (ColumnDef c) ->
                    (present.contains(c.name()) ? col(c.name()) : lit(null))
                        .cast(c.type())
                        .as(c.name()))
            .toArray(Column[]::new);
    rows.select(columns)
        .write()
        .format("delta")
        .mode("overwrite")
        .save(tables.resolve(table).location());
  }

  /** Runs {@code job} for {@code dates} on this warehouse with the test configuration. */
  public JobResult run(Job job, RunDates dates) {
    return run(job, dates, SparkTestSession.config());
  }

  /** Runs {@code job} for {@code dates} on this warehouse with {@code config}. */
  public JobResult run(Job job, RunDates dates, PulseConfig config) {
    return job.run(context(dates, config));
  }

  /** A run's context for {@code dates} on this warehouse with {@code config}. */
  public JobContext context(RunDates dates, PulseConfig config) {
    return new JobContext(spark, config, dates, "test-" + dates, false, tables, writer());
  }

  /** A writer to this warehouse, for what a test writes outside a job run. */
  public DeltaWriter writer() {
    return new DeltaWriter(spark, tables);
  }

  /** What {@code table} holds now. */
  public Dataset<Row> read(TableDef table) {
    return spark.read().format("delta").load(tables.resolve(table).location());
  }
}

package io.pulse.jobs.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.delta.tables.DeltaTable;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobRuns;
import io.pulse.common.job.RunDates;
import io.pulse.common.table.TableRef;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * What {@code ops.job_runs} says about earlier runs: per job, its last successful run for exactly
 * the given run dates. A range run and a one-day run are different runs: neither makes the other
 * done.
 */
public final class JobRunLedger {
  private JobRunLedger() {}

  /** When a job's last successful run for the dates started, and when the job last finished. */
  public record LastSuccess(Timestamp startedAt, Timestamp finishedAt) {}

  /** Per job of {@code jobs} with a successful run for {@code dates}; empty without the table. */
  public static Map<String, LastSuccess> lastSuccesses(
      JobContext context, RunDates dates, Collection<String> jobs) {
    TableRef ref = context.tables().resolve(JobRuns.TABLE);
    Map<String, LastSuccess> found = new HashMap<>();
    // By location, as JobRunner writes it: no table yet means no run was ever recorded.
    if (!DeltaTable.isDeltaTable(context.spark(), ref.location())) {
      return found;
    }
    // One row per job at most: a handful of rows of run metadata, not data.
    Row[] rows =
        (Row[])
            context
                .spark()
                .read()
                .format("delta")
                .load(ref.location())
                .where(
                    col("status")
                        .equalTo(lit("succeeded"))
                        .and(col("job").isin(jobs.toArray()))
                        .and(col("run_date_start").equalTo(lit(Date.valueOf(dates.start()))))
                        .and(col("run_date_end").equalTo(lit(Date.valueOf(dates.end())))))
                .groupBy("job")
                .agg(max("started_at").as("started_at"), max("finished_at").as("finished_at"))
                .collect();
    for (Row row : rows) {
      found.put(row.getString(0), new LastSuccess(row.getTimestamp(1), row.getTimestamp(2)));
    }
    return found;
  }
}

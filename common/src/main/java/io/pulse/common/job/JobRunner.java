package io.pulse.common.job;

import io.pulse.common.error.ExitCode;
import io.pulse.common.error.PulseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job in its context: times it, logs one line per table written, and records the run in
 * {@code ops.job_runs}, successful or not. Failures propagate to the CLI unchanged.
 */
public final class JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

  private JobRunner() {}

  public static JobResult run(Job job, JobContext context) {
    Instant started = Instant.now();
    LOG.info(
        "{} starting: run dates {}, run id {}{}",
        job.name(),
        context.dates(),
        context.runId(),
        context.dryRun() ? ", dry run" : "");
    context
        .spark()
        .sparkContext()
        .setJobGroup(job.name(), job.name() + " " + context.dates(), false);
    JobResult result;
    try {
      result = job.run(context);
    } catch (PulseException e) {
      record(context, job, e.exitCode().code(), e.getMessage(), started, List.of());
      throw e;
    } catch (RuntimeException e) {
      record(context, job, ExitCode.UNEXPECTED.code(), String.valueOf(e), started, List.of());
      throw e;
    } finally {
      context.spark().sparkContext().clearJobGroup();
    }
    Instant finished = Instant.now();
    result = result.withDuration(Duration.between(started, finished));
    for (TableCounts t : result.tables()) {
      LOG.info(
          "{} {}: read {}, written {}, quarantined {}",
          job.name(),
          t.table(),
          t.rowsRead(),
          t.rowsWritten(),
          t.rowsQuarantined());
    }
    record(context, job, 0, null, started, result.tables());
    LOG.info("{} succeeded in {} ms", job.name(), result.duration().toMillis());
    return result;
  }

  private static void record(
      JobContext context,
      Job job,
      int exitCode,
      String message,
      Instant started,
      List<TableCounts> tables) {
    boolean storageDown = exitCode == ExitCode.STORAGE.code();
    if (!context.config().recordRuns() || context.dryRun() || storageDown) {
      return;
    }
    try {
      var row = JobRuns.row(context, job.name(), exitCode, message, started, Instant.now(), tables);
      context
          .writer()
          .append(
              JobRuns.TABLE, context.spark().createDataFrame(List.of(row), JobRuns.TABLE.schema()));
    } catch (RuntimeException e) {
      // The job's own outcome matters more than its log entry; say so and keep that outcome.
      LOG.warn("could not record run {} in ops.job_runs: {}", context.runId(), e.toString());
    }
  }
}

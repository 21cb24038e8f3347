package io.pulse.jobs.pipeline;

import io.pulse.common.config.PulseConfig;
import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobRunner;
import io.pulse.common.job.RunDates;
import io.pulse.jobs.pipeline.JobRunLedger.LastSuccess;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's steps as the CLI runs them: each job through {@link JobRunner} in a context of its
 * own (its own run id), in the one Spark session; what is done is read from ops.job_runs.
 */
public final class JobRunSteps implements PipelineSteps {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunSteps.class);

  /** Builds the context of one run from its dates and run id. */
  private final BiFunction<RunDates, String, JobContext> contexts;

  public JobRunSteps(BiFunction<RunDates, String, JobContext> contexts) {
    this.contexts = contexts;
  }

  /** Steps on the configured warehouse. */
  public static JobRunSteps of(SparkSession spark, PulseConfig config) {
    return new JobRunSteps((dates, runId) -> JobContext.create(spark, config, dates, runId, false));
  }

  @Override
  public Map<String, LastSuccess> lastSuccesses(RunDates dates, Collection<String> jobs) {
    JobContext context = contexts.apply(dates, "pipeline-lookup");
    if (!context.config().recordRuns()) {
      LOG.warn("pulse.run.record-runs is off: no step can be known done, every step runs");
      return Map.of();
    }
    return JobRunLedger.lastSuccesses(context, dates, jobs);
  }

  @Override
  public void run(Job job, RunDates dates) {
    JobRunner.run(job, contexts.apply(dates, UUID.randomUUID().toString()));
  }
}

package io.pulse.common.cli;

import io.pulse.common.config.PulseConfig;
import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobRunner;
import io.pulse.common.job.RunDates;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The CLI face of one job: parse options, build the context, run, return the exit code. */
@Command(mixinStandardHelpOptions = true)
public final class JobCommand implements Callable<Integer> {
  private final Job job;

  @Mixin ConfigOptions configOptions;

  @Mixin DateOptions dateOptions;

  public JobCommand(Job job) {
    this.job = job;
  }

  @Override
  public Integer call() {
    RunDates dates = dateOptions.dates();
    PulseConfig config = configOptions.load();
    Sessions.logSettings(config);
    SparkSession spark = Sessions.open(config);
    String runId = UUID.randomUUID().toString();
    JobRunner.run(job, JobContext.create(spark, config, dates, runId, dateOptions.dryRun()));
    return 0;
  }
}

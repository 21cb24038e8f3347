package io.pulse.jobs.cli;

import io.pulse.common.cli.ConfigOptions;
import io.pulse.common.cli.DateOptions;
import io.pulse.common.cli.Sessions;
import io.pulse.common.config.PulseConfig;
import io.pulse.common.job.Job;
import io.pulse.common.job.RunDates;
import io.pulse.jobs.pipeline.JobRunSteps;
import io.pulse.jobs.pipeline.Pipeline;
import io.pulse.jobs.pipeline.PipelineReport;
import io.pulse.jobs.pipeline.PulseGraph;
import io.pulse.jobs.pipeline.StepOutcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulse pipeline --run-date D | --start S --end E [--each-day] [--force] [--dry-run]}: every
 * job of {@code pulse graph} in order, in one Spark session. Exits with the first failed step's
 * exit code.
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description =
        "Run every job of `pulse graph` in dependency order; steps already done for the same dates"
            + " are skipped unless --force.")
public final class PipelineCommand implements Callable<Integer> {
  private final List<Job> catalogue;

  @Mixin ConfigOptions configOptions;

  @Mixin DateOptions dateOptions;

  @Option(names = "--force", description = "Run every step, even those done for these dates.")
  boolean force;

  @Option(
      names = "--each-day",
      description =
          "With --start/--end: run the pipeline once per date, oldest first, instead of each job"
              + " once over the whole range; stops after the first date with a failure.")
  boolean eachDay;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  public PipelineCommand(List<Job> catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public Integer call() {
    RunDates dates = dateOptions.dates();
    Pipeline pipeline = new Pipeline(PulseGraph.DAILY, catalogue);
    PulseConfig config = configOptions.load();
    Sessions.logSettings(config);
    SparkSession spark = Sessions.open(config);
    boolean dryRun = dateOptions.dryRun();
    JobRunSteps steps = JobRunSteps.of(spark, config);
    List<PipelineReport> reports =
        eachDay
            ? pipeline.runEachDay(dates, force, dryRun, steps)
            : List.of(pipeline.run(dates, force, dryRun, steps));
    return print(reports);
  }

  /** One line per step on stdout; the failure and the steps it blocked on stderr. */
  private int print(List<PipelineReport> reports) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int width = reports.get(0).steps().stream().mapToInt(s -> s.job().length()).max().orElse(0);
    int exitCode = 0;
    for (PipelineReport report : reports) {
      for (StepOutcome step : report.steps()) {
        out.printf(
            "%s  %-" + width + "s  %-9s  %s%n",
            report.dates(),
            step.job(),
            step.status().name().toLowerCase(java.util.Locale.ROOT),
            step.reason());
      }
      if (report.firstFailure().isPresent() && exitCode == 0) {
        StepOutcome failed = report.firstFailure().get();
        exitCode = failed.exitCode();
        List<String> blocked = report.jobs(StepOutcome.Status.BLOCKED);
        err.printf(
            "pipeline: %s %s failed with exit %d: %s%s%n",
            failed.job(),
            report.dates(),
            failed.exitCode(),
            failed.reason(),
            blocked.isEmpty() ? "" : "; not run: " + String.join(", ", blocked));
      }
    }
    out.flush();
    err.flush();
    return exitCode;
  }
}

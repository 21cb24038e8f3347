package io.pulse.jobs.pipeline;

import io.pulse.common.error.ExitCode;
import io.pulse.common.error.PulseException;
import io.pulse.common.job.Job;
import io.pulse.common.job.RunDates;
import io.pulse.jobs.pipeline.JobRunLedger.LastSuccess;
import io.pulse.jobs.pipeline.StepOutcome.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the jobs of a {@link JobGraph} in its order through {@link PipelineSteps} (on the CLI: each
 * through JobRunner, so each step is recorded in ops.job_runs). A step is skipped when it is done:
 * a successful run for the same dates is recorded and none of its upstream steps has run since, in
 * this pipeline or after it. A failed step blocks its dependents; independent steps still run, so a
 * rerun has less to do.
 */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final JobGraph graph;
  private final Map<String, Job> jobs = new LinkedHashMap<>();

  /** {@code catalogue} must hold a job of each name of {@code graph}. */
  public Pipeline(JobGraph graph, List<Job> catalogue) {
    this.graph = graph;
    catalogue.forEach(job -> jobs.put(job.name(), job));
    for (String name : graph.order()) {
      if (!jobs.containsKey(name)) {
        throw new IllegalArgumentException("the job graph names " + name + ", which is no job");
      }
    }
  }

  /** Runs (or with {@code dryRun}, plans) every step for {@code dates} as one range. */
  public PipelineReport run(RunDates dates, boolean force, boolean dryRun, PipelineSteps steps) {
    Map<String, LastSuccess> done = force ? Map.of() : steps.lastSuccesses(dates, graph.order());
    Map<String, Status> statuses = new HashMap<>();
    List<StepOutcome> outcomes = new ArrayList<>();
    for (String name : graph.order()) {
      StepOutcome outcome = step(name, dates, force, dryRun, done, statuses, steps);
      statuses.put(name, outcome.status());
      outcomes.add(outcome);
      LOG.info(
          "pipeline {}: {} {}{} ({})",
          dates,
          name,
          outcome.status().name().toLowerCase(Locale.ROOT),
          outcome.status() == Status.FAILED ? " with exit " + outcome.exitCode() : "",
          outcome.reason());
    }
    return new PipelineReport(dates, List.copyOf(outcomes));
  }

  /**
   * Runs the whole pipeline once per date, oldest first, and stops after the first date with a
   * failed step: a later date's jobs read the earlier dates' outputs.
   */
  public List<PipelineReport> runEachDay(
      RunDates dates, boolean force, boolean dryRun, PipelineSteps steps) {
    List<PipelineReport> reports = new ArrayList<>();
    for (var day : dates.days()) {
      PipelineReport report = run(RunDates.of(day), force, dryRun, steps);
      reports.add(report);
      if (report.exitCode() != 0) {
        break;
      }
    }
    return reports;
  }

  private StepOutcome step(
      String name,
      RunDates dates,
      boolean force,
      boolean dryRun,
      Map<String, LastSuccess> done,
      Map<String, Status> statuses,
      PipelineSteps steps) {
    List<String> broken =
        graph.upstream(name).stream()
            .filter(u -> statuses.get(u).broken())
            .map(u -> u + (statuses.get(u) == Status.FAILED ? " failed" : " blocked"))
            .toList();
    if (!broken.isEmpty()) {
      return new StepOutcome(
          name, Status.BLOCKED, 0, "not run: upstream " + String.join(", ", broken));
    }
    Optional<String> why = force ? Optional.of("--force") : whyRun(name, done, statuses);
    if (why.isEmpty()) {
      return new StepOutcome(
          name, Status.SKIPPED, 0, "done: succeeded at " + done.get(name).finishedAt().toInstant());
    }
    if (dryRun) {
      return new StepOutcome(name, Status.PLANNED, 0, "would run: " + why.get());
    }
    try {
      steps.run(jobs.get(name), dates);
      return new StepOutcome(name, Status.SUCCEEDED, 0, why.get());
    } catch (PulseException e) {
      return new StepOutcome(name, Status.FAILED, e.exitCode().code(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("pipeline step {} failed unexpectedly", name, e);
      return new StepOutcome(name, Status.FAILED, ExitCode.UNEXPECTED.code(), e.toString());
    }
  }

  /** Why the step must run, or empty when it is done. */
  private Optional<String> whyRun(
      String name, Map<String, LastSuccess> done, Map<String, Status> statuses) {
    LastSuccess last = done.get(name);
    if (last == null) {
      return Optional.of("no successful run recorded for these dates");
    }
    for (String upstream : graph.upstream(name)) {
      if (statuses.get(upstream).ran()) {
        return Optional.of("upstream " + upstream + " ran");
      }
      LastSuccess before = done.get(upstream);
      // A skipped upstream is done, so it has a recorded success.
      if (before.finishedAt().after(last.startedAt())) {
        return Optional.of("upstream " + upstream + " succeeded after its last run");
      }
    }
    return Optional.empty();
  }
}

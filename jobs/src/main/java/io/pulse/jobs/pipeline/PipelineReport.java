package io.pulse.jobs.pipeline;

import io.pulse.common.job.RunDates;
import java.util.List;
import java.util.Optional;

/** The steps of one pipeline run for one range of dates, in run order. */
public record PipelineReport(RunDates dates, List<StepOutcome> steps) {
  /** The first failed step in run order, if any. */
  public Optional<StepOutcome> firstFailure() {
    return steps.stream().filter(s -> s.status() == StepOutcome.Status.FAILED).findFirst();
  }

  /** The exit code of the first failed step, 0 when none failed. */
  public int exitCode() {
    return firstFailure().map(StepOutcome::exitCode).orElse(0);
  }

  /** The jobs that ended with {@code status}, in run order. */
  public List<String> jobs(StepOutcome.Status status) {
    return steps.stream().filter(s -> s.status() == status).map(StepOutcome::job).toList();
  }
}

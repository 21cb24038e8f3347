package io.pulse.jobs.pipeline;

import io.pulse.common.job.Job;
import io.pulse.common.job.RunDates;
import io.pulse.jobs.pipeline.JobRunLedger.LastSuccess;
import java.util.Collection;
import java.util.Map;

/** How the pipeline runs one job and learns which jobs already succeeded. */
public interface PipelineSteps {
  /** Per job of {@code jobs} that has a recorded success for exactly {@code dates}: the last. */
  Map<String, LastSuccess> lastSuccesses(RunDates dates, Collection<String> jobs);

  /** Runs {@code job} for {@code dates} and records the run; throws when it fails. */
  void run(Job job, RunDates dates);
}

package io.pulse.jobs.pipeline;

import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobResult;

/** A job for pipeline tests: it reads and writes nothing, and does only what the test gives it. */
final class FakeJob implements Job {
  private final String name;
  private final Runnable onRun;

  private FakeJob(String name, Runnable onRun) {
    this.name = name;
    this.onRun = onRun;
  }

  /** A job doing nothing itself (the steps that run it record and fail it). */
  static Job job(String name) {
    return new FakeJob(name, () -> {});
  }

  /** A job that calls {@code onRun} each time it runs; a failure it throws is the job's. */
  static Job job(String name, Runnable onRun) {
    return new FakeJob(name, onRun);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return "fake " + name;
  }

  @Override
  public JobResult run(JobContext context) {
    onRun.run();
    return JobResult.builder(name).build();
  }
}

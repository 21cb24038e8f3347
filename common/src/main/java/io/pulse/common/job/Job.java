package io.pulse.common.job;

/**
 * A Pulse job: the logic of what to compute. Run logic (dates, environment, table locations,
 * recording the run) lives in {@link JobContext} and {@link JobRunner}, not here.
 */
public interface Job {
  /** The CLI name, e.g. {@code bronze}. */
  String name();

  /** One line for {@code pulse list}. */
  String description();

  /**
   * Reads inputs, transforms, checks and writes; throws a {@link
   * io.pulse.common.error.PulseException} when it cannot proceed.
   */
  JobResult run(JobContext context);
}

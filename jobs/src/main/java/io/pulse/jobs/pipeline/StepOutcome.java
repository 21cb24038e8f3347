package io.pulse.jobs.pipeline;

/** How one pipeline step ended, with the exit code it ended with (0 unless it failed). */
public record StepOutcome(String job, Status status, int exitCode, String reason) {
  public enum Status {
    /** Ran and succeeded. */
    SUCCEEDED,
    /** Not run: ops.job_runs has a success for the same dates, newer than its upstream's. */
    SKIPPED,
    /** Ran and failed. */
    FAILED,
    /** Not run: an upstream step failed or was blocked. */
    BLOCKED,
    /** Dry run: would run. */
    PLANNED;

    /** Whether the step's output is newer now than before this pipeline run (or would be). */
    boolean ran() {
      return this == SUCCEEDED || this == PLANNED;
    }

    /** Whether the step's output cannot be trusted by its dependents. */
    boolean broken() {
      return this == FAILED || this == BLOCKED;
    }
  }
}

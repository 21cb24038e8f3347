package io.pulse.common.error;

/**
 * A failure a data engineer can act on: its message says what failed, where, and what to do, and it
 * carries the exit code the CLI returns. One subclass per failure family.
 */
public abstract class PulseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected PulseException(String message, Throwable cause) {
    super(message, cause);
  }

  public abstract ExitCode exitCode();
}

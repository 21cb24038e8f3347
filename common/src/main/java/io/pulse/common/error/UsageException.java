package io.pulse.common.error;

/** Bad command line or configuration: unknown job, bad date, unknown key. */
public final class UsageException extends PulseException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message, null);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.USAGE;
  }
}

package io.pulse.common.error;

/** A data check failed, so nothing was published. */
public final class CheckFailedException extends PulseException {
  private static final long serialVersionUID = 1L;

  public CheckFailedException(String message) {
    super(message, null);
  }

  public CheckFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.CHECK_FAILED;
  }
}

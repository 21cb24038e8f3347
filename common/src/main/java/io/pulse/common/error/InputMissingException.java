package io.pulse.common.error;

/** Input data is missing or cannot be read. */
public final class InputMissingException extends PulseException {
  private static final long serialVersionUID = 1L;

  public InputMissingException(String message) {
    super(message, null);
  }

  public InputMissingException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.INPUT;
  }
}

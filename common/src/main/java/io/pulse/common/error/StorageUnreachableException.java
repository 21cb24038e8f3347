package io.pulse.common.error;

/** Object storage or the warehouse cannot be reached. */
public final class StorageUnreachableException extends PulseException {
  private static final long serialVersionUID = 1L;

  public StorageUnreachableException(String message) {
    super(message, null);
  }

  public StorageUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.STORAGE;
  }
}

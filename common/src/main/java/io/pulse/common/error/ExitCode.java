package io.pulse.common.error;

/** The process exit codes of every Pulse command, documented in README.md. */
public enum ExitCode {
  OK(0),
  UNEXPECTED(1),
  USAGE(2),
  INPUT(3),
  CHECK_FAILED(4),
  STORAGE(5);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}

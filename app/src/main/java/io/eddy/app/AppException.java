package io.eddy.app;

/**
 * A failure the user can act on, with the exit code the command ends with and a message that
 * says what was wrong and what is valid. Thrown by commands; printed by {@link Eddy} without a
 * stack trace.
 */
final class AppException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  AppException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  AppException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }

  /** A wrong option, column name, algorithm or parameter (exit {@link Eddy#USAGE}). */
  static AppException usage(String message) {
    return new AppException(Eddy.USAGE, message);
  }

  /** Input that cannot be used: a bad cell, a missing value under "fail", an empty table. */
  static AppException data(String message) {
    return new AppException(Eddy.DATA, message);
  }
}

package io.eddy.io;

import java.io.IOException;

/**
 * The input given to {@link ModelIO} is not a valid Eddy model or state: wrong magic bytes, an
 * unsupported format version, an unknown codec, a truncated stream, a checksum mismatch or a
 * payload that decodes to invalid values.
 */
public final class ModelFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  /** With a message saying what is wrong. */
  public ModelFormatException(String message) {
    super(message);
  }

  /** With a message saying what is wrong, and the failure behind it. */
  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}

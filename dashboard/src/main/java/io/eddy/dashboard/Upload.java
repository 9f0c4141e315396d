package io.eddy.dashboard;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body read through a byte limit: past it, reads fail with {@link TooLarge} (HTTP 413). */
final class Upload extends FilterInputStream {

  /** The body is longer than the limit. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("the upload is larger than the limit of " + limit + " bytes");
    }
  }

  private final long limit;
  private long read;

  Upload(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) throws TooLarge {
    read += n;
    if (read > limit) {
      throw new TooLarge(limit);
    }
  }
}

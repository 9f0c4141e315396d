package io.eddy.features.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly while counting lines, so that bytes that are not UTF-8 are reported
 * with the line they stand on ({@link CsvDataException}) rather than as the JDK decoder's bare
 * "Input length = 1". Not thread-safe.
 */
final class Utf8LineReader extends Reader {

  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
  private long line = 1;
  private boolean eof;
  private boolean flushed;

  Utf8LineReader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (flushed) {
      // the decoder is finished: decoding again would throw IllegalStateException
      return -1;
    }
    CharBuffer out = CharBuffer.wrap(buf, off, len);
    while (out.position() == off) {
      CoderResult r = decoder.decode(bytes, out, eof);
      if (r.isError()) {
        long at = line + newlines(buf, off, out.position());
        throw new CsvDataException(at, "*", "", "the input is not valid UTF-8 (" + r.length()
            + " bad byte" + (r.length() == 1 ? "" : "s") + ")");
      }
      if (out.position() > off) {
        break;
      }
      if (eof) {
        if (!flushed) {
          decoder.flush(out);
          flushed = true;
        }
        if (out.position() == off) {
          return -1;
        }
        break;
      }
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }
    int produced = out.position() - off;
    line += newlines(buf, off, out.position());
    return produced;
  }

  private static int newlines(char[] buf, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') {
        count++;
      }
    }
    return count;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

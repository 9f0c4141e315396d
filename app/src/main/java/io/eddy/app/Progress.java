package io.eddy.app;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on stderr: a redrawn bar when stderr is a terminal, a plain line at most every
 * {@link #INTERVAL_NANOS} otherwise (logs stay readable), nothing with {@code --quiet}.
 * Phases ({@link #phase}) are always one line each unless quiet. Not thread-safe.
 */
final class Progress {

  /** Minimum time between two plain progress lines: 2 seconds. */
  static final long INTERVAL_NANOS = 2_000_000_000L;

  private final PrintStream err;
  private final boolean quiet;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private String task;
  private long total;
  private long lastPrint;
  private int lastPercent = -1;

  Progress(PrintStream err, boolean quiet, boolean terminal) {
    this.err = err;
    this.quiet = quiet;
    this.terminal = terminal;
  }

  /** Progress on {@code System.err}; a terminal when the JVM has a console. */
  static Progress onStderr(boolean quiet) {
    return new Progress(System.err, quiet, System.console() != null && System.getenv("TERM") != null
        && !"dumb".equals(System.getenv("TERM")));
  }

  /** A one-line message, such as "read 200 rows". */
  void phase(String message) {
    if (quiet) {
      return;
    }
    if (task != null && terminal) {
      err.print('\r');
    }
    err.printf(Locale.ROOT, "eddy: %s (%.1f s)%n", message, (System.nanoTime() - started) / 1e9);
    err.flush();
  }

  /** Starts a counted task of {@code total} steps. */
  void start(String name, long total) {
    this.task = name;
    this.total = Math.max(1, total);
    this.lastPrint = System.nanoTime();
    this.lastPercent = -1;
  }

  /** Reports that {@code done} of the task's steps are done. Cheap when nothing is printed. */
  void update(long done) {
    if (quiet || task == null) {
      return;
    }
    int percent = (int) Math.min(100, done * 100 / total);
    if (terminal) {
      if (percent != lastPercent) {
        lastPercent = percent;
        int width = 30;
        int filled = percent * width / 100;
        err.printf(Locale.ROOT, "\r%-12s [%s%s] %3d%%", task, "#".repeat(filled), " ".repeat(width - filled), percent);
        err.flush();
      }
      return;
    }
    long now = System.nanoTime();
    if (now - lastPrint >= INTERVAL_NANOS) {
      lastPrint = now;
      err.printf(Locale.ROOT, "eddy: %s %d of %d (%d%%)%n", task, done, total, percent);
      err.flush();
    }
  }

  /** Ends the counted task. */
  void finish() {
    if (!quiet && task != null && terminal) {
      err.print("\r" + " ".repeat(60) + "\r");
      err.flush();
    }
    task = null;
  }
}

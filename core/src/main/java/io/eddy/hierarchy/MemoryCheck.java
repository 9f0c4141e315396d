package io.eddy.hierarchy;

import io.eddy.math.Pairwise;
import java.util.Locale;

/**
 * The check made before allocating a condensed n(n−1)/2 matrix, so that a too-large input
 * fails at once with a message saying what it needs, instead of an {@link OutOfMemoryError}
 * after minutes of work or in an unrelated thread.
 */
final class MemoryCheck {

  private MemoryCheck() {}

  /** The bytes of a condensed matrix of n points. */
  static long condensedBytes(long n) {
    return 8L * Pairwise.pairs(n);
  }

  /** The heap this JVM can still allocate: its maximum less what is in use. */
  static long availableHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
  }

  /**
   * Throws unless a condensed matrix of n points fits one array and the free heap.
   *
   * @param purpose what the matrix is for, e.g. "average linkage"
   * @throws IllegalArgumentException naming the memory needed, the memory available and what to do
   */
  static void requireCondensed(int n, String purpose) {
    String problem = problem(n, availableHeap(), Runtime.getRuntime().maxMemory(), purpose);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** The failure message for n points with the given free and maximum heap, or null if it fits. */
  static String problem(long n, long available, long max, String purpose) {
    long need = condensedBytes(n);
    boolean tooManyForArray = n > Pairwise.MAX_CONDENSED_POINTS;
    if (!tooManyForArray && need <= available) {
      return null;
    }
    StringBuilder s = new StringBuilder();
    s.append(purpose).append(" of ").append(n).append(" points needs a pairwise distance matrix of n(n-1)/2 = ")
        .append(Pairwise.pairs(n)).append(" doubles (").append(bytes(need)).append(")");
    if (tooManyForArray) {
      s.append(", more than one Java array holds (at most ").append(Pairwise.MAX_CONDENSED_POINTS).append(" points)");
    } else {
      s.append(", but the heap has ").append(bytes(available)).append(" free of ").append(bytes(max))
          .append(" (-Xmx)");
    }
    s.append("; single, ward, centroid and median linkage run on the vectors in O(n*d) memory"
        + " (HierarchicalClustering.Params.withStorage(Storage.VECTORS) or Storage.AUTO, registry parameter"
        + " storage=vectors or auto; single linkage always does); for other linkages, cluster a sample"
        + " or give the JVM more heap");
    return s.toString();
  }

  private static String bytes(long b) {
    if (b >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
  }
}

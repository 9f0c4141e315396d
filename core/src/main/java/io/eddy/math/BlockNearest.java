package io.eddy.math;

/**
 * Nearest centers for a block of points at once, in a form the JIT vectorises, with exactly
 * the answers of {@link NearestCenter#nearest(double[], int, double[], int, int)}.
 *
 * <p>The points of a block are stored column-major ({@link #pack}): coordinate t of the
 * block's point p at {@code t * BLOCK + p}. For each center c the kernel accumulates
 * {@code x·c} over the whole block with one multiply-add per point and coordinate, a loop of
 * length {@value #BLOCK} over contiguous memory that C2 turns into SIMD instructions; the
 * squared distance is then {@code |x|² - 2 x·c + |c|²}. That expansion loses precision, so
 * for every point whose best and second-best candidates are closer than a rigorous bound on
 * the rounding error, the answer is recomputed with the direct kernel. Labels are therefore
 * always the direct kernel's (ties to the lowest index); only the time depends on the data
 * (points far from the origin relative to the gaps between centers fall back more often).
 *
 * <p>No method allocates; scratch arrays are passed in.
 */
public final class BlockNearest {

  /** Points per block. */
  public static final int BLOCK = 64;

  /** Unit roundoff of double precision. */
  private static final double U = 0x1p-53;

  private BlockNearest() {}

  /** The length of the packed array for n points of dimension d. */
  public static long packedLength(int n, int d) {
    return (long) ((n + BLOCK - 1) / BLOCK) * BLOCK * d;
  }

  /**
   * Packs n row-major points of dimension d into blocks ({@code packed}, of length
   * {@link #packedLength}) and writes their squared norms into {@code norms} (length n).
   */
  public static void pack(double[] x, int n, int d, double[] packed, double[] norms) {
    for (int i = 0; i < n; i++) {
      int block = i / BLOCK;
      int p = i - block * BLOCK;
      int base = block * BLOCK * d + p;
      double s = 0;
      for (int t = 0; t < d; t++) {
        double v = x[i * d + t];
        packed[base + t * BLOCK] = v;
        s += v * v;
      }
      norms[i] = s;
    }
  }

  /**
   * Writes the squared norm of each of the k centers into {@code centerNorms[0..k)} and the
   * largest into {@code centerNorms[k]}.
   */
  public static void centerNorms(double[] centers, int k, int d, double[] centerNorms) {
    double max = 0;
    for (int j = 0; j < k; j++) {
      double s = 0;
      for (int t = 0; t < d; t++) {
        double c = centers[j * d + t];
        s += c * c;
      }
      centerNorms[j] = s;
      max = Math.max(max, s);
    }
    centerNorms[k] = max;
  }

  /**
   * Writes into {@code out[0 .. count)} the nearest center of points
   * {@code from .. from+count-1}, which must lie in one block ({@code from} a multiple of
   * {@link #BLOCK}, {@code count <= BLOCK}).
   *
   * @param x the points row-major (for the exact fallback)
   * @param packed, pointNorms as written by {@link #pack}
   * @param centerNorms as written by {@link #centerNorms} for these centers
   * @param out receives the labels; modified
   * @param scratch an array of length at least 3·{@link #BLOCK}; overwritten
   */
  public static void nearest(double[] x, double[] packed, double[] pointNorms, int from, int count,
      double[] centers, double[] centerNorms, int k, int d, int[] out, double[] scratch) {
    final int base = (from / BLOCK) * BLOCK * d;
    final double[] acc = scratch;
    final int firstOff = BLOCK;
    final int secondOff = 2 * BLOCK;
    for (int p = 0; p < count; p++) {
      scratch[firstOff + p] = Double.POSITIVE_INFINITY;
      scratch[secondOff + p] = Double.POSITIVE_INFINITY;
      out[p] = 0;
    }
    for (int j = 0; j < k; j++) {
      final int co = j * d;
      final double c0 = centers[co];
      for (int p = 0; p < BLOCK; p++) {
        acc[p] = packed[base + p] * c0;
      }
      for (int t = 1; t < d; t++) {
        final double c = centers[co + t];
        final int off = base + t * BLOCK;
        for (int p = 0; p < BLOCK; p++) {
          acc[p] += packed[off + p] * c;
        }
      }
      final double cn = centerNorms[j];
      for (int p = 0; p < count; p++) {
        double v = cn - 2 * acc[p];
        if (v < scratch[firstOff + p]) {
          scratch[secondOff + p] = scratch[firstOff + p];
          scratch[firstOff + p] = v;
          out[p] = j;
        } else if (v < scratch[secondOff + p]) {
          scratch[secondOff + p] = v;
        }
      }
    }
    // Each computed |c|² - 2x·c is within (d + 2)·u·(|x|² + 2|c|²) of its exact value and each
    // direct distance within 2(d + 2)·u·(|x|² + |c|²) of its own; a gap above four times the
    // larger bound cannot hide a different direct answer.
    final double scale = 8 * (d + 2) * U;
    final double maxCenter = 2 * centerNorms[k];
    for (int p = 0; p < count; p++) {
      double gap = scratch[secondOff + p] - scratch[firstOff + p];
      if (gap <= scale * (pointNorms[from + p] + maxCenter)) {
        out[p] = NearestCenter.nearest(x, (from + p) * d, centers, k, d);
      }
    }
  }
}

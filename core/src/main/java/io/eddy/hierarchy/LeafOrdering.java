package io.eddy.hierarchy;

import io.eddy.math.Pairwise;

/**
 * Optimal leaf ordering (Bar-Joseph, Gifford and Jaakkola, Bioinformatics 2001) as scipy's
 * {@code optimal_leaf_ordering} computes it, so that the rows it swaps are scipy's:
 *
 * <ul>
 *   <li>the leaves are renumbered by their position in the current plotting order, so that
 *       every cluster is a range of positions;</li>
 *   <li>bottom-up, for each merge V of V<sub>l</sub> and V<sub>r</sub> and every leftmost
 *       leaf u in V<sub>l</sub> and rightmost leaf w in V<sub>r</sub>, the least cost
 *       M[u, w] = M[u, m] + M[k, w] + D[m, k] over the inner leaves m, k, searched in
 *       increasing order of M with the paper's early exits; M is kept in single precision
 *       and the sums rounded as scipy rounds them, since ties are decided on those values;</li>
 *   <li>for each merge, the children's swaps of its best (u, w) are recorded; a row's final
 *       swap is the parity of the swaps recorded for it and its ancestors.</li>
 * </ul>
 */
final class LeafOrdering {

  /** scipy's starting value for every minimum, 2^30. */
  private static final float LARGE = 1073741824.0f;

  private final int n;
  private final float[] cost;
  private final byte[] status;
  private final double[] dist;
  private final int[] lo;
  private final int[] hi;
  private final int[] sl;
  private final int[] sr;

  private LeafOrdering(int n, double[] dist, int[] lo, int[] hi, int[] sl, int[] sr) {
    this.n = n;
    this.cost = new float[n * n];
    this.status = new byte[n * n];
    this.dist = dist;
    this.lo = lo;
    this.hi = hi;
    this.sl = sl;
    this.sr = sr;
  }

  /** For each row of {@code tree}, whether to swap its two children. */
  static boolean[] swaps(Dendrogram tree, double[] condensed) {
    int n = tree.leafCount();
    long bytes = 13L * n * n;
    if ((long) n * n > Integer.MAX_VALUE - 8 || bytes > MemoryCheck.availableHeap()) {
      throw new IllegalArgumentException("optimal leaf ordering of " + n + " points needs about "
          + (bytes >> 20) + " MiB of working memory (13 n^2 bytes), more than the free heap"
          + " or one array allows; order a smaller tree (for instance the top of a cut)");
    }
    int m = n - 1;
    int[] leaves = tree.leafOrder();
    int[] pos = new int[n];
    for (int i = 0; i < n; i++) {
      pos[leaves[i]] = i;
    }
    int[] sl = new int[m];
    int[] sr = new int[m];
    int[] lo = new int[2 * n - 1];
    int[] hi = new int[2 * n - 1];
    for (int i = 0; i < n; i++) {
      lo[i] = i;
      hi[i] = i + 1;
    }
    for (int r = 0; r < m; r++) {
      int a = tree.left(r);
      int b = tree.right(r);
      sl[r] = a < n ? pos[a] : a;
      sr[r] = b < n ? pos[b] : b;
      lo[n + r] = lo[sl[r]];
      hi[n + r] = hi[sr[r]];
    }
    double[] dist = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        int a = leaves[i];
        int b = leaves[j];
        double v = condensed[a < b ? Pairwise.index(n, a, b) : Pairwise.index(n, b, a)];
        dist[i * n + j] = v;
        dist[j * n + i] = v;
      }
    }
    boolean[] must = new LeafOrdering(n, dist, lo, hi, sl, sr).identifySwaps();
    int[] parent = new int[m];
    for (int r = 0; r < m; r++) {
      if (tree.left(r) >= n) {
        parent[tree.left(r) - n] = r;
      }
      if (tree.right(r) >= n) {
        parent[tree.right(r) - n] = r;
      }
    }
    boolean[] swap = new boolean[m];
    for (int r = m - 1; r >= 0; r--) {
      swap[r] = must[r] ^ (r < m - 1 && swap[parent[r]]);
    }
    return swap;
  }

  private boolean[] identifySwaps() {
    int m = n - 1;
    boolean[] must = new boolean[m];
    int[] uc = new int[2];
    int[] mc = new int[2];
    int[] wc = new int[2];
    int[] kc = new int[2];
    float[] mVals = new float[n];
    int[] mIdx = new int[n];
    float[] kVals = new float[n];
    int[] kIdx = new int[n];
    for (int i = 0; i < m; i++) {
      int vl = sl[i];
      int vr = sr[i];
      int uCount;
      int wCount;
      if (vl < n) {
        uCount = 1;
        uc[0] = vl;
        mc[0] = vl;
      } else {
        uCount = 2;
        uc[0] = sl[vl - n];
        mc[0] = sr[vl - n];
        uc[1] = sr[vl - n];
        mc[1] = sl[vl - n];
      }
      if (vr < n) {
        wCount = 1;
        wc[0] = vr;
        kc[0] = vr;
      } else {
        wCount = 2;
        wc[0] = sr[vr - n];
        kc[0] = sl[vr - n];
        wc[1] = sl[vr - n];
        kc[1] = sr[vr - n];
      }
      for (int swapL = 0; swapL < uCount; swapL++) {
        for (int swapR = 0; swapR < wCount; swapR++) {
          int uMin = lo[uc[swapL]];
          int uMax = hi[uc[swapL]];
          int mMin = lo[mc[swapL]];
          int mMax = hi[mc[swapL]];
          int wMin = lo[wc[swapR]];
          int wMax = hi[wc[swapR]];
          int kMin = lo[kc[swapR]];
          int kMax = hi[kc[swapR]];
          float minKm = LARGE;
          for (int mm = mMin; mm < mMax; mm++) {
            for (int k = kMin; k < kMax; k++) {
              double v = dist[mm * n + k];
              if (v < minKm) {
                minKm = (float) v;
              }
            }
          }
          byte st = (byte) (swapL | (swapR << 1));
          for (int u = uMin; u < uMax; u++) {
            sortSlice(mVals, mIdx, mMin, mMax, u);
            for (int w = wMin; w < wMax; w++) {
              sortSlice(kVals, kIdx, kMin, kMax, w);
              float best = LARGE;
              for (int mi = 0; mi < mMax - mMin; mi++) {
                int mm = mIdx[mi];
                float um = cost[u * n + mm];
                if (um + cost[w * n + kIdx[0]] + minKm >= best) {
                  break;
                }
                for (int ki = 0; ki < kMax - kMin; ki++) {
                  int k = kIdx[ki];
                  float wk = cost[w * n + k];
                  if (um + wk + minKm >= best) {
                    break;
                  }
                  float current = (float) ((um + wk) + dist[mm * n + k]);
                  if (current < best) {
                    best = current;
                  }
                }
              }
              cost[u * n + w] = best;
              cost[w * n + u] = best;
              status[u * n + w] = st;
              status[w * n + u] = st;
            }
          }
        }
      }
      float best = LARGE;
      int bestU = 0;
      int bestW = 0;
      for (int u = lo[vl]; u < hi[vl]; u++) {
        for (int w = lo[vr]; w < hi[vr]; w++) {
          if (cost[u * n + w] < best) {
            best = cost[u * n + w];
            bestU = u;
            bestW = w;
          }
        }
      }
      byte st = status[bestU * n + bestW];
      if (vl >= n) {
        must[vl - n] = (st & 1) != 0;
      }
      if (vr >= n) {
        must[vr - n] = (st & 2) != 0;
      }
    }
    return must;
  }

  /** The positions from .. to-1 sorted by cost[position][column], by scipy's quicksort. */
  private void sortSlice(float[] vals, int[] idx, int from, int to, int column) {
    for (int i = 0; i < to - from; i++) {
      vals[i] = cost[(from + i) * n + column];
      idx[i] = from + i;
    }
    quicksort(vals, idx, 0, to - from);
  }

  /**
   * The quicksort scipy's code uses (median of three, Lomuto partition, small cases by
   * hand), reproduced because the order it leaves equal values in decides ties.
   */
  private static void quicksort(float[] v, int[] idx, int off, int size) {
    if (size <= 1) {
      return;
    }
    if (size == 2) {
      if (v[off] > v[off + 1]) {
        swap(v, idx, off, off + 1);
      }
      return;
    }
    if (size == 3) {
      if (v[off] > v[off + 1]) {
        swap(v, idx, off, off + 1);
      }
      if (v[off + 1] > v[off + 2]) {
        swap(v, idx, off + 1, off + 2);
        if (v[off] > v[off + 1]) {
          swap(v, idx, off, off + 1);
        }
      }
      return;
    }
    int mid = off + size / 2;
    int last = off + size - 1;
    if (v[off] > v[last]) {
      swap(v, idx, off, last);
    }
    if (v[last] > v[mid]) {
      swap(v, idx, last, mid);
      if (v[off] > v[last]) {
        swap(v, idx, off, last);
      }
    }
    float pivot = v[last];
    int store = off;
    for (int i = off; i < last; i++) {
      if (v[i] < pivot) {
        swap(v, idx, i, store);
        store++;
      }
    }
    swap(v, idx, store, last);
    int p = store - off;
    if (p > 1) {
      quicksort(v, idx, off, p);
    }
    if (p + 2 < size) {
      quicksort(v, idx, store + 1, size - p - 1);
    }
  }

  private static void swap(float[] v, int[] idx, int i, int j) {
    float t = v[i];
    v[i] = v[j];
    v[j] = t;
    int s = idx[i];
    idx[i] = idx[j];
    idx[j] = s;
  }
}

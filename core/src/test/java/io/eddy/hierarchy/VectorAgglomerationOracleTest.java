package io.eddy.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link VectorAgglomeration} against the generic algorithm written plainly: one scan at a
 * time over the live clusters kept in a list, each dissimilarity summed coordinate by
 * coordinate in the row-major order of the points, the same heap. The fast form scans
 * columns in pieces, marks merged clusters dead instead of removing them, compacts, skips
 * Ward's division by a bound and splits scans over threads; none of that may change a bit of
 * the tree. Data with many ties (a small integer grid) and without, sizes that compact
 * several times, dimensions from 1 to 9.
 */
class VectorAgglomerationOracleTest {

  @ParameterizedTest
  @EnumSource(value = Linkage.class, names = {"WARD", "CENTROID", "MEDIAN"})
  void generic_sameTreeBitForBitAsThePlainAlgorithm(Linkage linkage) {
    SplittableRandom rng = new SplittableRandom(linkage.ordinal() * 31L + 7);
    int[][] cases = {{2, 3}, {3, 1}, {17, 2}, {300, 1}, {640, 3}, {1200, 8}, {900, 9}};
    for (int[] nd : cases) {
      int n = nd[0];
      int d = nd[1];
      for (boolean tied : new boolean[] {true, false}) {
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
          x[i] = tied ? rng.nextInt(4) : rng.nextGaussian() * (1 + (i / d) % 5);
        }
        Dendrogram want = plain(x, n, d, linkage);
        String what = linkage + " n=" + n + " d=" + d + (tied ? " tied" : "");
        assertSame(VectorAgglomeration.generic(x, n, d, linkage, 1), want, what + " 1 thread");
        // A split threshold of one candidate makes every scan of more than four run in blocks.
        assertSame(VectorAgglomeration.generic(x, n, d, linkage, 3, 1), want, what + " 3 threads, split");
      }
    }
  }

  private static void assertSame(Dendrogram got, Dendrogram want, String what) {
    for (int r = 0; r < want.mergeCount(); r++) {
      assertThat(new long[] {got.left(r), got.right(r), Double.doubleToRawLongBits(got.height(r)), got.size(r)})
          .as("%s, row %d", what, r)
          .containsExactly(want.left(r), want.right(r), Double.doubleToRawLongBits(want.height(r)), want.size(r));
    }
  }

  /** The generic algorithm (Müllner's Figure 3 on the stored centers), as plainly as it goes. */
  private static Dendrogram plain(double[] x, int n, int d, Linkage linkage) {
    boolean ward = linkage == Linkage.WARD;
    double[] c = x.clone();
    double[] size = new double[n];
    int[] live = new int[n];
    for (int i = 0; i < n; i++) {
      size[i] = 1;
      live[i] = i;
    }
    int[] count = {n};
    int[] neighbor = new int[n];
    double[] minDist = new double[n];
    for (int i = 0; i < n; i++) {
      neighbor[i] = nearestAbove(i, c, size, d, ward, live, count[0], minDist);
    }
    IndexedHeap heap = new IndexedHeap(minDist, n - 1);
    int[] id = new int[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
    }
    int[] left = new int[n - 1];
    int[] right = new int[n - 1];
    double[] h = new double[n - 1];
    int[] sz = new int[n - 1];
    for (int k = 0; k < n - 1; k++) {
      int p;
      int q;
      while (true) {
        p = heap.minKey();
        q = neighbor[p];
        if (q >= 0 && size[q] > 0 && heap.minValue() == dissimilarity(p, q, c, size, d, ward)) {
          break;
        }
        neighbor[p] = nearestAbove(p, c, size, d, ward, live, count[0], minDist);
        heap.change(p, minDist[p]);
      }
      double m = heap.minValue();
      heap.removeMin();
      double np = size[p];
      double nq = size[q];
      left[k] = Math.min(id[p], id[q]);
      right[k] = Math.max(id[p], id[q]);
      h[k] = Math.sqrt(m);
      sz[k] = (int) (np + nq);
      for (int t = 0; t < d; t++) {
        c[q * d + t] = linkage == Linkage.MEDIAN
            ? 0.5 * (c[p * d + t] + c[q * d + t])
            : np / (np + nq) * c[p * d + t] + nq / (np + nq) * c[q * d + t];
      }
      size[p] = 0;
      size[q] = np + nq;
      id[q] = n + k;
      int pp = indexOf(live, count[0], p);
      System.arraycopy(live, pp + 1, live, pp, count[0] - pp - 1);
      count[0]--;
      for (int s = 0; s < pp; s++) {
        if (neighbor[live[s]] == p) {
          neighbor[live[s]] = q;
        }
      }
      int qq = indexOf(live, count[0], q);
      for (int s = ward ? pp : 0; s < qq; s++) {
        int z = live[s];
        double e = dissimilarity(z, q, c, size, d, ward);
        if (e < minDist[z]) {
          neighbor[z] = q;
          minDist[z] = e;
          heap.change(z, e);
        }
      }
      if (qq + 1 < count[0]) {
        neighbor[q] = nearestAbove(q, c, size, d, ward, live, count[0], minDist);
        heap.change(q, minDist[q]);
      }
    }
    return new Dendrogram(n, left, right, h, sz);
  }

  private static int nearestAbove(int i, double[] c, double[] size, int d, boolean ward, int[] live, int count,
      double[] minDist) {
    int best = -1;
    double m = Double.POSITIVE_INFINITY;
    for (int s = indexOf(live, count, i) + 1; s < count; s++) {
      double e = dissimilarity(i, live[s], c, size, d, ward);
      if (e < m) {
        m = e;
        best = live[s];
      }
    }
    minDist[i] = m;
    return best;
  }

  private static double dissimilarity(int i, int j, double[] c, double[] size, int d, boolean ward) {
    double s = 0;
    for (int t = 0; t < d; t++) {
      double e = c[i * d + t] - c[j * d + t];
      s += e * e;
    }
    return ward ? 2.0 * size[i] * size[j] / (size[i] + size[j]) * s : s;
  }

  private static int indexOf(int[] live, int count, int slot) {
    for (int s = 0; s < count; s++) {
      if (live[s] == slot) {
        return s;
      }
    }
    throw new AssertionError(slot + " is not live");
  }
}

package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.math.Neighbours;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link BallIndex} against a scan of every centre ({@link Neighbours#withinRadius}), through
 * the life DBSTREAM gives it: centres added in clumps, moved a little toward the queries,
 * compacted away ({@link BallIndex#remap}) and regrouped ({@link BallIndex#rebuild}). Every
 * answer must be the scan's: the same slots in the same order and bit-identical squared
 * distances. Dimensions 8 and 12 use the blocks of four only, 3 and 6 the coordinate-by-coordinate
 * tail as well.
 */
class BallIndexTest {

  @ParameterizedTest(name = "d = {0}")
  @ValueSource(ints = {3, 6, 8, 12})
  void withinRadius_throughAddsMovesRemapsAndRebuilds_isTheFullScan(int d) {
    SplittableRandom rng = new SplittableRandom(40 + d);
    double r = 0.08 * Math.sqrt(d / 8.0);
    double r2 = r * r;
    int cap = 2_000;
    double[] centers = new double[cap * d];
    double[][] clumps = new double[10][d];
    for (double[] c : clumps) {
      for (int t = 0; t < d; t++) {
        c[t] = rng.nextDouble();
      }
    }
    BallIndex index = new BallIndex(3 * r, r);
    index.rebuild(centers, d, 0);
    int m = 0;
    int[] got = new int[cap];
    double[] gotDist = new double[cap];
    int[] want = new int[cap];
    double[] wantDist = new double[cap];
    double[] x = new double[d];
    long answers = 0;
    long found = 0;
    for (int step = 0; step < 30_000; step++) {
      // 90 % of the points in a clump, the rest uniform noise
      double[] clump = clumps[rng.nextInt(clumps.length)];
      boolean noise = rng.nextInt(10) == 0;
      for (int t = 0; t < d; t++) {
        x[t] = noise ? rng.nextDouble() : clump[t] + 0.025 * rng.nextGaussian();
      }
      int n = index.withinRadius(x, r2, got, gotDist);
      int expected = Neighbours.withinRadius(x, centers, m, r2, want, wantDist);
      assertThat(n).as("neighbour count at step %d", step).isEqualTo(expected);
      assertThat(Arrays.copyOf(got, n)).isEqualTo(Arrays.copyOf(want, n));
      for (int k = 0; k < n; k++) {
        assertThat(Double.doubleToRawLongBits(gotDist[k])).isEqualTo(Double.doubleToRawLongBits(wantDist[k]));
      }
      answers++;
      found += n;
      if (n == 0 && m < cap) {
        System.arraycopy(x, 0, centers, m * d, d);
        index.add(centers, m++);
      } else {
        for (int k = 0; k < n; k++) {
          int slot = got[k];
          for (int t = 0; t < d; t++) {
            centers[slot * d + t] += 0.3 * (x[t] - centers[slot * d + t]);
          }
          index.moved(centers, slot);
        }
      }
      if (step % 1_000 == 999) {
        // drop about a fifth of the centres, compacting the rest as DBSTREAM's cleanup does
        int[] newIndex = new int[m];
        int kept = 0;
        for (int i = 0; i < m; i++) {
          if (rng.nextInt(5) == 0) {
            newIndex[i] = -1;
          } else {
            System.arraycopy(centers, i * d, centers, kept * d, d);
            newIndex[i] = kept++;
          }
        }
        if (step % 4_000 == 3_999) {
          index.rebuild(centers, d, kept);
        } else {
          index.remap(newIndex);
        }
        m = kept;
      }
    }
    assertThat(m).as("centres held").isGreaterThan(100);
    assertThat((double) found / answers).as("neighbours per query: the groups overlap").isGreaterThan(1.0);
    assertThat(index.groups()).as("groups: the index groups the centres").isLessThan(m / 2);
  }
}

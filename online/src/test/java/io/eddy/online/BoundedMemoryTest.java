package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The short version of the 10,000,000-point soak in {@code benchmarks}
 * ({@code io.eddy.benchmarks.density.DensitySoak}): 400,000 points of five 8-D blobs with 10%
 * uniform noise. The micro-cluster count must plateau: the second half's maximum may exceed
 * the first half's by at most 25% (unbounded growth would double it). DenStream's
 * p-micro-clusters must also respect the paper's bound W/(beta·mu), with
 * W = 1/(1 - 2^-lambda) the total faded weight of a unit-weight stream.
 */
class BoundedMemoryTest {

  private static final int N = 400_000;
  private static final int D = 8;

  static double[] next(SplittableRandom rng, double[] out) {
    if (rng.nextDouble() < 0.1) {
      for (int j = 0; j < D; j++) {
        out[j] = rng.nextDouble(-10, 10);
      }
    } else {
      int k = rng.nextInt(5);
      for (int j = 0; j < D; j++) {
        out[j] = (j == k ? 6 : 0) + (j == k + 1 ? -6 : 0) + 0.5 * rng.nextGaussian();
      }
    }
    return out;
  }

  @Test
  public void dbstream_noisyStream_microClusterCountPlateaus() {
    Dbstream c = new Dbstream(Dbstream.Params.DEFAULTS.withR(3).withLambda(0.001).withTGap(1000).withWMin(3).withAlpha(0.1));
    SplittableRandom rng = new SplittableRandom(10);
    double[] x = new double[D];
    int firstHalf = 0;
    int secondHalf = 0;
    for (int i = 0; i < N; i++) {
      c.learn(next(rng, x));
      int m = c.microClusterCount();
      if (i < N / 2) {
        firstHalf = Math.max(firstHalf, m);
      } else {
        secondHalf = Math.max(secondHalf, m);
      }
    }
    assertThat(firstHalf).isPositive();
    assertThat(secondHalf).isLessThanOrEqualTo(firstHalf + firstHalf / 4);
    assertThat(c.snapshot().clusterCount()).isEqualTo(5);
  }

  @Test
  public void denstream_noisyStream_microClusterCountPlateausWithinPaperBound() {
    DenStream.Params p = DenStream.Params.SPEC.from(Map.of("epsilon", 1.5, "mu", 10, "beta", 0.2, "lambda", 0.001, "initPoints", 1000, "offlineFactor", 2));
    DenStream c = new DenStream(p);
    double bound = 1 / (1 - Math.pow(2, -p.lambda())) / (p.beta() * p.mu());
    SplittableRandom rng = new SplittableRandom(11);
    double[] x = new double[D];
    int firstHalf = 0;
    int secondHalf = 0;
    int maxPotential = 0;
    for (int i = 0; i < N; i++) {
      c.learn(next(rng, x));
      int m = c.potentialCount() + c.outlierCount();
      maxPotential = Math.max(maxPotential, c.potentialCount());
      if (i < N / 2) {
        firstHalf = Math.max(firstHalf, m);
      } else {
        secondHalf = Math.max(secondHalf, m);
      }
    }
    assertThat((double) maxPotential).isLessThanOrEqualTo(bound);
    assertThat(secondHalf).isLessThanOrEqualTo(firstHalf + firstHalf / 4);
    assertThat(c.snapshot().clusterCount()).isEqualTo(5);
  }
}

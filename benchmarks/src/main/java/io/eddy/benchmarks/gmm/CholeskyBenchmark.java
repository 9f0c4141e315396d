package io.eddy.benchmarks.gmm;

import io.eddy.math.Cholesky;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the mixture's M-step does per component: factor a d x d covariance (Cholesky) and
 * invert the lower factor. Eddy's hand-written {@link Cholesky} (flat array, no allocation)
 * beside EJML 0.44's {@code CholeskyDecompositionInner_DDRM} and
 * {@code TriangularSolver_DDRM.invertLower}, which DESIGN.md names for dense linear algebra;
 * the figures decide which the mixture uses for small d.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CholeskyBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CholeskyBenchmark {

  @Param({"4", "8", "16"})
  int d;

  double[] spd;
  double[] work;
  double[] inverse;
  DMatrixRMaj matrix;
  CholeskyDecompositionInner_DDRM ejml;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(1);
    double[] b = new double[d * d];
    for (int i = 0; i < b.length; i++) {
      b[i] = rng.nextDouble(-1, 1);
    }
    spd = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double s = i == j ? d : 0;
        for (int p = 0; p < d; p++) {
          s += b[i * d + p] * b[j * d + p];
        }
        spd[i * d + j] = s;
      }
    }
    work = new double[d * d];
    inverse = new double[d * d];
    matrix = new DMatrixRMaj(d, d);
    ejml = new CholeskyDecompositionInner_DDRM(true);
  }

  @Benchmark
  public double[] eddy() {
    System.arraycopy(spd, 0, work, 0, spd.length);
    Cholesky.decompose(work, 0, d);
    Cholesky.invertLower(work, 0, inverse, 0, d);
    return inverse;
  }

  @Benchmark
  public double[] ejml() {
    System.arraycopy(spd, 0, matrix.data, 0, spd.length);
    ejml.decompose(matrix);
    TriangularSolver_DDRM.invertLower(matrix.data, inverse, d);
    return inverse;
  }
}

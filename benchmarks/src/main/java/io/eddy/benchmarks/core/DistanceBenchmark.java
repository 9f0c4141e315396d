package io.eddy.benchmarks.core;

import io.eddy.benchmarks.Inputs;
import io.eddy.math.Euclid;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The squared-distance kernel against the plain single-accumulator loop.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar DistanceBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DistanceBenchmark {

  private static final int N = 1024;
  private static final int MASK = N - 1;

  @Param({"8", "32"})
  public int d;

  private double[][] a;
  private double[][] b;
  private int i;

  @Setup
  public void setUp() {
    a = Inputs.points(1, N, d);
    b = Inputs.points(2, N, d);
  }

  @Benchmark
  public double euclid() {
    int j = i++ & MASK;
    return Euclid.squaredDistance(a[j], b[j]);
  }

  @Benchmark
  public double plainLoop() {
    int j = i++ & MASK;
    double[] x = a[j];
    double[] y = b[j];
    double s = 0;
    for (int t = 0; t < x.length; t++) {
      double diff = x[t] - y[t];
      s += diff * diff;
    }
    return s;
  }
}

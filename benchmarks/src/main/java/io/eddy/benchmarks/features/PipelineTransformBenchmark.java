package io.eddy.benchmarks.features;

import io.eddy.features.Log1pTransformer;
import io.eddy.features.Pipeline;
import io.eddy.features.SimpleImputer;
import io.eddy.features.StandardScaler;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 10-feature {@link Pipeline} transforming one point: median imputation of all ten
 * features, {@code log1p} of three money columns, standardisation of all ten. Beside it, a
 * plain loop doing the same arithmetic with the fitted constants inlined in arrays (no
 * validation, no step boundaries); and the same pipeline and loop without the {@code log1p}
 * step, to show what the logarithms cost. About 5% of the input cells are missing.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar PipelineTransformBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PipelineTransformBenchmark {

  private static final int N = 4096;
  private static final int MASK = N - 1;
  private static final int D = 10;
  private static final int[] MONEY = {2, 5, 7};

  private double[][] points;
  private Pipeline pipeline;
  private Pipeline pipelineWithoutLog;
  private double[] out;
  private double[] fill;
  private boolean[] logged;
  private double[] mean;
  private double[] scale;
  private double[] mean2;
  private double[] scale2;
  private int i;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(4);
    points = new double[N][D];
    for (double[] p : points) {
      for (int j = 0; j < D; j++) {
        p[j] = r.nextInt(20) == 0 ? Double.NaN : Math.exp(r.nextGaussian() + j * 0.1);
      }
    }
    List<String> names = List.of("f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9");
    pipeline = Pipeline.builder(names)
        .then(SimpleImputer.Params.DEFAULTS.withStrategy(SimpleImputer.Strategy.MEDIAN))
        .then(Log1pTransformer.Params.DEFAULTS, List.of("f2", "f5", "f7"))
        .then(StandardScaler.Params.DEFAULTS)
        .fit(points);
    pipelineWithoutLog = Pipeline.builder(names)
        .then(SimpleImputer.Params.DEFAULTS.withStrategy(SimpleImputer.Strategy.MEDIAN))
        .then(StandardScaler.Params.DEFAULTS)
        .fit(points);
    out = new double[pipeline.outputDimension()];
    fill = ((SimpleImputer) pipeline.steps().get(0)).fillValues();
    StandardScaler s = (StandardScaler) pipeline.steps().get(2);
    mean = s.mean();
    scale = s.scale();
    StandardScaler s2 = (StandardScaler) pipelineWithoutLog.steps().get(1);
    mean2 = s2.mean();
    scale2 = s2.scale();
    logged = new boolean[D];
    for (int j : MONEY) {
      logged[j] = true;
    }
  }

  @Benchmark
  public double[] pipeline() {
    pipeline.transform(points[i++ & MASK], out);
    return out;
  }

  @Benchmark
  public double[] pipelineWithoutLog() {
    pipelineWithoutLog.transform(points[i++ & MASK], out);
    return out;
  }

  @Benchmark
  public double[] plainLoop() {
    double[] x = points[i++ & MASK];
    for (int j = 0; j < D; j++) {
      double v = x[j];
      v = v != v ? fill[j] : v;
      if (logged[j]) {
        v = Log1pTransformer.log1p(v);
      }
      out[j] = (v - mean[j]) / scale[j];
    }
    return out;
  }

  @Benchmark
  public double[] plainLoopWithoutLog() {
    double[] x = points[i++ & MASK];
    for (int j = 0; j < D; j++) {
      double v = x[j];
      v = v != v ? fill[j] : v;
      out[j] = (v - mean2[j]) / scale2[j];
    }
    return out;
  }
}

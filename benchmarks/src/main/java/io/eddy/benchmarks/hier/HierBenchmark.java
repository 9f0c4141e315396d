package io.eddy.benchmarks.hier;

import io.eddy.Parameter;
import io.eddy.hierarchy.Dendrogram;
import io.eddy.hierarchy.HierarchicalClustering;
import io.eddy.hierarchy.HierarchicalClustering.Params;
import io.eddy.hierarchy.HierarchicalClustering.Storage;
import io.eddy.hierarchy.Linkage;
import io.eddy.math.Pairwise;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Agglomerative clustering of n points of dimension 8 ({@link HierData}, the same points
 * {@code benchmarks/compare/hier/fastcluster_compare.py} gives fastcluster), beside a plain
 * loop that only fills the condensed distance matrix: the O(n²·d) arithmetic every matrix
 * linkage starts with, so {@code linkage / baselineCondensedFill} is the cost of the
 * clustering over the bare distance computation.
 *
 * <p>Run:
 * <pre>
 * ./mvnw -q -B -o -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar HierBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc -p n=5000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HierBenchmark {

  @Param({"5000"})
  public int n;

  @Param({"single", "average", "complete", "ward"})
  public String linkage;

  private double[][] points;
  private double[] flat;
  private double[] condensed;
  private HierarchicalClustering matrix;
  private HierarchicalClustering vectors;

  @Setup(Level.Trial)
  public void setUp() {
    points = HierData.points(n, 8, 42);
    flat = new double[n * 8];
    for (int i = 0; i < n; i++) {
      System.arraycopy(points[i], 0, flat, i * 8, 8);
    }
    condensed = new double[(int) Pairwise.pairs(n)];
    Linkage l = Parameter.Choice.of(Linkage.class, linkage);
    matrix = new HierarchicalClustering(Params.DEFAULTS.withLinkage(l).withStorage(Storage.MATRIX));
    vectors = l == Linkage.WARD || l == Linkage.SINGLE
        ? new HierarchicalClustering(Params.DEFAULTS.withLinkage(l).withStorage(Storage.VECTORS))
        : null;
  }

  /** The whole linkage from the points, matrix storage (single never builds a matrix). */
  @Benchmark
  public Dendrogram linkage() {
    return matrix.dendrogram(points);
  }

  /** Ward (and single) on the vectors, O(n·d) memory; other linkages return null at once. */
  @Benchmark
  public Dendrogram vectors() {
    return vectors == null ? null : vectors.dendrogram(points);
  }

  /** The plain-loop baseline: n(n−1)/2 Euclidean distances into a preallocated array. */
  @Benchmark
  public double baselineCondensedFill() {
    double[] x = flat;
    double[] out = condensed;
    int k = 0;
    for (int i = 0; i < n - 1; i++) {
      int a = i * 8;
      for (int j = i + 1; j < n; j++) {
        int b = j * 8;
        double s = 0;
        for (int t = 0; t < 8; t++) {
          double diff = x[a + t] - x[b + t];
          s += diff * diff;
        }
        out[k++] = Math.sqrt(s);
      }
    }
    return out[k - 1];
  }
}

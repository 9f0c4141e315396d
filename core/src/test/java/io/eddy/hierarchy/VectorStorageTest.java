package io.eddy.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eddy.hierarchy.HierarchicalClustering.Params;
import io.eddy.hierarchy.HierarchicalClustering.Storage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The vector forms under ties, and every algorithm's independence of the thread count.
 */
class VectorStorageTest {

  /** n points on a small integer grid: many duplicates and many tied distances. */
  private static double[][] grid(long seed, int n, int d, int side) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = rng.nextInt(side);
      }
    }
    return x;
  }

  /**
   * What the vector forms guarantee with ties: replaying the rows in order, every row merges
   * two clusters at the least dissimilarity among the clusters present (to rounding), and its
   * height is that dissimilarity. So the tree is one the definition of the linkage allows,
   * the one scipy builds when its tie order agrees; heights in later rows may differ from
   * scipy's because another tied pair merged first.
   */
  @ParameterizedTest
  @EnumSource(value = Linkage.class, names = {"WARD", "CENTROID", "MEDIAN"})
  void vectors_tiedData_everyRowMergesAClosestPair(Linkage linkage) {
    for (long seed = 1; seed <= 3; seed++) {
      double[][] x = grid(seed, 90, 2, 5);
      Dendrogram t = new HierarchicalClustering(Params.DEFAULTS.withLinkage(linkage).withStorage(Storage.VECTORS))
          .dendrogram(x);
      assertClosestPairEveryRow(t, x, linkage);
    }
  }

  /** The matrix forms satisfy the same property, so the check itself is sound. */
  @Test
  public void matrix_tiedData_everyRowMergesAClosestPair() {
    double[][] x = grid(4, 90, 2, 5);
    for (Linkage l : new Linkage[] {Linkage.WARD, Linkage.CENTROID, Linkage.MEDIAN}) {
      assertClosestPairEveryRow(new HierarchicalClustering(Params.DEFAULTS.withLinkage(l).withStorage(Storage.MATRIX))
          .dendrogram(x), x, l);
    }
  }

  private static void assertClosestPairEveryRow(Dendrogram t, double[][] x, Linkage linkage) {
    int n = x.length;
    int d = x[0].length;
    double[][] center = new double[2 * n - 1][];
    double[] size = new double[2 * n - 1];
    boolean[] alive = new boolean[2 * n - 1];
    for (int i = 0; i < n; i++) {
      center[i] = x[i].clone();
      size[i] = 1;
      alive[i] = true;
    }
    for (int r = 0; r < n - 1; r++) {
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n + r; i++) {
        for (int j = i + 1; j < n + r; j++) {
          if (alive[i] && alive[j]) {
            best = Math.min(best, dissimilarity(center, size, i, j, linkage));
          }
        }
      }
      int a = t.left(r);
      int b = t.right(r);
      assertThat(alive[a] && alive[b]).as("row %d merges live clusters", r).isTrue();
      double got = dissimilarity(center, size, a, b, linkage);
      double tol = 1e-9 * Math.max(best, 1e-12);
      assertThat(got).as("row %d merges a closest pair", r).isCloseTo(best, within(tol));
      assertThat(t.height(r) * t.height(r)).as("row %d height", r).isCloseTo(best, within(tol + 1e-24));
      int c = n + r;
      center[c] = new double[d];
      for (int k = 0; k < d; k++) {
        center[c][k] = linkage == Linkage.MEDIAN ? 0.5 * (center[a][k] + center[b][k])
            : (size[a] * center[a][k] + size[b] * center[b][k]) / (size[a] + size[b]);
      }
      size[c] = size[a] + size[b];
      alive[a] = false;
      alive[b] = false;
      alive[c] = true;
    }
  }

  private static double dissimilarity(double[][] center, double[] size, int i, int j, Linkage linkage) {
    double s = io.eddy.math.Euclid.squaredDistance(center[i], center[j]);
    return linkage == Linkage.WARD ? 2 * size[i] * size[j] / (size[i] + size[j]) * s : s;
  }

  @Test
  public void single_vectorsAndMatrix_sameHeightsRowForRow_evenWithTies() {
    // Single linkage heights are the sorted edge lengths of a minimum spanning tree, the same
    // for every tie order.
    double[][] x = grid(5, 120, 3, 4);
    Dendrogram v = new HierarchicalClustering(Params.DEFAULTS.withLinkage(Linkage.SINGLE)
        .withStorage(Storage.VECTORS)).dendrogram(x);
    Dendrogram m = new HierarchicalClustering(Params.DEFAULTS.withLinkage(Linkage.SINGLE)
        .withStorage(Storage.MATRIX)).dendrogram(x);
    assertThat(v.heights()).isEqualTo(m.heights());
  }

  @Test
  public void single_onPoints_sameTreeAsOnTheMatrix_rowForRow_withTies() {
    // Prim's algorithm on the points compares the same rooted distances in the same order
    // as on the condensed matrix, four candidates at a time with a repeated last one and
    // joined points dropped in batches: the same tree, ties included, whatever n mod 4.
    for (int n : new int[] {301, 302, 303, 304}) {
      double[][] x = grid(n, n, 3, 4);
      int d = x[0].length;
      double[] dist = new double[(int) io.eddy.math.Pairwise.pairs(n)];
      io.eddy.math.Pairwise.condensed(ScipyAgreementTest.flat(x), n, d, dist);
      Dendrogram onMatrix = HierarchicalClustering.linkage(dist, n, Linkage.SINGLE);
      Dendrogram onPoints = new HierarchicalClustering(Params.DEFAULTS.withLinkage(Linkage.SINGLE)
          .withStorage(Storage.MATRIX)).dendrogram(x);
      assertThat(onPoints).as("n = %d", n).isEqualTo(onMatrix);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Linkage.class, names = {"WARD", "CENTROID", "MEDIAN"})
  void vectors_sameTreeForAnyThreadCount(Linkage linkage) {
    // Duplicates and ties make any difference in the order of a split scan show.
    double[][] x = grid(6, 700, 3, 9);
    double[] f = ScipyAgreementTest.flat(x);
    Dendrogram one = VectorAgglomeration.generic(f, 700, 3, linkage, 1);
    for (int threads : new int[] {2, 3}) {
      // Every scan split, however short, to exercise the combination of blocks.
      Dendrogram many = VectorAgglomeration.generic(f, 700, 3, linkage, threads, 1);
      assertThat(many).as("%d threads", threads).isEqualTo(one);
    }
  }

  @Test
  public void matrix_sameTreeForAnyThreadCount() {
    // 800 points: 319,600 distances, enough for the matrix to be filled on several threads;
    // the rest of a matrix linkage runs on one thread, so the same matrix is the same tree.
    double[][] x = grid(7, 800, 2, 30);
    Params p = Params.DEFAULTS.withLinkage(Linkage.AVERAGE).withStorage(Storage.MATRIX);
    Dendrogram one = new HierarchicalClustering(p.withThreads(1)).dendrogram(x);
    assertThat(new HierarchicalClustering(p.withThreads(3)).dendrogram(x)).isEqualTo(one);
    double[] f = ScipyAgreementTest.flat(x);
    double[] a = new double[(int) io.eddy.math.Pairwise.pairs(800)];
    double[] b = a.clone();
    io.eddy.math.Pairwise.condensed(f, 800, 2, a);
    io.eddy.math.Pairwise.condensed(f, 800, 2, b, 3);
    assertThat(b).isEqualTo(a);
  }
}

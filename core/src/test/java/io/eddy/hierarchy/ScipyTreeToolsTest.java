package io.eddy.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * scipy 1.10.1's tree tools on scipy's own linkage matrices (blobs, iris, wine, every
 * linkage): {@code cut_tree}, {@code inconsistent}, {@code optimal_leaf_ordering} and
 * {@code leaves_list} of rows that list the larger id first.
 */
class ScipyTreeToolsTest {

  static Stream<Arguments> cases() {
    return ScipyAgreementTest.cases();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void cutTree_equalsScipy(String set, Linkage linkage) {
    ScipyFixture f = ScipyFixture.load(set, linkage);
    Dendrogram d = Dendrogram.fromLinkageMatrix(f.z);
    int n = d.leafCount();
    int[] counts = f.cutTree.keySet().stream().mapToInt(Integer::intValue).toArray();
    int[][] cuts = d.cutTree(counts);
    for (int c = 0; c < counts.length; c++) {
      assertThat(cuts[c]).as("n_clusters=%d", counts[c]).isEqualTo(f.cutTree.get(counts[c]));
    }
    if (counts.length == n) {
      int[][] all = d.cutTree();
      for (int j = 0; j < n; j++) {
        assertThat(all[j]).as("all cuts, row %d", j).isEqualTo(f.cutTree.get(n - j));
      }
    }
    for (Map.Entry<Double, int[]> e : f.cutTreeHeight.entrySet()) {
      assertThat(d.cutTreeAtHeights(e.getKey())[0]).as("height=%s", e.getKey()).isEqualTo(e.getValue());
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void inconsistency_equalsScipy(String set, Linkage linkage) {
    ScipyFixture f = ScipyFixture.load(set, linkage);
    Dendrogram d = Dendrogram.fromLinkageMatrix(f.z);
    for (Map.Entry<Integer, List<double[]>> e : f.inconsistent.entrySet()) {
      double[][] r = d.inconsistency(e.getKey());
      List<double[]> expected = e.getValue();
      assertThat(r.length).isEqualTo(expected.size());
      for (int i = 0; i < r.length; i++) {
        double[] x = expected.get(i);
        for (int c = 0; c < 4; c++) {
          assertThat(r[i][c]).as("d=%d row %d column %d", e.getKey(), i, c)
              .isCloseTo(x[c], within(1e-9 * Math.max(1, Math.abs(x[c]))));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void optimalLeafOrdering_equalsScipyRowForRow(String set, Linkage linkage) {
    ScipyFixture f = ScipyFixture.load(set, linkage);
    Dendrogram d = Dendrogram.fromLinkageMatrix(f.z);
    Dendrogram o = d.optimalLeafOrdering(f.data);
    assertThat(o.mergeCount()).isEqualTo(f.olo.size());
    for (int r = 0; r < o.mergeCount(); r++) {
      assertThat(new int[] {o.left(r), o.right(r)}).as("row %d", r).containsExactly(f.olo.get(r));
      assertThat(o.height(r)).isEqualTo(d.height(r));
      assertThat(o.size(r)).isEqualTo(d.size(r));
    }
    assertThat(o.leafOrder()).isEqualTo(f.oloLeaves);
    // The ordered matrix read back keeps its rows as scipy wrote them, larger id first included.
    double[][] z = f.z.clone();
    for (int r = 0; r < z.length; r++) {
      z[r] = new double[] {f.olo.get(r)[0], f.olo.get(r)[1], f.z[r][2], f.z[r][3]};
    }
    assertThat(Dendrogram.fromLinkageMatrix(z).leafOrder()).isEqualTo(f.oloLeaves);
    assertThat(Dendrogram.fromLinkageMatrix(z).toLinkageMatrix()).isDeepEqualTo(z);
  }

  @Test
  public void optimalLeafOrdering_neverLengthensTheAdjacentPath() {
    ScipyFixture f = ScipyFixture.load("blobs", Linkage.AVERAGE);
    Dendrogram d = Dendrogram.fromLinkageMatrix(f.z);
    assertThat(path(d.optimalLeafOrdering(f.data).leafOrder(), f.data))
        .isLessThanOrEqualTo(path(d.leafOrder(), f.data));
  }

  private static double path(int[] order, double[][] x) {
    double s = 0;
    for (int i = 1; i < order.length; i++) {
      s += Math.sqrt(io.eddy.math.Euclid.squaredDistance(x[order[i - 1]], x[order[i]]));
    }
    return s;
  }

  @Test
  public void treeTools_invalidArguments_rejected() {
    Dendrogram d = Dendrogram.fromLinkageMatrix(ScipyFixture.load("blobs", Linkage.WARD).z);
    assertThatThrownBy(() -> d.cutTree(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    assertThatThrownBy(() -> d.cutTree(d.leafCount() + 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.cutTreeAtHeights(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.inconsistency(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.optimalLeafOrdering(new double[3])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("n(n-1)/2");
    assertThatThrownBy(() -> d.optimalLeafOrdering(new double[][] {{1}, {2}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 points");
  }
}

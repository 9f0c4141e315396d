package io.eddy.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.hierarchy.HierarchicalClustering.Params;
import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DendrogramTest {

  /** Points 0, 1, 3, 7 on a line. */
  private static final double[][] LINE = {{0}, {1}, {3}, {7}};

  private static Dendrogram tree(Linkage l, double[][] x) {
    return new HierarchicalClustering(Params.DEFAULTS.withLinkage(l)).dendrogram(x);
  }

  @Test
  public void dendrogram_singleOnALine_handComputedRows() {
    Dendrogram d = tree(Linkage.SINGLE, LINE);
    assertThat(d.toLinkageMatrix()).isDeepEqualTo(new double[][] {{0, 1, 1, 2}, {2, 4, 2, 3}, {3, 5, 4, 4}});
    assertThat(d.leafOrder()).containsExactly(3, 2, 0, 1);
    assertThat(d.copheneticDistance(0, 3)).isEqualTo(4);
    assertThat(d.copheneticDistance(1, 2)).isEqualTo(2);
    assertThat(d.copheneticDistance(2, 2)).isZero();
    assertThat(d.copheneticDistances()).containsExactly(1, 2, 4, 2, 4, 4);
    // scipy numbers clusters depth first, internal children before leaves:
    // fcluster gives [1 1 1 2], [1 1 2 3], [1 1 2 3], [1 2 3 4].
    assertThat(d.cutByCount(2)).containsExactly(0, 0, 0, 1);
    assertThat(d.cutByHeight(1.5)).containsExactly(0, 0, 1, 2);
    assertThat(d.cutByHeight(1.0)).as("a merge at exactly the threshold joins").containsExactly(0, 0, 1, 2);
    assertThat(d.cutByHeight(0.5)).containsExactly(0, 1, 2, 3);
    assertThat(d.isMonotonic()).isTrue();
  }

  @Test
  public void dendrogram_completeAndAverageOnALine_handComputedHeights() {
    // complete: {0,1} at 1, {3}+{0,1} at max(3,2)=3, {7} at 7
    assertThat(tree(Linkage.COMPLETE, LINE).heights()).containsExactly(1, 3, 7);
    // average: {0,1} at 1, {3} at (3+2)/2=2.5, {7} at (7+6+4)/3
    assertThat(tree(Linkage.AVERAGE, LINE).heights()).containsExactly(1, 2.5, 17.0 / 3);
  }

  @Test
  public void dendrogram_centroidTriangle_hasInversion() {
    double[][] x = {{0, 0}, {2, 0}, {1, 1.8}};
    Dendrogram d = tree(Linkage.CENTROID, x);
    assertThat(d.height(0)).isEqualTo(2.0);
    assertThat(d.height(1)).isCloseTo(1.8, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(d.isMonotonic()).isFalse();
    // maxdists make the cut by height consistent: below 2 nothing is joined.
    assertThat(d.cutByHeight(1.9)).containsExactly(0, 1, 2);
  }

  @Test
  public void dendrogram_onePointAndTwoPoints() {
    Dendrogram one = tree(Linkage.WARD, new double[][] {{3, 4}});
    assertThat(one.leafCount()).isEqualTo(1);
    assertThat(one.mergeCount()).isZero();
    assertThat(one.cutByCount(1)).containsExactly(0);
    assertThat(one.leafOrder()).containsExactly(0);
    Dendrogram two = tree(Linkage.MEDIAN, new double[][] {{0, 0}, {3, 4}});
    assertThat(two.toLinkageMatrix()).isDeepEqualTo(new double[][] {{0, 1, 5, 2}});
  }

  @Test
  public void linkageMatrix_roundTrips() {
    Dendrogram d = tree(Linkage.WARD, io.eddy.testkit.Blobs.generate(3, 40, 3, 3, 0.7).points());
    assertThat(Dendrogram.fromLinkageMatrix(d.toLinkageMatrix())).isEqualTo(d);
    assertThat(Dendrogram.of(d.leafCount(), col(d, 0), col(d, 1), d.heights())).isEqualTo(d);
  }

  private static int[] col(Dendrogram d, int c) {
    int[] out = new int[d.mergeCount()];
    for (int r = 0; r < out.length; r++) {
      out[r] = c == 0 ? d.left(r) : d.right(r);
    }
    return out;
  }

  @Test
  public void of_invalidTrees_rejectedNamingTheRow() {
    double[] h = {1, 2};
    assertThatThrownBy(() -> Dendrogram.of(3, new int[] {1, 0}, new int[] {1, 3}, h))
        .hasMessageContaining("row 0");
    assertThatThrownBy(() -> Dendrogram.of(3, new int[] {0, -1}, new int[] {1, 3}, h))
        .hasMessageContaining("row 1");
    assertThatThrownBy(() -> Dendrogram.of(3, new int[] {0, 0}, new int[] {1, 3}, h))
        .hasMessageContaining("row 1").hasMessageContaining("already merged");
    assertThatThrownBy(() -> Dendrogram.of(3, new int[] {0, 2}, new int[] {1, 4}, h))
        .hasMessageContaining("row 1");
    assertThatThrownBy(() -> Dendrogram.of(3, new int[] {0, 2}, new int[] {1, 3}, new double[] {1, -1}))
        .hasMessageContaining("height");
    assertThatThrownBy(() -> Dendrogram.of(3, new int[] {0}, new int[] {1}, new double[] {1}))
        .hasMessageContaining("2 rows");
    assertThatThrownBy(() -> Dendrogram.fromLinkageMatrix(new double[][] {{0, 1, 1, 3}}))
        .hasMessageContaining("size");
  }

  @Test
  public void cuts_invalidArguments_rejected() {
    Dendrogram d = tree(Linkage.SINGLE, LINE);
    assertThatThrownBy(() -> d.cutByCount(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.cutByHeight(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.copheneticDistance(0, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.height(3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void cutByCount_everyK_givesAtMostKClustersAndNestedPartitions() {
    Dendrogram d = tree(Linkage.AVERAGE, io.eddy.testkit.Blobs.generate(5, 60, 2, 4, 1.0).points());
    int[] previous = null;
    for (int k = 1; k <= 58; k++) {
      int[] labels = d.cutByCount(k);
      int c = Arrays.stream(labels).max().getAsInt() + 1;
      assertThat(c).isLessThanOrEqualTo(k).isGreaterThanOrEqualTo(k - 1);
      if (previous != null) {
        // a finer cut refines the coarser one: points together now were together before
        for (int i = 0; i < labels.length; i++) {
          for (int j = 0; j < labels.length; j++) {
            if (labels[i] == labels[j]) {
              assertThat(previous[i]).isEqualTo(previous[j]);
            }
          }
        }
      }
      previous = labels;
    }
  }

  @Test
  public void codec_roundTripsAndRejectsCorruptTree() throws Exception {
    Dendrogram d = tree(Linkage.COMPLETE, io.eddy.testkit.Blobs.generate(9, 30, 2, 3, 1.0).points());
    byte[] bytes = ModelIO.toBytes(d);
    assertThat(ModelIO.fromBytes(bytes, Dendrogram.class)).isEqualTo(d);
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 9);
    assertThatThrownBy(() -> ModelIO.fromBytes(truncated, Dendrogram.class)).isInstanceOf(ModelFormatException.class);
  }
}

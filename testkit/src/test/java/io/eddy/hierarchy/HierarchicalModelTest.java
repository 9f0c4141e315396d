package io.eddy.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.hierarchy.HierarchicalClustering.Params;
import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import io.eddy.testkit.Blobs;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HierarchicalModelTest {

  private static HierarchicalModel fit(Linkage l, int k, double[][] x) {
    return new HierarchicalClustering(Params.DEFAULTS.withLinkage(l).withK(k)).fit(x);
  }

  @ParameterizedTest
  @EnumSource(Linkage.class)
  void predict_fittedPoints_returnTheirClusterInTheCut(Linkage linkage) {
    double[][] iris = ScipyFixture.data("iris");
    HierarchicalModel m = fit(linkage, 3, iris);
    int[] expected = m.dendrogram().cutByCount(3);
    assertThat(m.fittedLabels()).isEqualTo(expected);
    assertThat(m.predict(iris)).isEqualTo(expected);
  }

  @Test
  public void predict_fittedPoints_exactEvenWhereTheNearestCentroidDisagrees() {
    double[][] iris = ScipyFixture.data("iris");
    HierarchicalModel m = fit(Linkage.WARD, 3, iris);
    double[] centers = flat(m.centers());
    int disagree = 0;
    for (int i = 0; i < iris.length; i++) {
      if (io.eddy.math.Euclid.nearest(iris[i], centers, 3) != m.fittedLabels()[i]) {
        disagree++;
      }
    }
    // Ward's cut is not a Voronoi partition of its means: without the exact look-up some
    // fitted points would change cluster.
    assertThat(disagree).isPositive();
    assertThat(m.predict(iris)).isEqualTo(m.fittedLabels());
  }

  @Test
  public void predict_newPoint_nearestCentroidForWard_nearestMemberForSingle() {
    // A chain from 0 to 10 and a tight group at 12: near the chain's end a new point is
    // nearer the group's centroid (12) than the chain's (5) but nearer a chain member.
    double[][] x = new double[14][];
    for (int i = 0; i <= 10; i++) {
      x[i] = new double[] {i, 0};
    }
    x[11] = new double[] {12, 0};
    x[12] = new double[] {12, 0.1};
    x[13] = new double[] {12, -0.1};
    double[] probe = {10.6, 0};
    HierarchicalModel single = fit(Linkage.SINGLE, 2, x);
    int chain = single.predict(x[0]);
    int group = single.predict(x[12]);
    assertThat(chain).isNotEqualTo(group);
    assertThat(single.predict(probe)).isEqualTo(chain);
    // Centroid linkage cuts this into {0..4} (mean 2) and {5..10, group} (mean 9), as scipy
    // does; at 4.6 the nearest member (5) is in the second, the nearest centroid is the first.
    HierarchicalModel centroid = fit(Linkage.CENTROID, 2, x);
    int low = centroid.predict(x[0]);
    assertThat(centroid.predict(x[5])).isNotEqualTo(low);
    assertThat(centroid.center(low)).containsExactly(2.0, 0.0);
    assertThat(centroid.weight(low)).isEqualTo(5.0);
    assertThat(centroid.predict(new double[] {4.6, 0})).isEqualTo(low);
  }

  @Test
  public void predict_duplicatesAndSignedZero_useFirstOccurrence() {
    double[][] x = {{0.0, 1}, {5, 5}, {0.0, 1}, {5, 5.1}, {0.2, 1}};
    HierarchicalModel m = fit(Linkage.AVERAGE, 2, x);
    assertThat(m.predict(new double[] {-0.0, 1})).isEqualTo(m.fittedLabels()[0]);
    assertThat(m.predict(x)).isEqualTo(m.fittedLabels());
  }

  @Test
  public void recut_equalsCutOfTheSameTree() {
    double[][] x = Blobs.generate(11, 80, 3, 5, 0.8).points();
    HierarchicalModel m = fit(Linkage.COMPLETE, 2, x);
    HierarchicalModel five = m.recut(5);
    assertThat(five.clusterCount()).isEqualTo(5);
    assertThat(five.fittedLabels()).isEqualTo(m.dendrogram().cutByCount(5));
    assertThat(five).isEqualTo(fit(Linkage.COMPLETE, 5, x));
    double h = m.dendrogram().height(70);
    assertThat(m.recutAtHeight(h).fittedLabels()).isEqualTo(m.dendrogram().cutByHeight(h));
    double total = 0;
    for (int l = 0; l < 5; l++) {
      total += five.weight(l);
    }
    assertThat(total).isEqualTo(80.0);
    assertThatThrownBy(() -> m.recut(81)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void fit_byHeight_cutsAtThatHeight() {
    double[][] x = Blobs.generate(12, 50, 2, 3, 0.5).points();
    HierarchicalModel m = new HierarchicalClustering(Params.DEFAULTS.withLinkage(Linkage.SINGLE).withHeight(2.0))
        .fit(x);
    assertThat(m.fittedLabels()).isEqualTo(m.dendrogram().cutByHeight(2.0));
  }

  @Test
  public void fit_kAboveN_rejected() {
    assertThatThrownBy(() -> fit(Linkage.WARD, 4, new double[][] {{1}, {2}, {3}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only 3 points");
  }

  @ParameterizedTest
  @EnumSource(Linkage.class)
  void codec_roundTripsBitForBit(Linkage linkage) throws Exception {
    double[][] x = Blobs.generate(13, 60, 4, 3, 1.0).points();
    HierarchicalModel m = fit(linkage, 3, x);
    byte[] bytes = ModelIO.toBytes(m);
    HierarchicalModel back = ModelIO.fromBytes(bytes, HierarchicalModel.class);
    assertThat(back).isEqualTo(m);
    assertThat(ModelIO.toBytes(back)).isEqualTo(bytes);
    double[] probe = {0.3, -1, 2, 0.5};
    assertThat(back.predict(probe)).isEqualTo(m.predict(probe));
  }

  @Test
  public void codec_labelsOutOfRange_rejected() throws Exception {
    double[][] x = {{0}, {1}, {5}};
    HierarchicalModel m = fit(Linkage.SINGLE, 2, x);
    byte[] bytes = ModelIO.toBytes(m);
    // Corrupt the payload but keep the checksum valid by re-encoding a tampered model is not
    // possible through the API, so flip a byte and expect a clean failure.
    byte[] bad = bytes.clone();
    bad[bad.length - 20] ^= 0x40;
    assertThatThrownBy(() -> ModelIO.fromBytes(bad, HierarchicalModel.class)).isInstanceOf(ModelFormatException.class);
    assertThatThrownBy(() -> new HierarchicalModel(Linkage.SINGLE, m.dendrogram(), new int[] {0, 0, 2},
        new double[] {0, 1, 5}, 1)).hasMessageContaining("label 1 has no point");
  }

  private static double[] flat(double[][] rows) {
    return Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
  }
}

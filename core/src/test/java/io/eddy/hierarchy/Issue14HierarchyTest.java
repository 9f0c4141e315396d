package io.eddy.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.Points;
import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import org.junit.jupiter.api.Test;

/** Hierarchical clustering's part of issue 14: each case failed before its fix. */
class Issue14HierarchyTest {

  private static final double[][] FAR = {{0, 0}, {9e99, 0}, {9e99, 2e99}, {-9e99, 5e99}, {1, 1}};

  // 2. Points about 1e155 apart threw ArrayIndexOutOfBoundsException for ward (both storages),
  //    complete, average and weighted, and centroid and median on the matrix: the squared
  //    distances overflowed. Such points are now rejected with the limit named, and points
  //    just inside it cluster.
  @Test
  void fit_pointsAtTheLimit_clusterOnEveryLinkageAndStorage() {
    for (Linkage l : Linkage.values()) {
      for (HierarchicalClustering.Storage s : HierarchicalClustering.Storage.values()) {
        if (s == HierarchicalClustering.Storage.VECTORS && !(l.isGeometric() || l == Linkage.SINGLE)) {
          continue;
        }
        HierarchicalClustering c = new HierarchicalClustering(HierarchicalClustering.Params.DEFAULTS
            .withLinkage(l).withStorage(s).withK(3));
        HierarchicalModel m = c.fit(FAR);
        assertThat(m.clusterCount()).as("%s %s", l, s).isEqualTo(3);
        // Distinct distances, no ties: {origin pair}, {the two at x = 9e99}, {the far one}.
        assertThat(m.predict(FAR[0])).as("%s %s", l, s).isEqualTo(m.predict(FAR[4]));
        assertThat(m.predict(FAR[1])).as("%s %s", l, s).isEqualTo(m.predict(FAR[2]))
            .isNotEqualTo(m.predict(FAR[0])).isNotEqualTo(m.predict(FAR[3]));
        for (double h : m.dendrogram().heights()) {
          assertThat(h).as("%s %s height", l, s).isFinite();
        }
        assertThatThrownBy(() -> c.fit(new double[][] {{0, 0}, {1e155, 0}, {0, 1e155}}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAX_ABS");
      }
    }
    assertThat(Points.MAX_ABS).isEqualTo(1e100);
  }

  // 11. The model codec accepted fitted labels that contradict its own dendrogram.
  @Test
  void codec_labelsThatAreNoCutOfTheTree_areRejected() throws Exception {
    double[][] x = {{0}, {1}, {10}, {11}, {30}};
    HierarchicalModel good = new HierarchicalClustering(HierarchicalClustering.Params.DEFAULTS
        .withLinkage(Linkage.AVERAGE).withK(2)).fit(x);
    assertThat(ModelIO.fromBytes(ModelIO.toBytes(good), HierarchicalModel.class).fittedLabels())
        .containsExactly(good.fittedLabels());
    double[] points = {0, 1, 10, 11, 30};
    // {0, 10} and {1, 11, 30} are two clusters, but neither is one subtree of the tree.
    HierarchicalModel forged = new HierarchicalModel(Linkage.AVERAGE, good.dendrogram(),
        new int[] {0, 1, 0, 1, 1}, points, 1);
    assertThatThrownBy(() -> ModelIO.fromBytes(ModelIO.toBytes(forged), HierarchicalModel.class))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("contradict the dendrogram");
    HierarchicalModel.requireCut(good.dendrogram(), good.fittedLabels());
    HierarchicalModel.requireCut(good.dendrogram(), new int[] {0, 1, 2, 3, 4});
    HierarchicalModel.requireCut(good.dendrogram(), new int[] {0, 0, 0, 0, 0});
  }
}

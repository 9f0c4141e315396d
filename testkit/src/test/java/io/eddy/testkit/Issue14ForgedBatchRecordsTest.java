package io.eddy.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.hierarchy.HierarchicalClustering;
import io.eddy.hierarchy.HierarchicalModel;
import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import io.eddy.kmeans.KMeans;
import io.eddy.mixture.CovarianceType;
import io.eddy.mixture.GaussianMixture;
import io.eddy.mixture.GaussianMixtureModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Forged records of core's batch models (issue 14, second audit): k-means, the four mixture
 * covariance types, the hierarchical model and its dendrogram. Here rather than in core, as the
 * batch contract tests are, because core cannot depend on the kit.
 */
class Issue14ForgedBatchRecordsTest {

  private static final int CASES = 3000;

  private static double[][] data() {
    SplittableRandom r = new SplittableRandom(7);
    double[][] data = new double[30][];
    for (int i = 0; i < data.length; i++) {
      data[i] = new double[] {(i % 3) * 5 + r.nextGaussian(), r.nextGaussian()};
    }
    return data;
  }

  @Test
  void kMeansModel_forgedRecords_validStateOrModelFormatException() {
    ForgedRecords.check(new KMeans(KMeans.Params.DEFAULTS.withK(3).withThreads(1)).fit(data()), 1, CASES);
  }

  @Test
  void gaussianMixtureModel_forgedRecords_validStateOrModelFormatException() {
    for (CovarianceType t : CovarianceType.values()) {
      ForgedRecords.check(new GaussianMixture(
          GaussianMixture.Params.DEFAULTS.withK(2).withCovariance(t).withThreads(1)).fit(data()), 2, CASES);
    }
  }

  @Test
  void hierarchicalModel_forgedRecords_validStateOrModelFormatException() {
    HierarchicalModel m = new HierarchicalClustering(HierarchicalClustering.Params.DEFAULTS.withK(3)).fit(data());
    ForgedRecords.check(m, 3, CASES);
    ForgedRecords.check(m.dendrogram(), 4, CASES);
  }

  // k = 1 and d = 65536 make k·d² wrap to 0 in int arithmetic, so an empty covariance array
  // passed the length check: the reader failed later on an ArrayIndexOutOfBoundsException,
  // which ModelIO merely wrapped, and GaussianMixtureModel.of threw it as it was.
  @Test
  void read_mixtureWhoseCovarianceLengthWrapsToZero_modelFormatException() throws IOException {
    int d = 65_536;
    assertThatThrownBy(() -> GaussianMixtureModel.of(CovarianceType.FULL, new double[] {1},
        new double[][] {new double[d]}, new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 4294967296");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    DataOutputStream p = new DataOutputStream(buf);
    p.writeInt(4);
    p.writeBytes("full");
    p.writeInt(1); // k
    p.writeInt(d);
    p.writeInt(1); // weights
    p.writeDouble(1.0);
    p.writeInt(d); // means
    for (int j = 0; j < d; j++) {
      p.writeDouble(0.0);
    }
    p.writeInt(0); // covariances: none
    p.writeBoolean(true);
    p.writeInt(1);
    p.writeDouble(0.0);
    assertThatThrownBy(() -> ModelIO.fromBytes(ForgedRecords.frame("gmm.model", 1, buf.toByteArray()), Object.class))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("covariances has length 0, expected 4294967296");
  }
}

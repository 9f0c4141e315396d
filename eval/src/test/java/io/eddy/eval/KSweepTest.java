package io.eddy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.LikelihoodModel;
import io.eddy.kmeans.Centroids;
import io.eddy.testkit.Blobs;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KSweepTest {

  private static final Blobs BLOBS = Blobs.generate(3, 800, 3, 4, 0.8);

  @Test
  void run_findsPlantedKByElbowAndSilhouette() {
    KSweep.Result r = KSweep.run(Lloyd::new, BLOBS.points(), KSweep.Params.DEFAULTS.withRange(1, 9));
    assertThat(r.rows()).hasSize(9);
    assertThat(r.elbow()).hasValue(4);
    assertThat(r.bestSilhouette()).hasValue(4);
    KSweep.Row four = r.rows().get(3);
    assertThat(four.k()).isEqualTo(4);
    assertThat(four.clusters()).isEqualTo(4);
    int[] labels = new Lloyd(4).fit(BLOBS.points()).predict(BLOBS.points());
    assertThat(four.wcss()).isEqualTo(InternalIndices.wcss(BLOBS.points(), labels));
    assertThat(four.silhouette()).isEqualTo(Silhouette.exact(BLOBS.points(), labels).score());
    assertThat(four.daviesBouldin()).isEqualTo(InternalIndices.daviesBouldin(BLOBS.points(), labels));
    assertThat(four.calinskiHarabasz()).isEqualTo(InternalIndices.calinskiHarabasz(BLOBS.points(), labels));
    assertThat(four.bic()).isNaN();
    // k = 1 has a WCSS but no partition index.
    KSweep.Row one = r.rows().get(0);
    assertThat(one.wcss()).isPositive();
    assertThat(one.silhouette()).isNaN();
    assertThat(one.daviesBouldin()).isNaN();
    for (int i = 1; i < r.rows().size(); i++) {
      assertThat(r.rows().get(i).wcss()).isLessThanOrEqualTo(r.rows().get(i - 1).wcss() * (1 + 1e-12));
    }
  }

  @Test
  void run_bicFromLikelihoodModelIsLowestAtPlantedK() {
    KSweep.Result r = KSweep.run(k -> data -> new Spherical(new Lloyd(k).fit(data), data),
        BLOBS.points(), KSweep.Params.DEFAULTS.withRange(2, 8));
    int best = -1;
    double bestBic = Double.POSITIVE_INFINITY;
    for (KSweep.Row row : r.rows()) {
      assertThat(row.bic()).isFinite();
      if (row.bic() < bestBic) {
        bestBic = row.bic();
        best = row.k();
      }
    }
    assertThat(best).isEqualTo(4);
  }

  @Test
  void run_sampledSilhouetteAboveSampleSize() {
    KSweep.Result r = KSweep.run(Lloyd::new, BLOBS.points(),
        KSweep.Params.DEFAULTS.withRange(3, 5).withSilhouetteSampleSize(200).withSeed(5));
    KSweep.Row four = r.rows().get(1);
    double exact = Silhouette.exact(BLOBS.points(), new Lloyd(4).fit(BLOBS.points()).predict(BLOBS.points())).score();
    assertThat(four.silhouetteStandardError()).isPositive();
    assertThat(four.silhouette()).isCloseTo(exact, within(4 * four.silhouetteStandardError()));
  }

  @Test
  void run_byRegistryName() {
    KSweep.Result byName = KSweep.run(TestLloydProvider.NAME, Map.of(), BLOBS.points(),
        KSweep.Params.DEFAULTS.withRange(2, 6));
    KSweep.Result byFactory = KSweep.run(Lloyd::new, BLOBS.points(), KSweep.Params.DEFAULTS.withRange(2, 6));
    for (int i = 0; i < 5; i++) {
      assertThat(byName.rows().get(i).wcss()).isEqualTo(byFactory.rows().get(i).wcss());
    }
    assertThat(byName.elbow()).isEqualTo(byFactory.elbow());
  }

  @Test
  void run_unknownName() {
    assertThatThrownBy(() -> KSweep.run("no-such-clusterer", Map.of(), BLOBS.points(), KSweep.Params.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown clusterer 'no-such-clusterer'");
  }

  @Test
  void params_validated() {
    assertThatThrownBy(() -> KSweep.Params.DEFAULTS.withRange(5, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kMax is 4, expected at least kMin (5)");
    assertThatThrownBy(() -> KSweep.Params.DEFAULTS.withRange(0, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kMin is 0");
    assertThatThrownBy(() -> KSweep.Params.DEFAULTS.withThreads(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads is 0");
  }

  @Test
  void result_printsAndExportsCsv() {
    KSweep.Result r = KSweep.run(Lloyd::new, BLOBS.points(), KSweep.Params.DEFAULTS.withRange(2, 6));
    String csv = r.toCsv();
    String[] lines = csv.split("\n");
    assertThat(lines).hasSize(6);
    assertThat(lines[0]).isEqualTo("k,clusters,noise,wcss,silhouette,silhouette_se,davies_bouldin,calinski_harabasz,bic,fit_ms");
    String[] four = lines[3].split(",");
    assertThat(four[0]).isEqualTo("4");
    assertThat(Double.parseDouble(four[3])).isEqualTo(r.rows().get(2).wcss());
    assertThat(r.toString()).contains("<- elbow").contains("<- best silhouette")
        .contains("elbow (Kneedle): 4; best silhouette: 4");
  }

  /** A spherical Gaussian mixture with one shared variance, fitted from k-means labels. */
  private static final class Spherical implements LikelihoodModel {
    private final Centroids centroids;
    private final double[] logShare;
    private final double variance;

    Spherical(Centroids c, double[][] data) {
      this.centroids = c;
      int k = c.clusterCount();
      int d = c.dimension();
      int[] labels = c.predict(data);
      double[] counts = new double[k];
      for (int l : labels) {
        counts[l]++;
      }
      logShare = new double[k];
      for (int j = 0; j < k; j++) {
        logShare[j] = Math.log(counts[j] / data.length);
      }
      variance = InternalIndices.inertia(data, c) / (data.length * d);
    }

    @Override
    public double logLikelihood(double[] x) {
      int d = dimension();
      double[] dist = new double[clusterCount()];
      centroids.squaredDistances(x, dist);
      double max = Double.NEGATIVE_INFINITY;
      double[] terms = new double[dist.length];
      for (int j = 0; j < dist.length; j++) {
        terms[j] = logShare[j] - dist[j] / (2 * variance) - 0.5 * d * Math.log(2 * Math.PI * variance);
        max = Math.max(max, terms[j]);
      }
      double s = 0;
      for (double t : terms) {
        s += Math.exp(t - max);
      }
      return max + Math.log(s);
    }

    @Override
    public long freeParameters() {
      return clusterCount() * dimension() + clusterCount();
    }

    @Override
    public int dimension() {
      return centroids.dimension();
    }

    @Override
    public int clusterCount() {
      return centroids.clusterCount();
    }

    @Override
    public int predict(double[] point) {
      return centroids.predict(point);
    }
  }
}

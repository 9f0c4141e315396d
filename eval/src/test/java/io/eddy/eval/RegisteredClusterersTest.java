package io.eddy.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.CentroidModel;
import io.eddy.Clusterers;
import io.eddy.OnlineClusterer;
import io.eddy.testkit.Blobs;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluators driving Eddy's own registered clusterers, by name. */
class RegisteredClusterersTest {

  private static final Blobs BLOBS = Blobs.generate(3, 800, 3, 4, 0.8);
  private static final Blobs STREAM = Blobs.generate(21, 6000, 4, 3, 0.7);

  @Test
  void kSweep_batchKMeansByName_findsPlantedK() {
    KSweep.Result r = KSweep.run("kmeans", Map.of("seed", 7L), BLOBS.points(),
        KSweep.Params.DEFAULTS.withRange(2, 8));
    assertThat(r.rows()).extracting(KSweep.Row::k).containsExactly(2, 3, 4, 5, 6, 7, 8);
    assertThat(r.elbow()).hasValue(4);
    assertThat(r.bestSilhouette()).hasValue(4);
  }

  /** The mixture is a LikelihoodModel, so the sweep fills BIC by itself; BIC picks the planted k. */
  @Test
  void kSweep_gaussianMixtureByName_bicPicksPlantedK() {
    KSweep.Result r = KSweep.run("gmm", Map.of("seed", 7L, "covariance", "spherical"), BLOBS.points(),
        KSweep.Params.DEFAULTS.withRange(2, 7));
    int best = 0;
    for (int i = 1; i < r.rows().size(); i++) {
      if (r.rows().get(i).bic() < r.rows().get(best).bic()) {
        best = i;
      }
    }
    assertThat(r.rows()).allSatisfy(row -> assertThat(row.bic()).isFinite());
    assertThat(r.rows().get(best).k()).isEqualTo(4);
  }

  @Test
  void prequential_sequentialKMeansByName() {
    OnlineClusterer<?> c = Clusterers.online("sequential-kmeans", Map.of("k", 3, "seed", 1L));
    PrequentialEvaluator.Report r = PrequentialEvaluator.run(c, STREAM.points(), STREAM.labels(),
        PrequentialEvaluator.Params.DEFAULTS);
    assertThat(r.checkpoints()).hasSize(6);
    PrequentialEvaluator.Checkpoint last = r.checkpoints().get(5);
    assertThat(last.clusters()).isEqualTo(3);
    assertThat(last.adjustedRand()).isGreaterThan(0.9);
    assertThat(last.purity()).isGreaterThan(0.95);
  }

  @Test
  void prequential_dbstreamWithNoiseAndChangingClusterCount() {
    Blobs blobs = Blobs.generate(21, 6000, 2, 3, 0.5);
    OnlineClusterer<?> c = Clusterers.online("dbstream", Map.of("r", 1.0));
    PrequentialEvaluator.Report r = PrequentialEvaluator.run(c, blobs.points(), blobs.labels(),
        PrequentialEvaluator.Params.DEFAULTS);
    assertThat(r.checkpoints()).hasSize(6);
    PrequentialEvaluator.Checkpoint first = r.checkpoints().get(0);
    PrequentialEvaluator.Checkpoint last = r.checkpoints().get(5);
    // Early on DBSTREAM calls some points noise; once settled it finds the three blobs.
    assertThat(first.noiseShare()).isPositive();
    assertThat(last.noiseShare()).isLessThan(0.01);
    assertThat(last.adjustedRand()).isGreaterThan(0.95);
    CentroidModel model = (CentroidModel) c.snapshot();
    assertThat(CentroidDrift.between(model, model).maxMovement()).isZero();
  }

  @Test
  void drift_betweenSnapshotsOfAStationaryStreamIsSmall() {
    OnlineClusterer<?> c = Clusterers.online("sequential-kmeans", Map.of("k", 3, "seed", 1L));
    c.learn(Arrays.copyOfRange(STREAM.points(), 0, 3000));
    CentroidModel early = (CentroidModel) c.snapshot();
    c.learn(Arrays.copyOfRange(STREAM.points(), 3000, 6000));
    CentroidModel late = (CentroidModel) c.snapshot();
    CentroidDrift drift = CentroidDrift.between(early, late);
    assertThat(drift.matches()).hasSize(3);
    assertThat(drift.born()).isEmpty();
    assertThat(drift.gone()).isEmpty();
    assertThat(drift.maxMovement()).isLessThan(0.2);
    for (CentroidDrift.Match m : drift.matches()) {
      assertThat(m.weightAfter()).isGreaterThan(m.weightBefore());
    }
  }
}

package io.eddy.testkit;

import static io.eddy.testkit.Checks.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.Capability;
import io.eddy.ClusterModel;
import io.eddy.Clusterer;
import io.eddy.Clusterers;
import io.eddy.io.ModelIO;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract every batch {@link Clusterer} must keep. Extend it and supply a factory:
 *
 * <pre>{@code
 * class MyBatchContractTest extends ClustererContract<MyBatch> {
 *   protected MyBatch create(long seed) { return new MyBatch(MyBatch.Params.DEFAULTS.withSeed(seed)); }
 *   protected String providerName() { return "my-batch"; }
 * }
 * }</pre>
 *
 * <p>What it checks: empty, ragged and non-finite data are rejected with
 * {@link IllegalArgumentException}; input arrays are not modified; fitting twice, with the
 * same or a new instance and the same seed, gives identical models; bulk predict equals
 * per-point predict; labels are consistent; predict validates its input; the model
 * round-trips through {@link ModelIO} with identical predictions; the quality on three
 * well-separated blobs reaches scikit-learn's bar (ARI &gt; 0.4) when
 * {@link #createForThreeClusters(long)} is given; the provider is registered with complete
 * metadata.
 *
 * @param <C> the clusterer under test
 */
@ExtendWith(ContractFailures.class)
public abstract class ClustererContract<C extends Clusterer<?>> {

  /** A new clusterer with its configuration for these tests and the given seed. */
  protected abstract C create(long seed);

  /** The registry name, or {@code null} if not registered. */
  protected String providerName() {
    return null;
  }

  /** The data to fit; by default 300 points of three separated 3-D blobs. */
  protected double[][] data() {
    return Blobs.generate(3, 300, 3, 3, 0.5).points();
  }

  /**
   * Whether models may predict {@link ClusterModel#NOISE}: read from the
   * {@link Capability#NOISE} its provider declares. An unregistered clusterer may override it.
   */
  protected boolean mayPredictNoise() {
    String name = providerName();
    return name != null && Clusterers.provider(name).capabilities().contains(Capability.NOISE);
  }

  /**
   * A clusterer configured to find three clusters, for the quality check; {@code null} (the
   * default) skips it.
   */
  protected C createForThreeClusters(long seed) {
    return null;
  }


  @Test
  @Rule("fit rejects null, empty, ragged and non-finite data with IllegalArgumentException")
  public void fit_invalidData_rejected() {
    C c = create(1);
    double[][] good = data();
    assertThatThrownBy(() -> c.fit(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.fit(new double[0][])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.fit(new double[][] {new double[0], new double[0]}))
        .isInstanceOf(IllegalArgumentException.class);
    double[][] ragged = Arrays.copyOf(good, good.length);
    ragged[good.length / 2] = new double[good[0].length + 1];
    assertThatThrownBy(() -> c.fit(ragged)).isInstanceOf(IllegalArgumentException.class);
    for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      double[][] bad = Arrays.copyOf(good, good.length);
      bad[good.length - 1] = good[good.length - 1].clone();
      bad[good.length - 1][0] = v;
      assertThatThrownBy(() -> c.fit(bad)).as("data with " + v).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  @Rule("fit and predict never write into the caller's arrays")
  public void fit_inputNotModified() {
    double[][] data = data();
    double[][] copy = new double[data.length][];
    for (int i = 0; i < data.length; i++) {
      copy[i] = data[i].clone();
    }
    ClusterModel m = create(2).fit(data);
    m.predict(data);
    assertThat(data).isDeepEqualTo(copy);
  }

  @Test
  @Rule("fitting twice, or with a new instance of the same seed, gives identical models")
  public void fit_sameSeed_identicalModels() {
    double[][] data = data();
    C c = create(4);
    ClusterModel a = c.fit(data);
    ClusterModel again = c.fit(data);
    ClusterModel fresh = create(4).fit(data);
    assertThat(again.predict(data)).isEqualTo(a.predict(data));
    assertThat(fresh.predict(data)).isEqualTo(a.predict(data));
    if (ModelIO.canWrite(a.getClass())) {
      assertThat(ModelIO.toBytes(again)).isEqualTo(ModelIO.toBytes(a));
      assertThat(ModelIO.toBytes(fresh)).isEqualTo(ModelIO.toBytes(a));
    }
  }

  @Test
  @Rule("a model's bulk predict equals predicting each point alone, predict rejects "
      + "invalid points, and labels are consistent")
  public void model_predictValidatesAndBulkEqualsPointwise() {
    double[][] data = data();
    ClusterModel m = create(5).fit(data);
    assertThat(m.dimension()).isEqualTo(data[0].length);
    int[] bulk = m.predict(data);
    for (int i = 0; i < data.length; i++) {
      assertThat(bulk[i]).isEqualTo(m.predict(data[i]));
    }
    for (double[] bad : Checks.invalidPoints(data[0].length)) {
      assertRejects("predict", m::predict, bad);
    }
    Checks.assertLabelsConsistent(m, data, mayPredictNoise());
  }

  @Test
  @Rule("ModelIO writes and reads back the model with identical predictions, labels and bytes")
  public void model_persistenceRoundTrip() {
    double[][] data = data();
    ClusterModel m = create(6).fit(data);
    assertThat(ModelIO.canWrite(m.getClass())).as("a codec for " + m.getClass().getName()).isTrue();
    ClusterModel back = Checks.roundTrip(m);
    assertThat(back.predict(data)).isEqualTo(m.predict(data));
    assertThat(back.labels()).isEqualTo(m.labels());
    assertThat(ModelIO.toBytes(back)).isEqualTo(ModelIO.toBytes(m));
  }

  @Test
  @Rule("on three well-separated blobs the clustering reaches scikit-learn's bar, ARI above 0.4")
  public void fit_threeBlobs_reachesQualityBar() {
    C c = createForThreeClusters(7);
    if (c == null) {
      return;
    }
    Blobs blobs = Blobs.generate(1, 150, 2, 3, 1.0);
    ClusterModel m = c.fit(blobs.points());
    assertThat(Ari.of(blobs.labels(), m.predict(blobs.points()))).as("ARI on three blobs").isGreaterThan(0.4);
  }

  @Test
  @Rule("models implement the model type of each capability the provider declares "
      + "(CentroidModel for CENTROIDS, SoftClusterModel for SOFT), as typed look-ups rely on")
  public void model_implementsDeclaredModelTypes() {
    String name = providerName();
    if (name == null) {
      return;
    }
    Checks.assertDeclaredModelTypes(name, create(9).fit(data()));
  }

  @Test
  @Rule("the provider is registered under its name, with a description, capabilities, "
      + "documented parameters with valid defaults and a clear error for an unknown "
      + "parameter")
  public void provider_registeredWithCompleteMetadata() {
    String name = providerName();
    if (name == null) {
      return;
    }
    Checks.assertProviderComplete(name, null, create(8).getClass());
  }

  @Test
  @Rule("every declared parameter reaches its own field: built with one parameter changed, "
      + "the clusterer (and its ModelIO copy) reports exactly that configuration")
  public void provider_mapsEveryParameterToItsField() {
    String name = providerName();
    if (name == null) {
      return;
    }
    Checks.assertParametersMapped(name, false);
  }
}

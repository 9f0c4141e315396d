package io.eddy.testkit;

import static io.eddy.testkit.Checks.assertRejects;
import static io.eddy.testkit.Checks.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.Capability;
import io.eddy.ClusterModel;
import io.eddy.Clusterers;
import io.eddy.OnlineClusterer;
import io.eddy.io.ModelIO;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract every {@link OnlineClusterer} must keep. Extend it in your test sources,
 * supply a factory, and every check below runs against your clusterer:
 *
 * <pre>{@code
 * class MyClustererContractTest extends OnlineClustererContract<MyClusterer> {
 *   protected MyClusterer create(long seed) { return new MyClusterer(MyClusterer.Params.DEFAULTS.withSeed(seed)); }
 *   protected String providerName() { return "my-clusterer"; }
 * }
 * }</pre>
 *
 * <p>What it checks: the dimension is fixed by the first point; wrong length, NaN, infinities
 * and invalid weights are rejected with {@link IllegalArgumentException} and leave the state
 * exactly as a twin's that never saw them (compared through {@link ModelIO} bytes and later
 * behaviour); input arrays are neither modified nor retained; the same seed gives identical
 * results; a snapshot never changes after more learning; {@code predict} agrees with
 * {@code snapshot().predict}; bulk predict equals per-point predict; labels are consistent;
 * persistence round-trips and a restored clusterer resumes bit for bit; {@code seen()} counts;
 * memory stays bounded over a long stream; the provider is registered with complete
 * parameter metadata. It needs a codec for the clusterer and its models.
 *
 * @param <C> the clusterer under test
 */
@ExtendWith(ContractFailures.class)
public abstract class OnlineClustererContract<C extends OnlineClusterer<?>> {

  /** A new clusterer with its configuration for these tests and the given seed. */
  protected abstract C create(long seed);

  /**
   * The registry name, or {@code null} if the clusterer is not registered (then the registry
   * checks are skipped).
   */
  protected String providerName() {
    return null;
  }

  /**
   * The stream the checks feed, long enough for the clusterer to have a clustering well before
   * its end. The default is 1,500 points of three well-separated 3-D blobs.
   */
  protected double[][] stream() {
    return Blobs.generate(7, 1_500, 3, 3, 0.5).points();
  }

  /**
   * Whether {@link OnlineClusterer#learn(double[][])} must equal learning the points one by
   * one; mini-batch methods, which treat the array as one batch, return false.
   */
  protected boolean bulkLearnIsSequential() {
    return true;
  }

  /**
   * Whether the clusterer may predict {@link ClusterModel#NOISE}: read from the
   * {@link Capability#NOISE} its provider declares. An unregistered clusterer may override it.
   */
  protected boolean mayPredictNoise() {
    String name = providerName();
    return name != null && Clusterers.provider(name).capabilities().contains(Capability.NOISE);
  }

  /** Points streamed by the bounded-memory check; the default is 200,000. */
  protected int memoryCheckPoints() {
    return 200_000;
  }

  /** A contract for a clusterer that has no test class of its own, such as a registry entry. */
  public static <T extends OnlineClusterer<?>> OnlineClustererContract<T> of(
      LongFunction<T> factory, String providerName) {
    return new OnlineClustererContract<>() {
      @Override
      protected T create(long seed) {
        return factory.apply(seed);
      }

      @Override
      protected String providerName() {
        return providerName;
      }

      @Override
      protected boolean bulkLearnIsSequential() {
        return false;
      }

      @Override
      protected double mergeAgreement() {
        // A registry entry runs with its defaults, not chosen for the kit's stream: laws only.
        return 0;
      }
    };
  }

  /**
   * Runs every check, for use outside JUnit's discovery (see {@link #of}); the first failure
   * is thrown as an {@link AssertionError} naming the check and the rule it broke.
   */
  public final void runAll() {
    String[] checks = {
      "dimension_fixedByFirstPoint", "learn_invalidPoint_rejectedAndStateUnchanged",
      "learn_invalidBulk_rejectedAndStateUnchanged",
      "learn_invalidWeight_rejectedAndStateUnchanged",
      "predict_invalidPoint_rejectedAndStateUnchanged",
      "predict_beforeLearning_documentedOutcome", "learnAndPredict_inputNotModified",
      "learn_inputNotRetained", "sameSeed_identicalResults",
      "snapshot_unchangedByLaterLearning", "predict_agreesWithSnapshot",
      "bulkPredict_equalsPointwise", "bulkLearn_equalsSequential", "persistence_roundTrip",
      "persistence_resumeBitForBit", "seen_countsPoints", "memory_boundedOnLongStream",
      "isReady_predictAnswersWhenReady", "snapshot_implementsDeclaredModelTypes",
      "provider_registeredWithCompleteMetadata", "provider_mapsEveryParameterToItsField",
      "mergeable_lawsHold", "learn_extremeValidInput_stateStaysFiniteAndSavable"
    };
    for (String check : checks) {
      try {
        OnlineClustererContract.class.getMethod(check).invoke(this);
      } catch (InvocationTargetException e) {
        Throwable failure = e.getCause();
        if (failure instanceof AssertionError || failure instanceof RuntimeException) {
          throw ContractFailures.explain(this, check, failure);
        }
        throw new IllegalStateException("check " + check + " threw", failure);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("check " + check + " cannot be called", e);
      }
    }
  }


  private C trained(long seed, int points) {
    C c = create(seed);
    double[][] s = stream();
    for (int i = 0; i < points; i++) {
      c.learn(s[i]);
    }
    return c;
  }

  private int half() {
    return stream().length / 2;
  }

  @Test
  @Rule("the first point fixes the dimension (0 before it); an empty point does not, and "
      + "a point of another length is then rejected with a message naming the expected "
      + "length")
  public void dimension_fixedByFirstPoint() {
    double[][] s = stream();
    C c = create(1);
    assertThat(c.dimension()).as("dimension before any point").isZero();
    assertThat(c.seen()).isZero();
    assertThatThrownBy(() -> c.learn(new double[0])).isInstanceOf(IllegalArgumentException.class);
    assertThat(c.dimension()).as("an empty point must not fix the dimension").isZero();
    c.learn(s[0]);
    assertThat(c.dimension()).isEqualTo(s[0].length);
    assertThatThrownBy(() -> c.learn(new double[s[0].length + 1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(s[0].length));
  }

  @Test
  @Rule("learn rejects null, wrong-length and non-finite points with "
      + "IllegalArgumentException and leaves the state byte for byte as a twin's that "
      + "never saw them")
  public void learn_invalidPoint_rejectedAndStateUnchanged() {
    double[][] s = stream();
    int d = s[0].length;
    for (int at : new int[] {0, 1, half()}) {
      C c = trained(3, at);
      C twin = trained(3, at);
      for (double[] bad : Checks.invalidPoints(d)) {
        if (at == 0 && bad != null && bad.length > 0 && bad.length != d && !hasNonFinite(bad)) {
          continue; // before the first point any finite length is a valid first point
        }
        assertRejects("learn after " + at + " points", c::learn, bad);
        assertThat(bytes(c)).as("state after rejecting " + Checks.describe(bad)).isEqualTo(bytes(twin));
      }
      for (int i = at; i < s.length; i++) {
        c.learn(s[i]);
        twin.learn(s[i]);
      }
      assertThat(bytes(c)).as("state after the rest of the stream").isEqualTo(bytes(twin));
    }
  }

  private static boolean hasNonFinite(double[] p) {
    for (double v : p) {
      if (!Double.isFinite(v)) {
        return true;
      }
    }
    return false;
  }

  @Test
  @Rule("a bulk learn with one invalid row is rejected as a whole: nothing of the batch is learnt")
  public void learn_invalidBulk_rejectedAndStateUnchanged() {
    double[][] s = stream();
    int h = half();
    C c = trained(5, h);
    C twin = trained(5, h);
    double[][] batch = Arrays.copyOfRange(s, h, Math.min(s.length, h + 20));
    double[] nan = batch[batch.length - 1].clone();
    nan[0] = Double.NaN;
    batch[batch.length - 1] = nan;
    assertThatThrownBy(() -> c.learn(batch)).isInstanceOf(IllegalArgumentException.class);
    assertThat(bytes(c)).as("a bulk learn with a NaN in its last row must learn nothing").isEqualTo(bytes(twin));
    assertThat(c.seen()).isEqualTo(h);
  }

  @Test
  @Rule("learn rejects a weight that is zero, negative, NaN or infinite with "
      + "IllegalArgumentException and leaves the state unchanged")
  public void learn_invalidWeight_rejectedAndStateUnchanged() {
    double[][] s = stream();
    C c = trained(6, half());
    C twin = trained(6, half());
    for (double w : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> c.learn(s[half()], w))
          .as("weight " + w)
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(bytes(c)).isEqualTo(bytes(twin));
    }
    double[] nan = s[0].clone();
    nan[0] = Double.NaN;
    assertThatThrownBy(() -> c.learn(nan, 1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(bytes(c)).isEqualTo(bytes(twin));
  }

  @Test
  @Rule("predict (on the clusterer and on a snapshot) rejects invalid points with "
      + "IllegalArgumentException and never changes the state")
  public void predict_invalidPoint_rejectedAndStateUnchanged() {
    double[][] s = stream();
    C c = trained(8, s.length);
    byte[] before = bytes(c);
    ClusterModel snap = c.snapshot();
    for (double[] bad : Checks.invalidPoints(s[0].length)) {
      assertRejects("predict", c::predict, bad);
      assertRejects("snapshot().predict", snap::predict, bad);
    }
    assertThat(bytes(c)).isEqualTo(before);
  }

  @Test
  @Rule("predict before any learning returns NOISE or a label, or throws "
      + "IllegalStateException with a message, and changes nothing")
  public void predict_beforeLearning_documentedOutcome() {
    C c = create(9);
    byte[] before = bytes(c);
    double[] p = stream()[0];
    try {
      int label = c.predict(p);
      assertThat(label).as("a label before learning must be NOISE or >= 0").isGreaterThanOrEqualTo(ClusterModel.NOISE);
    } catch (IllegalStateException expected) {
      assertThat(expected.getMessage()).as("the message says why there is no answer").isNotBlank();
    }
    assertThat(bytes(c)).as("predict before learning must not change the state").isEqualTo(before);
  }

  @Test
  @Rule("learn and predict never write into the caller's arrays")
  public void learnAndPredict_inputNotModified() {
    double[][] s = stream();
    double[][] copy = new double[s.length][];
    for (int i = 0; i < s.length; i++) {
      copy[i] = s[i].clone();
    }
    C c = create(10);
    for (double[] p : s) {
      c.learn(p);
    }
    for (double[] p : s) {
      c.predict(p);
    }
    c.snapshot().predict(s);
    c.learn(s[0], supportsWeights() ? 2.0 : 1.0);
    assertThat(s).as("input arrays after learn and predict").isDeepEqualTo(copy);
  }

  private boolean supportsWeights() {
    String name = providerName();
    return name != null && Clusterers.provider(name).capabilities().contains(Capability.WEIGHTED);
  }

  @Test
  @Rule("learn copies what it keeps: changing an array after learning it must not change the state")
  public void learn_inputNotRetained() {
    double[][] s = stream();
    C c = create(11);
    C twin = create(11);
    for (double[] p : s) {
      double[] mine = p.clone();
      c.learn(mine);
      twin.learn(p);
      Arrays.fill(mine, 1e6); // a clusterer that kept a reference would now see this
    }
    assertThat(bytes(c)).as("state must not alias input arrays").isEqualTo(bytes(twin));
  }

  @Test
  @Rule("the same seed and the same stream give byte-identical state and identical predictions")
  public void sameSeed_identicalResults() {
    double[][] s = stream();
    C a = trained(12, s.length);
    C b = trained(12, s.length);
    assertThat(bytes(a)).isEqualTo(bytes(b));
    for (double[] p : s) {
      assertThat(a.predict(p)).isEqualTo(b.predict(p));
    }
  }

  @Test
  @Rule("a snapshot is immutable: later learning changes neither its predictions, its labels nor its bytes")
  public void snapshot_unchangedByLaterLearning() {
    double[][] s = stream();
    C c = trained(13, s.length / 2 + s.length / 4);
    ClusterModel snap = c.snapshot();
    int[] before = snap.predict(s);
    int[] labelsBefore = snap.labels();
    byte[] bytesBefore = ModelIO.canWrite(snap.getClass()) ? bytes(snap) : null;
    for (int i = 0; i < 3; i++) {
      for (double[] p : s) {
        c.learn(p);
      }
    }
    assertThat(snap.predict(s)).as("snapshot predictions after more learning").isEqualTo(before);
    assertThat(snap.labels()).isEqualTo(labelsBefore);
    if (bytesBefore != null) {
      assertThat(bytes(snap)).isEqualTo(bytesBefore);
    }
  }

  @Test
  @Rule("the clusterer's predict equals its snapshot's predict, and the snapshot's labels are consistent")
  public void predict_agreesWithSnapshot() {
    double[][] s = stream();
    C c = create(14);
    int checkEvery = Math.max(1, s.length / 5);
    boolean checked = false;
    for (int i = 0; i < s.length; i++) {
      c.learn(s[i]);
      if ((i + 1) % checkEvery == 0 && hasModel(c)) {
        ClusterModel snap = c.snapshot();
        for (double[] p : s) {
          assertThat(c.predict(p)).isEqualTo(snap.predict(p));
        }
        Checks.assertLabelsConsistent(snap, s, mayPredictNoise());
        checked = true;
      }
    }
    assertThat(checked).as("the clusterer never had a clustering over the whole stream").isTrue();
  }

  private static boolean hasModel(OnlineClusterer<?> c) {
    try {
      c.snapshot();
      return true;
    } catch (IllegalStateException notYet) {
      return false;
    }
  }

  @Test
  @Rule("a model's bulk predict equals predicting each point alone")
  public void bulkPredict_equalsPointwise() {
    double[][] s = stream();
    ClusterModel m = trained(15, s.length).snapshot();
    int[] bulk = m.predict(s);
    for (int i = 0; i < s.length; i++) {
      assertThat(bulk[i]).isEqualTo(m.predict(s[i]));
    }
  }

  @Test
  @Rule("a bulk learn counts every point and, for sequential methods, equals learning them one by one")
  public void bulkLearn_equalsSequential() {
    double[][] s = stream();
    C bulk = create(16);
    bulk.learn(s);
    assertThat(bulk.seen()).isEqualTo(s.length);
    if (bulkLearnIsSequential()) {
      C one = trained(16, s.length);
      assertThat(bytes(bulk)).isEqualTo(bytes(one));
    }
  }

  @Test
  @Rule("ModelIO writes and reads back the clusterer and its snapshot unchanged")
  public void persistence_roundTrip() {
    double[][] s = stream();
    for (int at : new int[] {0, 1, s.length}) {
      C c = trained(17, at);
      C back = Checks.roundTrip(c);
      assertThat(back).isNotSameAs(c);
      assertThat(bytes(back)).isEqualTo(bytes(c));
      assertThat(back.seen()).isEqualTo(c.seen());
      assertThat(back.dimension()).isEqualTo(c.dimension());
    }
    ClusterModel m = trained(17, s.length).snapshot();
    ClusterModel mBack = Checks.roundTrip(m);
    assertThat(mBack.predict(s)).isEqualTo(m.predict(s));
    assertThat(mBack.labels()).isEqualTo(m.labels());
    assertThat(mBack.dimension()).isEqualTo(m.dimension());
  }

  @Test
  @Rule("a clusterer restored from ModelIO continues bit for bit as if it had never stopped")
  public void persistence_resumeBitForBit() {
    double[][] s = stream();
    for (int at : new int[] {1, 10, half()}) {
      C straight = trained(18, s.length);
      C first = trained(18, at);
      C resumed = Checks.roundTrip(first);
      for (int i = at; i < s.length; i++) {
        resumed.learn(s[i]);
      }
      assertThat(bytes(resumed)).as("resumed after " + at + " points").isEqualTo(bytes(straight));
    }
  }

  @Test
  @Rule("seen() counts every learnt point, single or bulk")
  public void seen_countsPoints() {
    double[][] s = stream();
    C c = create(19);
    for (int i = 0; i < s.length; i++) {
      c.learn(s[i]);
      assertThat(c.seen()).isEqualTo(i + 1L);
    }
    c.learn(new double[][] {s[0], s[1]});
    assertThat(c.seen()).isEqualTo(s.length + 2L);
  }

  /**
   * River's bounded-growth rule applied to the serialized state: after a warm-up, the state
   * may grow by at most three times the warm-up's growth plus 16 KiB over a long stream of
   * fresh points drawn around the same structure.
   */
  @Test
  @Rule("the state stays bounded over a long stream (at most 3 times the warm-up growth plus 16 KiB)")
  public void memory_boundedOnLongStream() {
    double[][] s = stream();
    int d = s[0].length;
    C c = create(20);
    SplittableRandom rng = new SplittableRandom(20);
    double[] scratch = new double[d];
    int total = memoryCheckPoints();
    int warm = total / 10;
    int empty = bytes(c).length;
    int afterWarm = 0;
    for (int i = 0; i < total; i++) {
      double[] base = s[i % s.length];
      for (int j = 0; j < d; j++) {
        scratch[j] = base[j] + 0.05 * Blobs.gaussian(rng);
      }
      c.learn(scratch);
      if (i + 1 == warm) {
        afterWarm = bytes(c).length;
      }
    }
    int end = bytes(c).length;
    long allowed = afterWarm + 3L * Math.max(0, afterWarm - empty) + 16 * 1024;
    assertThat((long) end).as("serialized state after " + total + " points (after warm-up: "
        + afterWarm + " bytes)").isLessThanOrEqualTo(allowed);
  }

  @Test
  @Rule("isReady() changes nothing; whenever it is true, predict and snapshot answer; it is "
      + "true by the end of the stream")
  public void isReady_predictAnswersWhenReady() {
    double[][] s = stream();
    C c = create(22);
    byte[] before = bytes(c);
    boolean ready = c.isReady();
    assertThat(bytes(c)).as("state after isReady() before learning").isEqualTo(before);
    for (int i = 0; i < s.length; i++) {
      c.learn(s[i]);
      // Every point early on, where warm-ups end; then every 25th, as isReady may build a
      // snapshot.
      if (i < 50 || i % 25 == 0) {
        byte[] learnt = bytes(c);
        ready = c.isReady();
        assertThat(bytes(c)).as("state after isReady() at point " + (i + 1)).isEqualTo(learnt);
        if (ready) {
          try {
            c.predict(s[i]);
            c.snapshot();
          } catch (IllegalStateException e) {
            throw new AssertionError("isReady() is true after " + (i + 1)
                + " points, but predict or snapshot threw " + e, e);
          }
        }
      }
    }
    assertThat(c.isReady()).as("isReady() after the whole stream of " + s.length + " points").isTrue();
  }

  @Test
  @Rule("snapshots implement the model type of each capability the provider declares "
      + "(CentroidModel for CENTROIDS, SoftClusterModel for SOFT), as typed look-ups rely on")
  public void snapshot_implementsDeclaredModelTypes() {
    String name = providerName();
    if (name == null) {
      return;
    }
    Checks.assertDeclaredModelTypes(name, trained(23, stream().length).snapshot());
  }

  @Test
  @Rule("the provider is registered under its name, with a description, capabilities, "
      + "documented parameters with valid defaults, a codec and a clear error for an "
      + "unknown parameter")
  public void provider_registeredWithCompleteMetadata() {
    String name = providerName();
    if (name == null) {
      return;
    }
    Checks.assertProviderComplete(name, create(21).getClass(), null);
  }

  @Test
  @Rule("every declared parameter reaches its own field: built with one parameter changed, "
      + "the clusterer (and its ModelIO copy) reports exactly that configuration")
  public void provider_mapsEveryParameterToItsField() {
    String name = providerName();
    if (name == null) {
      return;
    }
    Checks.assertParametersMapped(name, true);
  }

  /**
   * The adjusted Rand index an approximate {@link io.eddy.Mergeable} merge must reach against
   * learning the union of the streams (see {@link MergeableContract}); the default is 0.9.
   */
  protected double mergeAgreement() {
    return 0.9;
  }

  @Test
  public void mergeable_lawsHold() {
    new MergeableContract<>(this::create, stream(), providerName(), mergeAgreement()).runAll();
  }

  /**
   * A seeded generator of streams at the edges of what {@link io.eddy.Points} accepts: blob
   * points mixed with coordinates up to &plusmn;{@link io.eddy.Points#MAX_ABS}, values near the
   * smallest doubles, repeated points, and (for weighted clusterers) weights from 1e-300 to
   * {@link io.eddy.Points#MAX_WEIGHT}.
   */
  static double[] extremePoint(SplittableRandom r, double[][] repeats) {
    double[] p = new double[3];
    switch (r.nextInt(6)) {
      case 0:
        for (int j = 0; j < 3; j++) {
          p[j] = (r.nextDouble() * 2 - 1) * io.eddy.Points.MAX_ABS;
        }
        break;
      case 1:
        for (int j = 0; j < 3; j++) {
          p[j] = r.nextGaussian() * 1e-300;
        }
        break;
      case 2:
        return repeats[r.nextInt(repeats.length)].clone();
      default:
        int c = r.nextInt(3);
        for (int j = 0; j < 3; j++) {
          p[j] = 6 * c + r.nextGaussian();
        }
    }
    return p;
  }

  @Test
  @Rule("valid input at the edges of the accepted range (coordinates up to Points.MAX_ABS, tiny "
      + "values, repeats, weights up to Points.MAX_WEIGHT) raises nothing, and the state stays "
      + "savable: it reads back and predicts as the original")
  public void learn_extremeValidInput_stateStaysFiniteAndSavable() throws Exception {
    boolean weighted = providerName() != null
        && Clusterers.provider(providerName()).capabilities().contains(Capability.WEIGHTED);
    double[][] repeats = {{0, 0, 0}, {io.eddy.Points.MAX_ABS, -io.eddy.Points.MAX_ABS, 0}, {1e-300, 1, 2}};
    double[] weights = {1e-300, 1, 1, 1, io.eddy.Points.MAX_WEIGHT};
    for (long seed = 1; seed <= 3; seed++) {
      C c = create(seed);
      SplittableRandom r = new SplittableRandom(seed);
      for (int i = 0; i < 1500; i++) {
        double[] p = extremePoint(r, repeats);
        if (weighted) {
          c.learn(p, weights[r.nextInt(weights.length)]);
        } else {
          c.learn(p);
        }
      }
      assertThat(c.seen()).isEqualTo(1500);
      @SuppressWarnings("unchecked")
      C copy = (C) ModelIO.fromBytes(ModelIO.toBytes(c), c.getClass());
      assertThat(bytes(copy)).as("the state read back writes the same bytes").isEqualTo(bytes(c));
      if (c.isReady()) {
        for (double[] probe : repeats) {
          int label = c.predict(probe);
          assertThat(label).isGreaterThanOrEqualTo(ClusterModel.NOISE);
          assertThat(copy.predict(probe)).isEqualTo(label);
        }
      }
    }
  }
}

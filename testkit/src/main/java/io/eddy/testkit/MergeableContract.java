package io.eddy.testkit;

import static io.eddy.testkit.Checks.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.Capability;
import io.eddy.CentroidModel;
import io.eddy.ClustererProvider;
import io.eddy.Clusterers;
import io.eddy.DecayingClusterer;
import io.eddy.Mergeable;
import io.eddy.OnlineClusterer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The laws of {@link Mergeable}, checked on any clusterer that declares it; the
 * {@link OnlineClustererContract} runs them by itself when its clusterer is {@code Mergeable}.
 *
 * <p>The stream is split into two interleaved halves A and B (and three thirds for
 * associativity), each learned by its own clusterer of one configuration; a
 * {@link DecayingClusterer} learns point i at time i, so that all parts share one clock. Checked: a fresh
 * clusterer is an identity on both sides; the other side is not modified; {@code seen()}
 * adds up; merging is commutative and associative, the models' predictions on the stream
 * agreeing exactly (adjusted Rand index 1) where the kind promises it (commutativity for
 * {@link Mergeable.Kind#TOTALS}, both laws for {@link Mergeable.Kind#EXACT}) and within
 * {@link #agreement()} otherwise, on parts that have a clustering (merges of parts still
 * warming up replay their pending points in order); merge(learn(A), learn(B)) clusters the stream like
 * learn(A ∪ B), within {@link #agreement()}; null, itself and another
 * dimension are rejected with {@link IllegalArgumentException}, leaving the state unchanged;
 * the provider declares {@link Capability#MERGEABLE} if and only if the clusterer is
 * {@code Mergeable}; {@link Mergeable#takePart} splits a merged state into parts that all
 * predict like it and merge back to its totals ({@link #takePart_partsMergeBackToTheWhole}).
 *
 * @param <C> the clusterer under test
 */
public class MergeableContract<C extends OnlineClusterer<?>> {

  private final LongFunction<C> factory;
  private final double[][] stream;
  private final String providerName;
  private final double agreement;

  /**
   * A contract over clusterers made by {@code factory}, learning {@code stream}.
   *
   * @param stream points of well-separated clusters, long enough for a third of them to give
   *     every clusterer a clustering
   * @param providerName the registry name, or null if not registered
   * @param agreement the adjusted Rand index an approximate merge must reach against learning
   *     the union, in [0, 1]; 0.9 suits well-separated blobs and a configuration that matches
   *     them; 0 checks the laws only (for a configuration not chosen for the stream)
   */
  public MergeableContract(LongFunction<C> factory, double[][] stream, String providerName, double agreement) {
    this.factory = factory;
    this.stream = stream;
    this.providerName = providerName;
    this.agreement = agreement;
  }

  /** The agreement an approximate merge must reach. */
  public double agreement() {
    return agreement;
  }

  /** Runs every check if the clusterer is {@link Mergeable}; checks the capability either way. */
  public void runAll() {
    capability_declaredIffMergeable();
    if (!(factory.apply(1) instanceof Mergeable<?>)) {
      return;
    }
    identity_bothSides();
    merge_otherUnchangedAndSeenAdds();
    merge_commutative();
    merge_associative();
    merge_closeToLearningTheUnion();
    merge_invalidRejectedAndStateUnchanged();
    takePart_partsMergeBackToTheWhole();
  }

  void capability_declaredIffMergeable() {
    if (providerName == null) {
      return;
    }
    ClustererProvider p = Clusterers.provider(providerName);
    assertThat(p.capabilities().contains(Capability.MERGEABLE))
        .as(providerName + " declares MERGEABLE exactly when its online clusterer is Mergeable")
        .isEqualTo(factory.apply(1) instanceof Mergeable<?>);
  }

  /**
   * Learns the points i with {@code i % parts == part}. A decaying clusterer learns point i at
   * time i, so that the parts share the union's clock (with ticks, each part's clock would
   * count only its own points and fade them more slowly than the union's).
   */
  private C learned(int part, int parts) {
    C c = factory.apply(5);
    for (int i = part; i < stream.length; i += parts) {
      if (c instanceof DecayingClusterer<?> timed) {
        timed.learn(stream[i], 1.0, i);
      } else {
        c.learn(stream[i]);
      }
    }
    return c;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <C> C merged(C a, C b) {
    C copy = Checks.roundTrip(a);
    ((Mergeable) copy).merge((Mergeable) b);
    return copy;
  }

  /** The clustering of the stream, or null while the clusterer has none (still warming up). */
  private int[] labels(OnlineClusterer<?> c) {
    try {
      return c.snapshot().predict(stream);
    } catch (IllegalStateException warmingUp) {
      return null;
    }
  }

  /** The two clusterings agree to {@code required}, when both exist. */
  private void assertAgree(String what, C x, C y, double required) {
    int[] a = labels(x);
    int[] b = labels(y);
    assertThat(a == null).as(what + ": both or neither have a clustering").isEqualTo(b == null);
    if (a != null) {
      assertThat(Ari.of(a, b)).as("ARI of " + what).isGreaterThanOrEqualTo(required);
    }
  }

  private Mergeable.Kind kind(C c) {
    return ((Mergeable<?>) c).mergeKind();
  }

  /** Commutativity is exact unless approximate; associativity only for exact merges. */
  private double required(C c, boolean associative) {
    Mergeable.Kind k = kind(c);
    return k == Mergeable.Kind.EXACT || (k == Mergeable.Kind.TOTALS && !associative) ? 1.0 : agreement;
  }

  void identity_bothSides() {
    C a = learned(0, 2);
    C fresh = factory.apply(5);
    byte[] before = bytes(a);
    C right = merged(a, fresh);
    assertThat(bytes(right)).as("merging a fresh clusterer changes nothing").isEqualTo(before);
    C left = merged(fresh, a);
    assertThat(left.seen()).isEqualTo(a.seen());
    assertThat(labels(left)).as("a fresh clusterer merged with a state predicts as that state")
        .isEqualTo(labels(a));
  }

  void merge_otherUnchangedAndSeenAdds() {
    C a = learned(0, 2);
    C b = learned(1, 2);
    byte[] bBefore = bytes(b);
    C ab = merged(a, b);
    assertThat(bytes(b)).as("the merged-in state is not modified").isEqualTo(bBefore);
    assertThat(ab.seen()).isEqualTo(a.seen() + b.seen());
    b.learn(stream[0]);
    assertThat(bytes(ab)).as("nothing of the merged-in state is retained")
        .isEqualTo(bytes(merged(a, Checks.roundTrip(learned(1, 2)))));
  }

  void merge_commutative() {
    C a = learned(0, 2);
    C b = learned(1, 2);
    if (labels(a) == null || labels(b) == null) {
      return; // merges of warming-up parts replay pending points in order
    }
    assertAgree("merge(a, b) against merge(b, a)", merged(a, b), merged(b, a), required(a, false));
  }

  void merge_associative() {
    C a = learned(0, 3);
    C b = learned(1, 3);
    C c = learned(2, 3);
    C left = merged(merged(a, b), c);
    C right = merged(a, merged(b, c));
    assertThat(left.seen()).isEqualTo(right.seen());
    if (labels(a) == null || labels(b) == null || labels(c) == null) {
      return;
    }
    assertAgree("(a+b)+c against a+(b+c)", left, right, required(a, true));
  }

  void merge_closeToLearningTheUnion() {
    if (agreement <= 0) {
      return;
    }
    C ab = merged(learned(0, 2), learned(1, 2));
    C union = learned(0, 1);
    int[] u = labels(union);
    int[] m = labels(ab);
    if (u != null && m != null) {
      assertThat(Ari.of(m, u)).as("ARI of merge(learn(A), learn(B)) against learn(A ∪ B)")
          .isGreaterThanOrEqualTo(agreement);
    }
  }

  /**
   * {@link Mergeable#takePart} into three parts (so that integer counts do not divide evenly):
   * either every part refuses, each unchanged, or every part takes its share. Then their
   * {@code seen()} add up to the merged state's, each part predicts the stream exactly as the
   * merged state does, and merging the parts back into a fresh clusterer gives the merged
   * totals: {@code seen()}, the total weight of the model's clusters (for a
   * {@link CentroidModel}) and the same predictions: the same labels for an exact merge, and
   * within {@link #agreement()} otherwise, since such a merge may re-summarise (reduce,
   * re-insert, re-cluster) even parts that correspond.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void takePart_partsMergeBackToTheWhole() {
    C whole = merged(learned(0, 2), learned(1, 2));
    int parts = 3;
    List<C> taken = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      C part = factory.apply(5);
      byte[] before = bytes(part);
      if (((Mergeable) part).takePart((Mergeable) whole, i, parts)) {
        taken.add(part);
      } else {
        assertThat(bytes(part)).as("a part that refused is unchanged").isEqualTo(before);
      }
    }
    assertThat(taken.size()).as("parts taken: all or none").isIn(0, parts);
    if (taken.isEmpty()) {
      return;
    }
    int[] expected = labels(whole);
    long seen = 0;
    C back = factory.apply(5);
    for (C part : taken) {
      seen += part.seen();
      assertThat(labels(part)).as("a part predicts like the merged state").isEqualTo(expected);
      ((Mergeable) back).merge((Mergeable) part);
    }
    assertThat(seen).as("the parts' seen()").isEqualTo(whole.seen());
    assertThat(back.seen()).as("seen() merged back").isEqualTo(whole.seen());
    if (kind(whole) == Mergeable.Kind.EXACT) {
      assertThat(labels(back)).as("the parts merged back predict like the merged state").isEqualTo(expected);
    } else {
      // A merge that is not exact may re-summarise (reduce, re-insert, re-cluster) even
      // parts that correspond.
      assertAgree("the parts merged back against the merged state", back, whole, agreement);
    }
    double total = totalWeight(whole);
    assertThat(totalWeight(back)).as("total weight merged back").isCloseTo(total, within(1e-9 * Math.max(1, total)));
  }

  /** The sum of the model's cluster weights, or 0 for a model without weights. */
  private static double totalWeight(OnlineClusterer<?> c) {
    double total = 0;
    if (c.snapshot() instanceof CentroidModel m) {
      for (int label : m.labels()) {
        total += m.weight(label);
      }
    }
    return total;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  void merge_invalidRejectedAndStateUnchanged() {
    C a = learned(0, 2);
    byte[] before = bytes(a);
    Mergeable m = (Mergeable) a;
    assertThatThrownBy(() -> m.merge(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.merge(m)).isInstanceOf(IllegalArgumentException.class);
    C other = factory.apply(5);
    double[] wide = new double[stream[0].length + 1];
    for (int i = 0; i < 50; i++) {
      wide[0] = i;
      other.learn(wide);
    }
    assertThatThrownBy(() -> m.merge((Mergeable) other)).isInstanceOf(IllegalArgumentException.class);
    assertThat(bytes(a)).as("state after rejected merges").isEqualTo(before);
  }
}

package io.eddy;

/**
 * An online clusterer whose learning state merges with the state of another of the same
 * configuration, so that a stream can be learned in parts (threads, partitions, machines) and
 * the parts combined into one model.
 *
 * <p>The merge is a commutative monoid on learning states:
 * <ul>
 *   <li><b>identity</b>: a fresh clusterer of the same configuration (nothing learned) changes
 *       nothing, on either side;
 *   <li><b>commutative</b> and <b>associative</b>: {@code merge(a, b)} and
 *       {@code merge(b, a)}, and any bracketing of three states, give the same clustering (up to
 *       the names of the labels), exactly or within the tolerance of {@link #mergeKind()}, up
 *       to floating-point rounding of sums.
 * </ul>
 * After {@code a.merge(b)}: {@code a.seen()} is the sum of both {@code seen()}; a decaying
 * clusterer's clock is the later of the two clocks, and the earlier state is decayed to it
 * before the merge; labels that the receiver had keep their meaning where its clusters
 * survive, and clusters that appear are given fresh labels. {@code b} is not modified, and
 * nothing of it is retained.
 *
 * <p>How close {@code merge(learn(A), learn(B))} comes to {@code learn(A ∪ B)} depends on the
 * algorithm, and {@link #mergeKind()} says it:
 * <ul>
 *   <li>{@link Kind#EXACT}: sufficient statistics that add (counts, sums) under a shared
 *       model. The merged state is the one {@code learn(A ∪ B)} would have, up to rounding.
 *   <li>{@link Kind#TOTALS}: the total weight and the linear sum over all clusters are exact,
 *       and so are the per-cluster statistics when the two states share their clusters (the
 *       same starting centers, each still nearest to its counterpart); otherwise clusters are
 *       matched or re-clustered, which is an approximation.
 *   <li>{@link Kind#APPROXIMATE}: the merge summarises the union with a stated tolerance.
 * </ul>
 * Each implementation documents its kind, its tolerance and how it treats a state that is
 * still warming up. {@link Capability#MERGEABLE} declares the capability to the registry, and
 * the contract test kit checks the laws above wherever it is declared.
 *
 * <p>Not thread-safe, like the clusterer itself: neither side may be learning during a merge.
 *
 * @param <T> the clusterer's own type
 */
public interface Mergeable<T extends Mergeable<T>> {

  /** How far a merge is from learning the union of both streams. */
  enum Kind {
    /** The merged state equals that of learning the union, up to rounding. */
    EXACT,
    /**
     * The merged totals (weight, linear sum) are exact; per-cluster statistics are exact when
     * the clusters correspond and approximate otherwise.
     */
    TOTALS,
    /** The merged state approximates that of the union within a documented tolerance. */
    APPROXIMATE
  }

  /**
   * Merges {@code other}'s learning state into this one.
   *
   * @param other a clusterer of the same class and configuration; not modified, not retained
   * @throws IllegalArgumentException if {@code other} is null, this object, of another
   *     configuration or of another dimension; this clusterer is then unchanged
   */
  void merge(T other);

  /** The kind of this clusterer's merge; see the class documentation. */
  Kind mergeKind();

  /**
   * Replaces this learning state by part {@code part} of {@code parts} of {@code merged}, so
   * that p partitions can all continue learning from one merged state without counting it p
   * times: each part has the merged clusters under the same labels and the same centers, and
   * its weights (and {@code seen()}) are its share, so that merging all {@code parts} parts
   * gives back {@code merged}'s totals, up to rounding. A partition then learns on from its
   * part, and the next merge of the partitions is the merged state plus everything they
   * learned since.
   *
   * <p>The default splits nothing and returns false, as does an implementation whose
   * {@code merged} cannot be split yet (for example still warming up); this clusterer is then
   * unchanged. A caller can always fall back on the identity: one partition takes
   * {@code merged} whole (a merge into a fresh clusterer) and the others start fresh.
   *
   * @param merged a state of the same class and configuration; not modified, not retained
   * @param part which part this one is, {@code 0 <= part < parts}
   * @param parts how many parts, &ge; 1
   * @return whether this state is now that part
   * @throws IllegalArgumentException if {@code merged} is null, this object or of another
   *     configuration, or {@code part} is out of range; nothing changes then
   */
  default boolean takePart(T merged, int part, int parts) {
    if (merged == null || merged == this || parts < 1 || part < 0 || part >= parts) {
      throw new IllegalArgumentException("need another state and 0 <= part < parts, got part " + part + " of "
          + parts);
    }
    return false;
  }
}

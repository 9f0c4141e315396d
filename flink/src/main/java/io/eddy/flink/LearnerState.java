package io.eddy.flink;

/**
 * The whole learning state of one keyed learner at the end of a round, shipped to the merge
 * operator. The merge of round r takes, from every learner, its state of the greatest round
 * not after r, so a state shipped twice (after a recovery) replaces, never adds.
 */
public class LearnerState {

  /** The learner's slot (its key). */
  public int slot;

  /**
   * The round this state closes: the learner's shipment number with count-based merging, the
   * end of the window (epoch milliseconds, exclusive) with time-based merging, and
   * {@link Long#MAX_VALUE} for the last state of a bounded input without feedback.
   */
  public long round;

  /** Events this learner has learned (its share of a merged state it continued from included). */
  public long seen;

  /** Whether the learner's input has ended: nothing new will follow this state. */
  public boolean last;

  /** The learner's clusterer, as written by {@code ModelIO}. */
  public byte[] state;

  /** For Flink's POJO serializer. */
  public LearnerState() {
  }

  /** A shipped state. */
  public LearnerState(int slot, long round, long seen, boolean last, byte[] state) {
    this.slot = slot;
    this.round = round;
    this.seen = seen;
    this.last = last;
    this.state = state;
  }
}

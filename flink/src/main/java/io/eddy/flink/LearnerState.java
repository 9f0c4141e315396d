package io.eddy.flink;

/**
 * The whole learning state of one keyed learner, shipped to the merge operator, which keeps
 * the latest per learner: a later state replaces an earlier one, so a state shipped twice
 * (after a recovery) is never counted twice.
 */
public class LearnerState {

  /** The learner's slot, {@code 0..parallelism-1}. */
  public int slot;

  /** Events this learner has learned. */
  public long seen;

  /** The learner's clusterer, as written by {@code ModelIO}. */
  public byte[] state;

  /** For Flink's POJO serializer. */
  public LearnerState() {
  }

  /** A shipped state. */
  public LearnerState(int slot, long seen, byte[] state) {
    this.slot = slot;
    this.seen = seen;
    this.state = state;
  }
}

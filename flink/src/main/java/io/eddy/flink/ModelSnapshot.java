package io.eddy.flink;

/**
 * A merged model, as the merge operator emits it once per round: a version that increases with
 * every merge, the round it closes, the number of events learned, and two
 * {@link io.eddy.io.ModelIO} records, the model (a {@link io.eddy.ClusterModel}, or null while
 * the merged clusterer is still warming up) and the merged learning state (an
 * {@link io.eddy.OnlineClusterer} that can go on learning).
 */
public class ModelSnapshot {

  /** Increases by one with every merge; 1 for the first. */
  public long version;

  /** The round merged (see {@link LearnerState#round}). */
  public long round;

  /** Events learned by all learners together. */
  public long seen;

  /** Whether every learner's input had ended: this is the final model of a bounded input. */
  public boolean last;

  /** The slots whose states were merged, in increasing order: the parts learners continue from. */
  public int[] slots;

  /** The model, as written by {@code ModelIO}; null while the clusterer is not ready. */
  public byte[] model;

  /** The merged learning state, as written by {@code ModelIO}. */
  public byte[] state;

  /** For Flink's POJO serializer. */
  public ModelSnapshot() {
  }

  /** A snapshot. */
  public ModelSnapshot(long version, long round, long seen, boolean last, int[] slots, byte[] model, byte[] state) {
    this.version = version;
    this.round = round;
    this.seen = seen;
    this.last = last;
    this.slots = slots;
    this.model = model;
    this.state = state;
  }
}

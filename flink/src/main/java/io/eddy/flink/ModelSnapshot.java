package io.eddy.flink;

/**
 * A merged model, as the merge operator emits it: a version that increases with every merge,
 * the number of events learned, and two {@link io.eddy.io.ModelIO} records, the model (a
 * {@link io.eddy.ClusterModel}) and the merged learning state (an
 * {@link io.eddy.OnlineClusterer} that can go on learning).
 */
public class ModelSnapshot {

  /** Increases by one with every merge; 1 for the first. */
  public long version;

  /** Events learned by all learners together. */
  public long seen;

  /** The model, as written by {@code ModelIO}. */
  public byte[] model;

  /** The merged learning state, as written by {@code ModelIO}. */
  public byte[] state;

  /** For Flink's POJO serializer. */
  public ModelSnapshot() {
  }

  /** A snapshot. */
  public ModelSnapshot(long version, long seen, byte[] model, byte[] state) {
    this.version = version;
    this.seen = seen;
    this.model = model;
    this.state = state;
  }
}

package io.eddy.online;

import io.eddy.ClusterModel;
import io.eddy.Lineage;
import io.eddy.SegmentEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link DensityClusterer} whose labels are stable segment ids ({@link StableLabels}), fixed
 * at each periodic reclustering, and which therefore keeps the {@link Lineage} of its segments:
 * {@link Dbstream}, {@link DenStream} and {@link Dstream}. The events are saved and restored
 * with the labels; the listener is not.
 *
 * <p>Not thread-safe, as its subclasses.
 *
 * @param <M> the model its snapshots are
 */
abstract sealed class StableDensityClusterer<M extends ClusterModel> extends DensityClusterer<M>
    implements Lineage permits Dbstream, DenStream, Dstream {

  /** The stable labels and their lineage: part of the learning state, written by the codecs. */
  StableLabels labels = new StableLabels();

  private Consumer<? super SegmentEvent> listener;
  /** The last reclustering whose events the listener was given. */
  private long delivered;

  @Override
  public final List<SegmentEvent> events(long afterSequence) {
    return labels.events(afterSequence);
  }

  @Override
  public final long lineageSequence() {
    return labels.sequence();
  }

  @Override
  public final long firstKeptSequence() {
    return labels.firstKept();
  }

  @Override
  public final void onSegmentEvent(Consumer<? super SegmentEvent> listener) {
    this.listener = listener;
    delivered = labels.sequence();
  }

  /** Hands the listener the events of reclusterings since the last delivery. */
  @Override
  final void changed() {
    Consumer<? super SegmentEvent> l = listener;
    long now = labels.sequence();
    if (l == null || now == delivered) {
      return;
    }
    long after = delivered;
    delivered = now;
    for (SegmentEvent e : labels.events(after)) {
      l.accept(e);
    }
  }
}

package io.eddy.dashboard;

import io.eddy.CentroidModel;
import io.eddy.SegmentEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Live page plots, measured at each tick from successive views of a learning
 * clusterer: points per second, segment count, sizes, each centre's drift from where it was
 * first seen, quality of the recent sample, and segment events.
 *
 * <p><b>Events from the lineage.</b> A clusterer that keeps a {@link io.eddy.Lineage}
 * (DBSTREAM, DenStream, D-Stream) records births, vanishings, merges and splits itself, with
 * the labels its snapshots use; {@link #tick(ModelView, long, List, long)} passes on the ones
 * published since the previous tick. From the first such tick on, the heuristic below is no
 * longer used; that tick carries {@code "restart": true} and the totals count lineage events
 * only, since the heuristic may have reported segments seen before the clusterer's first
 * reclustering. The clusterer keeps its latest {@link io.eddy.Lineage#CAPACITY} events: should
 * more be published between two ticks, the oldest are not seen.
 *
 * <p><b>Heuristic events</b>, for clusterers without lineage (the k-means family and the
 * others), compare the labels of two successive snapshots. A label that appears is a
 * <i>birth</i>. A label that disappears is a <i>merge</i> into the surviving segment whose
 * centre is nearest its last centre if that segment's weight grew by at least half the
 * vanished segment's weight in the meantime; otherwise it is a <i>vanishing</i> (it faded, or
 * was pruned). Splits are not detected. For the k-means family labels are positions, so
 * nothing is born or vanishes there.
 *
 * <p>Each event is {@code {"type": "birth"|"vanish"|"merge"|"split", "from": [old labels],
 * "to": [new labels]}}, as {@link SegmentEvent}; lineage events add the reclustering's
 * {@code "sequence"} and the clusterer's {@code "clock"}.
 *
 * <p>Used by one thread, the dashboard's ticker.
 */
final class Live {

  private final long start = System.nanoTime();
  private final Map<Integer, double[]> firstCentre = new HashMap<>();
  private ModelView previous;
  private long previousSeen;
  private long previousNanos = start;
  private boolean lineage;
  private long lineageSequence;
  private long births;
  private long vanishings;
  private long merges;
  private long splits;

  /** The last reclustering whose lineage events were passed on; 0 before any. */
  long lineageSequence() {
    return lineageSequence;
  }

  /** The tick's JSON for a clusterer without lineage: events by comparing snapshots. */
  String tick(ModelView view, long seen) {
    return tick(view, seen, null, 0);
  }

  /**
   * The tick's JSON, from the current view (null if not ready yet) and points seen.
   *
   * @param fresh the lineage events published since {@link #lineageSequence()}, oldest first,
   *     or null if the clusterer keeps no lineage (or has not reclustered yet)
   * @param sequence the clusterer's published lineage sequence, read before {@code fresh}
   */
  String tick(ModelView view, long seen, List<SegmentEvent> fresh, long sequence) {
    long now = System.nanoTime();
    double dt = (now - previousNanos) / 1e9;
    double rate = dt > 0 ? (seen - previousSeen) / dt : 0;
    previousNanos = now;
    previousSeen = seen;
    Json j = new Json().beginObject();
    j.field("t", Math.round((now - start) / 1e6) / 1e3).field("seen", seen).field("rate", Math.round(rate));
    boolean restart = false;
    if (fresh != null && !lineage) {
      lineage = true;
      restart = true;
      births = vanishings = merges = splits = 0;
    }
    j.field("lineage", lineage);
    if (restart) {
      j.field("restart", true);
    }
    j.name("events").beginArray();
    if (lineage) {
      lineageEvents(j, fresh == null ? List.of() : fresh, sequence);
    } else if (view != null) {
      if (previous == null) {
        for (int label : view.labels) {
          birth(j, label);
        }
      } else if (previous.model != view.model) {
        events(j, previous, view);
      }
    }
    j.endArray();
    j.field("sequence", lineageSequence);
    if (view == null) {
      j.field("ready", false);
      totals(j);
      return j.endObject().toString();
    }
    j.field("ready", true).field("segments", view.labels.length);
    j.name("labels").beginArray();
    for (int l : view.labels) {
      j.value(l);
    }
    j.endArray();
    j.name("sizes").values(view.sizes);
    // Labels that are gone for good (stable ids) are forgotten, so the map stays bounded.
    firstCentre.keySet().removeIf(l -> view.slot(l) < 0);
    j.name("drift").beginArray();
    for (int s = 0; s < view.labels.length; s++) {
      double[] first = firstCentre.computeIfAbsent(view.labels[s], l -> view.centres[view.slot(l)].clone());
      j.value(Math.sqrt(ModelView.squared(first, view.centres[s])));
    }
    j.endArray();
    ModelView.Quality q = view.quality();
    j.name("quality").beginObject().field("silhouette", q.silhouette()).field("daviesBouldin", q.daviesBouldin())
        .field("calinskiHarabasz", q.calinskiHarabasz()).field("points", q.points()).endObject();
    totals(j);
    previous = view;
    return j.endObject().toString();
  }

  private void totals(Json j) {
    j.name("totals").beginObject().field("births", births).field("vanishings", vanishings).field("merges", merges)
        .field("splits", splits).endObject();
  }

  private void lineageEvents(Json j, List<SegmentEvent> fresh, long sequence) {
    long last = Math.max(lineageSequence, sequence);
    for (SegmentEvent e : fresh) {
      if (e.sequence() <= lineageSequence) {
        continue;
      }
      last = Math.max(last, e.sequence());
      String type = switch (e.kind()) {
        case BORN -> {
          births++;
          yield "birth";
        }
        case VANISHED -> {
          vanishings++;
          yield "vanish";
        }
        case MERGED -> {
          merges++;
          yield "merge";
        }
        case SPLIT -> {
          splits++;
          yield "split";
        }
      };
      j.beginObject().field("type", type);
      j.name("from").beginArray();
      for (int l : e.from()) {
        j.value(l);
      }
      j.endArray().name("to").beginArray();
      for (int l : e.to()) {
        j.value(l);
      }
      j.endArray().field("sequence", e.sequence()).field("clock", e.time()).endObject();
    }
    // Events published between reading the sequence and reading them count as passed on.
    lineageSequence = last;
  }

  private void birth(Json j, int label) {
    births++;
    j.beginObject().field("type", "birth").name("from").beginArray().endArray().name("to").beginArray()
        .value(label).endArray().endObject();
  }

  private void events(Json j, ModelView before, ModelView after) {
    for (int label : after.labels) {
      if (before.slot(label) < 0) {
        birth(j, label);
      }
    }
    for (int s = 0; s < before.labels.length; s++) {
      int label = before.labels[s];
      if (after.slot(label) >= 0) {
        continue;
      }
      int into = nearestSurvivor(before, after, s);
      if (into >= 0) {
        double grew = weight(after, into) - weight(before, into);
        if (grew >= 0.5 * before.sizes[s]) {
          merges++;
          j.beginObject().field("type", "merge").name("from").beginArray().value(Math.min(label, into))
              .value(Math.max(label, into)).endArray().name("to").beginArray().value(into).endArray().endObject();
          continue;
        }
      }
      vanishings++;
      j.beginObject().field("type", "vanish").name("from").beginArray().value(label).endArray().name("to")
          .beginArray().endArray().endObject();
    }
  }

  /** The label in {@code after}, also present in {@code before}, whose centre is nearest segment {@code s} of before. */
  private static int nearestSurvivor(ModelView before, ModelView after, int s) {
    int best = -1;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int t = 0; t < after.labels.length; t++) {
      if (before.slot(after.labels[t]) < 0) {
        continue;
      }
      double d = ModelView.squared(before.centres[s], after.centres[t]);
      if (d < bestDistance) {
        bestDistance = d;
        best = after.labels[t];
      }
    }
    return best;
  }

  private static double weight(ModelView v, int label) {
    int s = v.slot(label);
    if (s < 0) {
      return 0;
    }
    return v.model instanceof CentroidModel ? ((CentroidModel) v.model).weight(label) : v.sizes[s];
  }
}

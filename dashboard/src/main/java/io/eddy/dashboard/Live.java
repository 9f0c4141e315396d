package io.eddy.dashboard;

import io.eddy.CentroidModel;
import java.util.HashMap;
import java.util.Map;

/**
 * What the Live page plots, measured at each tick from successive views of a learning
 * clusterer: points per second, segment count, sizes, each centre's drift from where it was
 * first seen, quality of the recent sample, and segment events.
 *
 * <p><b>Events</b> compare the labels of two successive snapshots. A label that appears is a
 * <i>birth</i>. A label that disappears is a <i>merge</i> into the surviving segment whose
 * centre is nearest its last centre if that segment's weight grew by at least half the
 * vanished segment's weight in the meantime; otherwise it is a <i>vanishing</i> (it faded, or
 * was pruned). Labels are identities for clusterers whose segments come and go (DenStream,
 * DBSTREAM); for the k-means family they are positions, so nothing is born or vanishes there.
 *
 * <p>Used by one thread, the dashboard's ticker.
 */
final class Live {

  private final long start = System.nanoTime();
  private final Map<Integer, double[]> firstCentre = new HashMap<>();
  private ModelView previous;
  private long previousSeen;
  private long previousNanos = start;
  private long births;
  private long vanishings;
  private long merges;

  /** The tick's JSON, from the current view (null if not ready yet) and points seen. */
  String tick(ModelView view, long seen) {
    long now = System.nanoTime();
    double dt = (now - previousNanos) / 1e9;
    double rate = dt > 0 ? (seen - previousSeen) / dt : 0;
    previousNanos = now;
    previousSeen = seen;
    Json j = new Json().beginObject();
    j.field("t", Math.round((now - start) / 1e6) / 1e3).field("seen", seen).field("rate", Math.round(rate));
    if (view == null) {
      j.field("ready", false).name("events").beginArray().endArray();
      totals(j);
      return j.endObject().toString();
    }
    j.field("ready", true).field("segments", view.labels.length);
    j.name("events").beginArray();
    if (previous != null && previous.model != view.model) {
      events(j, previous, view);
    } else if (previous == null) {
      for (int label : view.labels) {
        births++;
        j.beginObject().field("type", "birth").field("label", label).endObject();
      }
    }
    j.endArray();
    j.name("labels").beginArray();
    for (int l : view.labels) {
      j.value(l);
    }
    j.endArray();
    j.name("sizes").values(view.sizes);
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
        .endObject();
  }

  private void events(Json j, ModelView before, ModelView after) {
    for (int label : after.labels) {
      if (before.slot(label) < 0) {
        births++;
        j.beginObject().field("type", "birth").field("label", label).endObject();
      }
    }
    for (int s = 0; s < before.labels.length; s++) {
      int label = before.labels[s];
      if (after.slot(label) >= 0) {
        continue;
      }
      firstCentre.remove(label);
      int into = nearestSurvivor(before, after, s);
      if (into >= 0) {
        double grew = weight(after, into) - weight(before, into);
        if (grew >= 0.5 * before.sizes[s]) {
          merges++;
          j.beginObject().field("type", "merge").field("label", label).field("into", into).endObject();
          continue;
        }
      }
      vanishings++;
      j.beginObject().field("type", "vanish").field("label", label).endObject();
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

package io.eddy;

import java.util.List;

/**
 * A change in the set of segments of a clusterer whose labels are stable segment ids (see
 * {@link Lineage}): a segment was born, vanished, several merged into one, or one split into
 * several. Events are derived when the clusterer reclusters and fixes its labels; all events of
 * one such reclustering share its {@link #sequence()} and {@link #time()}.
 *
 * <p>The labels are those the clusterer's snapshots use. Lineage is a directed graph from the
 * segments of the previous reclustering to those of this one: an edge joins an old segment and
 * a new one when most of the weight of either lies in their overlap (or when the new one keeps
 * the old one's label), and the events describe that graph:
 * <ul>
 *   <li>{@link Kind#BORN}: a new segment without an edge from any old one;
 *   <li>{@link Kind#VANISHED}: an old segment without an edge to any new one;
 *   <li>{@link Kind#MERGED}: a new segment with edges from two or more old ones; its label is
 *       usually that of the heaviest part, and the other old labels end there;
 *   <li>{@link Kind#SPLIT}: an old segment with edges to two or more new ones; the heaviest part
 *       usually keeps the old label, the others get fresh labels.
 * </ul>
 * A segment that continues unchanged produces no event. Immutable.
 *
 * @param kind what happened
 * @param sequence the number of the reclustering that changed the segments, counting from 1
 * @param time the clusterer's clock at that reclustering (ticks or event time)
 * @param from the old labels involved: empty for BORN, one for VANISHED and SPLIT, two or
 *     more (ascending) for MERGED
 * @param to the new labels involved: one for BORN and MERGED, none for VANISHED, two or more
 *     (ascending) for SPLIT
 */
public record SegmentEvent(Kind kind, long sequence, double time, List<Integer> from, List<Integer> to) {

  /** What happened to the segments. */
  public enum Kind {
    /** A segment appeared from nothing the previous clustering had. */
    BORN,
    /** A segment's points faded or became noise. */
    VANISHED,
    /** Two or more segments became one. */
    MERGED,
    /** One segment became two or more. */
    SPLIT
  }

  /**
   * Validates every field and copies the lists.
   *
   * @throws IllegalArgumentException if a field is null, the sequence is below 1, the time is
   *     not finite, a label is negative, or the numbers of labels do not fit the kind
   */
  public SegmentEvent {
    if (kind == null || from == null || to == null) {
      throw new IllegalArgumentException("kind, from and to must not be null");
    }
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence is " + sequence + ", expected at least 1");
    }
    if (!Double.isFinite(time)) {
      throw new IllegalArgumentException("time is " + time + ", expected a finite value");
    }
    from = List.copyOf(from);
    to = List.copyOf(to);
    boolean fits = switch (kind) {
      case BORN -> from.isEmpty() && to.size() == 1;
      case VANISHED -> from.size() == 1 && to.isEmpty();
      case MERGED -> from.size() >= 2 && to.size() == 1;
      case SPLIT -> from.size() == 1 && to.size() >= 2;
    };
    if (!fits) {
      throw new IllegalArgumentException(kind + " with " + from.size() + " old and " + to.size()
          + " new labels");
    }
    for (List<Integer> side : List.of(from, to)) {
      for (int label : side) {
        if (label < 0) {
          throw new IllegalArgumentException("label " + label + " is negative");
        }
      }
    }
  }

  /**
   * An event from arrays of labels, which are copied.
   *
   * @throws IllegalArgumentException as the canonical constructor, or if an array is null
   */
  public static SegmentEvent of(Kind kind, long sequence, double time, int[] from, int[] to) {
    if (from == null || to == null) {
      throw new IllegalArgumentException("from and to must not be null");
    }
    return new SegmentEvent(kind, sequence, time, boxed(from), boxed(to));
  }

  private static List<Integer> boxed(int[] labels) {
    Integer[] a = new Integer[labels.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = labels[i];
    }
    return List.of(a);
  }

  @Override
  public String toString() {
    String what = switch (kind) {
      case BORN -> "born " + to.get(0);
      case VANISHED -> "vanished " + from.get(0);
      case MERGED -> "merged " + join(from, " + ") + " -> " + to.get(0);
      case SPLIT -> "split " + from.get(0) + " -> " + join(to, " + ");
    };
    return what + " at " + time + " (#" + sequence + ")";
  }

  private static String join(List<Integer> labels, String sep) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < labels.size(); i++) {
      s.append(i == 0 ? "" : sep).append(labels.get(i));
    }
    return s.toString();
  }
}

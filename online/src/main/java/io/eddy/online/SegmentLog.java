package io.eddy.online;

import io.eddy.Lineage;
import io.eddy.SegmentEvent;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateInput;
import io.eddy.io.StateOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The latest {@link Lineage#CAPACITY} segment events, oldest first, in primitive ring buffers:
 * recording an event allocates nothing once the buffers have grown to the stream's needs, so a
 * clusterer whose segments churn still learns without allocating; {@link SegmentEvent} objects
 * are made only when read. The labels of the events kept lie in one circular int buffer, in
 * event order, which grows (doubling) only when the events kept need more room. Not
 * thread-safe.
 */
final class SegmentLog {

  private static final SegmentEvent.Kind[] KINDS = SegmentEvent.Kind.values();

  private final byte[] kind = new byte[Lineage.CAPACITY];
  private final long[] sequence = new long[Lineage.CAPACITY];
  private final double[] time = new double[Lineage.CAPACITY];
  /** Absolute position of the event's first label in the label stream, and its label counts. */
  private final long[] start = new long[Lineage.CAPACITY];
  private final int[] fromCount = new int[Lineage.CAPACITY];
  private final int[] toCount = new int[Lineage.CAPACITY];
  private int first;
  private int size;

  private int[] labels = new int[64];
  /** Absolute positions of the first label kept and one past the last. */
  private long labelHead;
  private long labelTail;

  /** Events appended since this object was made. */
  private long appended;

  /** The smallest reclustering number from which every event is kept. */
  private long firstKept = 1;

  /**
   * Appends an event whose old labels are {@code buf[0..from)} and new labels
   * {@code buf[from..from+to)}; drops the oldest events if the log is full.
   */
  void append(SegmentEvent.Kind k, long seq, double t, int[] buf, int from, int to) {
    if (size == Lineage.CAPACITY) {
      dropOldest();
    }
    int need = from + to;
    if (labelTail - labelHead + need > labels.length) {
      grow((int) (labelTail - labelHead) + need);
    }
    int slot = (first + size) % Lineage.CAPACITY;
    kind[slot] = (byte) k.ordinal();
    sequence[slot] = seq;
    time[slot] = t;
    start[slot] = labelTail;
    fromCount[slot] = from;
    toCount[slot] = to;
    for (int i = 0; i < need; i++) {
      labels[(int) ((labelTail + i) % labels.length)] = buf[i];
    }
    labelTail += need;
    size++;
    appended++;
  }

  /** How many events were ever appended to this log object (not persisted): a change counter. */
  long appended() {
    return appended;
  }

  private void dropOldest() {
    firstKept = sequence[first] + 1;
    labelHead += fromCount[first] + toCount[first];
    first = (first + 1) % Lineage.CAPACITY;
    size--;
  }

  private void grow(int needed) {
    int cap = labels.length;
    while (cap < needed) {
      cap *= 2;
    }
    int[] bigger = new int[cap];
    for (long p = labelHead; p < labelTail; p++) {
      bigger[(int) (p % cap)] = labels[(int) (p % labels.length)];
    }
    labels = bigger;
  }

  /** The events of reclusterings numbered after {@code after}, oldest first; immutable. */
  List<SegmentEvent> events(long after) {
    List<SegmentEvent> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int slot = (first + i) % Lineage.CAPACITY;
      if (sequence[slot] > after) {
        out.add(event(slot));
      }
    }
    return List.copyOf(out);
  }

  private SegmentEvent event(int slot) {
    int[] from = new int[fromCount[slot]];
    int[] to = new int[toCount[slot]];
    long p = start[slot];
    for (int i = 0; i < from.length; i++) {
      from[i] = labels[(int) (p++ % labels.length)];
    }
    for (int i = 0; i < to.length; i++) {
      to[i] = labels[(int) (p++ % labels.length)];
    }
    return SegmentEvent.of(KINDS[kind[slot]], sequence[slot], time[slot], from, to);
  }

  long firstKept() {
    return firstKept;
  }

  void write(StateOutput out) throws IOException {
    out.writeLong(firstKept);
    out.writeInt(size);
    for (int i = 0; i < size; i++) {
      int slot = (first + i) % Lineage.CAPACITY;
      out.writeInt(kind[slot]);
      out.writeLong(sequence[slot]);
      out.writeDouble(time[slot]);
      int[] ls = new int[fromCount[slot] + toCount[slot]];
      for (int j = 0; j < ls.length; j++) {
        ls[j] = labels[(int) ((start[slot] + j) % labels.length)];
      }
      out.writeInt(fromCount[slot]);
      out.writeInts(ls);
    }
  }

  /**
   * Reads what {@link #write} wrote, checking every event against the kind's rules, the
   * reclustering count {@code latest} and the labels handed out ({@code nextLabel}).
   */
  static SegmentLog read(StateInput in, long latest, int nextLabel) throws ModelFormatException {
    SegmentLog log = new SegmentLog();
    long firstKept = in.readLong();
    int count = in.readInt(0, Lineage.CAPACITY);
    if (firstKept < 1 || firstKept > latest + 1) {
      throw new ModelFormatException("invalid lineage: first kept " + firstKept + " after " + latest
          + " reclusterings");
    }
    log.firstKept = firstKept;
    long last = firstKept;
    for (int i = 0; i < count; i++) {
      int k = in.readInt(0, KINDS.length - 1);
      long seq = in.readLong();
      double t = in.readDouble();
      int from = in.readInt(0, Integer.MAX_VALUE);
      int[] ls = in.readInts();
      if (seq < last || seq > latest || from > ls.length) {
        throw new ModelFormatException("invalid event " + i + ": sequence " + seq + " (expected in ["
            + last + ", " + latest + "]), " + from + " old of " + ls.length + " labels");
      }
      for (int label : ls) {
        if (label < 0 || label >= nextLabel) {
          throw new ModelFormatException("event label " + label + " is not in [0, " + nextLabel + ")");
        }
      }
      last = seq;
      log.append(KINDS[k], seq, t, ls, from, ls.length - from);
      try {
        log.event((log.first + log.size - 1) % Lineage.CAPACITY);
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException("invalid event " + i + ": " + e.getMessage(), e);
      }
    }
    log.firstKept = firstKept;
    return log;
  }

  @Override
  public String toString() {
    return "SegmentLog" + Arrays.toString(events(0).toArray());
  }
}

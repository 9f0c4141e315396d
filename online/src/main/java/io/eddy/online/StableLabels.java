package io.eddy.online;

import io.eddy.Lineage;
import io.eddy.SegmentEvent;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateInput;
import io.eddy.io.StateOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Gives macro clusters labels that stay the same from one reclustering to the next.
 *
 * <p>It remembers, as a reference, which micro-cluster carried which label at the last
 * checkpoint. A new clustering is matched against it: every (component, old label) pair scores
 * the weight of the component's micro-clusters that carried that label, and pairs are taken
 * greedily by decreasing score, each component and each old label at most once. So a cluster
 * that continues keeps its label, a merge keeps the label of the heavier part, a split leaves
 * it to the heavier part, and every component left without a match gets a fresh label. Fresh
 * labels come from a counter that only ever grows, so a label that vanished is never reused.
 *
 * <p>{@link #assign} is pure, so snapshots between checkpoints do not change the learning
 * state; {@link #commit} makes a clustering the new reference. Both work in grow-only scratch
 * space and allocate nothing once it is large enough. Not thread-safe.
 *
 * <p><b>Lineage.</b> Each commit is a numbered reclustering and records the {@link SegmentEvent}s
 * that lead from the reference to the new clustering. The overlap of an old label L and a new
 * component c is the current weight of the members that carried L and now lie in c. An edge
 * joins them when c keeps L's label, or the overlap is at least half of L's current weight (the
 * members that carried L, noise now included), or at least half of c's: "most of one of them".
 * A half keeps a member drifting from one cluster to its neighbour from counting as a merge,
 * while a cluster that splits in two, or is swallowed whole by a larger one, is seen from the
 * side that is mostly made of the other. Events follow {@link SegmentEvent}; in one
 * reclustering they come by kind (born, vanished, merged, split) and then by label. The latest
 * {@link Lineage#CAPACITY} are kept, in a {@link SegmentLog}.
 *
 * <p><b>Persistence.</b> The section begins with a layout tag: a non-negative first int is the
 * original layout (it is the next label, and no lineage follows), {@link #LINEAGE_LAYOUT} the
 * layout with the lineage. So the codecs that embed this section read their older payloads
 * without a version change of their own.
 */
final class StableLabels {

  /** The tag of the layout with lineage; never a valid next label. */
  static final int LINEAGE_LAYOUT = -2;

  /** The event kinds by ordinal, read once: {@code values()} copies its array at every call. */
  private static final SegmentEvent.Kind[] KINDS = SegmentEvent.Kind.values();

  /** The share of an old or a new cluster's weight that makes an overlap a lineage edge. */
  private static final double MOST = 0.5;

  private long[] refIds = new long[0];
  private int[] refLabels = new int[0];
  private int refCount;
  private int nextLabel;

  private long[] keys = new long[0];
  private double[] scores = new double[0];
  /** Scratch of {@link #sumByKey}: an open-addressing table of key positions plus one. */
  private int[] slots = new int[0];
  /** Scratch of {@link #derive}: an open-addressing table of old labels plus one, and their indices. */
  private int[] labelSlots = new int[0];
  private int[] labelIndex = new int[0];
  private int labelMask;
  /** Open-addressing set of the labels matched in {@link #assign}; 0 is an empty slot. */
  private int[] taken = new int[0];

  /** The number of the latest commit, and the events kept. */
  private long sequence;
  private SegmentLog log = new SegmentLog();

  /** Scratch of the lineage: old labels (sorted), their weights, new clusters' weights, degrees. */
  private int[] oldLabels = new int[0];
  private double[] oldMass = new double[0];
  private int[] children = new int[0];
  private double[] newMass = new double[0];
  private int[] parents = new int[0];
  /** The labels of the event being recorded, and merged components in label order. */
  private int[] buf = new int[0];
  private int[] order = new int[0];

  /**
   * Writes the label of every component into {@code out}.
   *
   * @param ids micro-cluster ids, one per member, strictly increasing
   * @param weights the current weight of every member
   * @param component the component of every member, or -1 for none; components must be
   *     numbered in the order of their smallest member id, so fresh labels follow that order
   * @param n the number of members
   * @param components the number of components
   * @param out at least {@code components} long; modified
   */
  void assign(long[] ids, double[] weights, int[] component, int n, int components, int[] out) {
    if (keys.length < n) {
      keys = new long[Math.max(n, 2 * keys.length)];
      scores = new double[keys.length];
    }
    int count = 0;
    int from = 0;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      int c = component[i];
      if (c < 0) {
        continue;
      }
      long id = ids[i];
      int at = id > last ? seek(id, from) : Arrays.binarySearch(refIds, 0, refCount, id);
      last = id;
      from = at >= 0 ? at + 1 : -at - 1;
      if (at >= 0) {
        keys[count] = ((long) c << 32) | refLabels[at];
        scores[count] = weights[i];
        count++;
      }
    }
    int unique = sumByKey(count);
    sort(keys, scores, unique, true);
    Arrays.fill(out, 0, components, -1);
    int mask = clearTaken(components);
    for (int i = 0; i < unique; i++) {
      int c = (int) (keys[i] >>> 32);
      int label = (int) keys[i];
      if (out[c] < 0 && take(label, mask)) {
        out[c] = label;
      }
    }
    int next = nextLabel;
    for (int c = 0; c < components; c++) {
      if (out[c] < 0) {
        if (next < 0) {
          throw new IllegalStateException("more than 2^31 cluster labels were handed out");
        }
        out[c] = next++;
      }
    }
  }

  /**
   * Sums the scores of equal keys among the first {@code count} (key, score) pairs, each sum
   * in the order the pairs came, so each sum is the same whichever other pairs are present:
   * D-Stream relabels only the clusters that changed and must get the sums a relabelling of
   * all of them gets. Leaves the distinct keys first, sorted, with their sums, and returns
   * their number. The pairs are gathered by a hash table and only the distinct keys sorted
   * (a few dozen for hundreds of pairs: most members of a component carried one label).
   */
  private int sumByKey(int count) {
    int mask = clearSlots(count);
    int unique = 0;
    for (int i = 0; i < count; i++) {
      long key = keys[i];
      // mixes all 64 bits: component and label are often equal, so their xor would not
      long h = key * 0x9E3779B97F4A7C15L;
      int s = (int) (h ^ h >>> 32) & mask;
      while (slots[s] != 0 && keys[slots[s] - 1] != key) {
        s = (s + 1) & mask;
      }
      if (slots[s] == 0) {
        // a new key: written at or below i, whose pair has been read
        slots[s] = unique + 1;
        keys[unique] = key;
        scores[unique++] = scores[i];
      } else {
        scores[slots[s] - 1] += scores[i];
      }
    }
    sort(keys, scores, unique, false);
    return unique;
  }

  /** Empties {@link #slots} for {@code count} keys at most half full and returns its mask. */
  private int clearSlots(int count) {
    int size = tableSize(count);
    slots = emptied(slots, size);
    return size - 1;
  }

  /** The length of an open-addressing table for n keys at most half full: a power of two. */
  private static int tableSize(int n) {
    return Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
  }

  /** {@code table} with its first {@code size} slots emptied, or a new one if it is shorter. */
  private static int[] emptied(int[] table, int size) {
    if (table.length < size) {
      return new int[size];
    }
    Arrays.fill(table, 0, size, 0);
    return table;
  }

  /**
   * The position of {@code id} in {@code refIds[0..refCount)} as {@link Arrays#binarySearch}
   * answers, knowing that every id before {@code from} is smaller: a galloping search from
   * there. The members come in id order, so one pass of searches costs O(n log(r/n)) rather
   * than O(n log r).
   */
  private int seek(long id, int from) {
    int lo = from;
    int step = 1;
    while (step <= refCount - lo && refIds[lo + step - 1] < id) {
      lo += step;
      step <<= 1;
    }
    return Arrays.binarySearch(refIds, lo, lo + Math.min(step, refCount - lo), id);
  }

  /**
   * Empties the set of labels taken in this assignment, sized for {@code components} of them
   * at most half full, and returns its mask. A set rather than a scan of {@code out}: with one
   * component per grid (D-Stream in high dimension) the scan made assign quadratic.
   */
  private int clearTaken(int components) {
    int size = tableSize(components);
    taken = emptied(taken, size);
    return size - 1;
  }

  /** Adds a label to the taken set; false if it was there already. Slots hold label + 1. */
  private boolean take(int label, int mask) {
    int h = label * 0x9E3779B9;
    for (int s = (h ^ h >>> 16) & mask; ; s = (s + 1) & mask) {
      if (taken[s] == 0) {
        taken[s] = label + 1;
        return true;
      }
      if (taken[s] == label + 1) {
        return false;
      }
    }
  }

  /**
   * Shell sort of parallel arrays: by key ascending, or with {@code byScore} by score
   * descending and then key ascending. In place, so nothing is allocated.
   */
  private static void sort(long[] k, double[] s, int n, boolean byScore) {
    for (int gap = n / 2; gap > 0; gap = gap == 2 ? 1 : (int) (gap / 2.2)) {
      for (int i = gap; i < n; i++) {
        long key = k[i];
        double score = s[i];
        int j = i;
        while (j >= gap && before(key, score, k[j - gap], s[j - gap], byScore)) {
          k[j] = k[j - gap];
          s[j] = s[j - gap];
          j -= gap;
        }
        k[j] = key;
        s[j] = score;
      }
    }
  }

  private static boolean before(long k1, double s1, long k2, double s2, boolean byScore) {
    if (byScore && s1 != s2) {
      return s1 > s2;
    }
    return k1 < k2;
  }

  /**
   * Makes a clustering labelled by {@link #assign} the reference for the next matching, and
   * records the lineage events from the previous reference to it; arguments as for
   * {@link #assign}.
   *
   * @param time the clock at this reclustering, stamped on its events
   */
  void commit(long[] ids, double[] weights, int[] component, int n, int components, int[] labels,
      double time) {
    // Only a reclustering that changes the segments is numbered: one that finds them as they
    // were (a clusterer may recluster more or less often, for example after a restore, and its
    // numbering must not depend on that) leaves the sequence where it was.
    sequence++;
    long before = log.appended();
    derive(ids, weights, component, n, components, labels, time);
    if (log.appended() == before) {
      sequence--;
    }
    if (refIds.length < n) {
      int cap = Math.max(n, 2 * refIds.length);
      refIds = new long[cap];
      refLabels = new int[cap];
    }
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (component[i] >= 0) {
        refIds[count] = ids[i];
        refLabels[count] = labels[component[i]];
        count++;
      }
    }
    refCount = count;
    for (int c = 0; c < components; c++) {
      if (labels[c] >= nextLabel) {
        nextLabel = labels[c] + 1;
      }
    }
  }

  /**
   * Records the events from the reference (not yet replaced) to the clustering being
   * committed.
   */
  private void derive(long[] ids, double[] weights, int[] component, int n, int components,
      int[] labels, double time) {
    // The old labels, sorted and distinct.
    if (oldLabels.length < refCount) {
      oldLabels = new int[Math.max(refCount, 2 * oldLabels.length)];
      oldMass = new double[oldLabels.length];
      children = new int[oldLabels.length];
    }
    int old = distinctOldLabels();
    if (newMass.length < components) {
      newMass = new double[Math.max(components, 2 * newMass.length)];
      parents = new int[newMass.length];
    }
    if (keys.length < n) {
      keys = new long[Math.max(n, 2 * keys.length)];
      scores = new double[keys.length];
    }
    Arrays.fill(oldMass, 0, old, 0.0);
    Arrays.fill(children, 0, old, 0);
    Arrays.fill(newMass, 0, components, 0.0);
    Arrays.fill(parents, 0, components, 0);
    // Overlaps as (component, old label index) pairs, summed after sorting by key.
    int count = 0;
    int next = 0;
    long last = Long.MIN_VALUE;
    int mask = labelMask;
    for (int i = 0; i < n; i++) {
      int c = component[i];
      if (c >= 0) {
        newMass[c] += weights[i];
      }
      long id = ids[i];
      int at = id > last ? seek(id, next) : Arrays.binarySearch(refIds, 0, refCount, id);
      last = id;
      next = at >= 0 ? at + 1 : -at - 1;
      if (at < 0) {
        continue;
      }
      int k = labelIndex[labelSlot(refLabels[at], mask)];
      oldMass[k] += weights[i];
      if (c >= 0) {
        keys[count] = ((long) c << 32) | k;
        scores[count] = weights[i];
        count++;
      }
    }
    int unique = sumByKey(count);
    // Keep only the edges; count each end's degree.
    int edges = 0;
    for (int i = 0; i < unique; i++) {
      int c = (int) (keys[i] >>> 32);
      int k = (int) keys[i];
      double w = scores[i];
      if (labels[c] == oldLabels[k] || w >= MOST * oldMass[k] || w >= MOST * newMass[c]) {
        keys[edges++] = keys[i];
        parents[c]++;
        children[k]++;
      }
    }
    if (buf.length < Math.max(old, components) + 1) {
      buf = new int[Math.max(old, components) + 1];
      order = new int[buf.length];
    }
    // Fresh labels follow component order, so births come in label order.
    for (int c = 0; c < components; c++) {
      if (parents[c] == 0) {
        buf[0] = labels[c];
        log.append(SegmentEvent.Kind.BORN, sequence, time, buf, 0, 1);
      }
    }
    for (int k = 0; k < old; k++) {
      if (children[k] == 0) {
        buf[0] = oldLabels[k];
        log.append(SegmentEvent.Kind.VANISHED, sequence, time, buf, 1, 0);
      }
    }
    int merged = 0;
    for (int c = 0; c < components; c++) {
      if (parents[c] >= 2) {
        order[merged++] = c;
      }
    }
    sortByLabel(order, merged, labels);
    for (int m = 0; m < merged; m++) {
      int c = order[m];
      int from = 0;
      // Edges are sorted by component and then old label, so the parents come ascending.
      for (int e = 0; e < edges; e++) {
        if ((int) (keys[e] >>> 32) == c) {
          buf[from++] = oldLabels[(int) keys[e]];
        }
      }
      buf[from] = labels[c];
      log.append(SegmentEvent.Kind.MERGED, sequence, time, buf, from, 1);
    }
    for (int k = 0; k < old; k++) {
      if (children[k] >= 2) {
        buf[0] = oldLabels[k];
        int to = 0;
        for (int e = 0; e < edges; e++) {
          if ((int) keys[e] == k) {
            order[to++] = labels[(int) (keys[e] >>> 32)];
          }
        }
        sortByLabel(order, to, null);
        System.arraycopy(order, 0, buf, 1, to);
        log.append(SegmentEvent.Kind.SPLIT, sequence, time, buf, 1, to);
      }
    }
  }

  /**
   * Writes the distinct labels of the reference into {@code oldLabels}, sorted, and maps each
   * to its index there through {@link #labelSlots} and {@link #labelIndex}: hundreds of
   * members carry a few dozen labels, so only the distinct ones are sorted.
   *
   * @return the number of distinct labels
   */
  private int distinctOldLabels() {
    int size = tableSize(refCount);
    labelSlots = emptied(labelSlots, size);
    if (labelIndex.length < size) {
      labelIndex = new int[size];
    }
    int mask = size - 1;
    labelMask = mask;
    int old = 0;
    for (int i = 0; i < refCount; i++) {
      int s = labelSlot(refLabels[i], mask);
      if (labelSlots[s] == 0) {
        labelSlots[s] = refLabels[i] + 1;
        oldLabels[old++] = refLabels[i];
      }
    }
    shellSort(oldLabels, old);
    for (int k = 0; k < old; k++) {
      labelIndex[labelSlot(oldLabels[k], mask)] = k;
    }
    return old;
  }

  /** The slot of {@code label} in {@link #labelSlots}, or the empty slot where it would go. */
  private int labelSlot(int label, int mask) {
    int h = label * 0x9E3779B9;
    int s = (h ^ h >>> 16) & mask;
    while (labelSlots[s] != 0 && labelSlots[s] != label + 1) {
      s = (s + 1) & mask;
    }
    return s;
  }

  /** Shell sort of a[0..n), ascending: in place, where {@code Arrays.sort} may allocate. */
  private static void shellSort(int[] a, int n) {
    for (int gap = n / 2; gap > 0; gap = gap == 2 ? 1 : (int) (gap / 2.2)) {
      for (int i = gap; i < n; i++) {
        int v = a[i];
        int j = i;
        while (j >= gap && a[j - gap] > v) {
          a[j] = a[j - gap];
          j -= gap;
        }
        a[j] = v;
      }
    }
  }

  /** Insertion sort of a[0..n) by label: of the component when {@code labels} is given, else of itself. */
  private static void sortByLabel(int[] a, int n, int[] labels) {
    for (int i = 1; i < n; i++) {
      int v = a[i];
      int key = labels == null ? v : labels[v];
      int j = i;
      while (j > 0 && (labels == null ? a[j - 1] : labels[a[j - 1]]) > key) {
        a[j] = a[j - 1];
        j--;
      }
      a[j] = v;
    }
  }

  /**
   * Replaces the reference by the given members and labels ({@code ids} strictly increasing),
   * copied. D-Stream matches a clustering in parts: it hands in, before {@link #assign}, the
   * reference restricted to the labels of the clusters that changed, and the whole reference
   * again before it is saved or matched whole. Allocates only to grow.
   */
  void reference(long[] ids, int[] labels, int n) {
    if (refIds.length < n) {
      int cap = Math.max(n, 2 * refIds.length);
      refIds = new long[cap];
      refLabels = new int[cap];
    }
    System.arraycopy(ids, 0, refIds, 0, n);
    System.arraycopy(labels, 0, refLabels, 0, n);
    refCount = n;
  }

  /**
   * Records a reclustering whose events the caller decided, as {@link #commit} would record
   * them, and hands out {@code fresh} labels (the next ones); the reference is not touched (the
   * caller hands in the whole one before it is used again). D-Stream decides the events itself
   * when its clusters are born, vanish, join whole or split in parts it has searched, so that it
   * need not hand in the members of the large clusters these touch.
   *
   * @param events the events in {@link #commit}'s order (by kind: born, vanished, merged,
   *     split; then by label), each as its kind's ordinal, the number p of labels it comes from,
   *     the number c of labels it leads to, then those p and c labels, each list ascending
   * @param length the number of ints of {@code events} used; 0 (and no fresh label) records
   *     nothing
   */
  void record(int fresh, int[] events, int length, double time) {
    if (length == 0) {
      return;
    }
    if (nextLabel + fresh < 0) {
      throw new IllegalStateException("more than 2^31 cluster labels were handed out");
    }
    sequence++;
    for (int at = 0; at < length; ) {
      int from = events[at + 1];
      int to = events[at + 2];
      if (buf.length < from + to) {
        buf = new int[2 * (from + to)];
        order = new int[buf.length];
      }
      System.arraycopy(events, at + 3, buf, 0, from + to);
      log.append(KINDS[events[at]], sequence, time, buf, from, to);
      at += 3 + from + to;
    }
    nextLabel += fresh;
  }

  /** The events of commits numbered after {@code after}, oldest first; immutable. */
  List<SegmentEvent> events(long after) {
    return log.events(after);
  }

  /** The number of the latest commit; 0 before the first. */
  long sequence() {
    return sequence;
  }

  /** The smallest commit number from which every event is kept. */
  long firstKept() {
    return log.firstKept();
  }

  /** The next fresh label. */
  int nextLabel() {
    return nextLabel;
  }

  /**
   * A copy with the same labels and no lineage, as a state saved before lineage existed reads:
   * lets tests compare learning states written by code of either age.
   */
  StableLabels withoutLineage() {
    StableLabels s = new StableLabels();
    s.nextLabel = nextLabel;
    s.refIds = Arrays.copyOf(refIds, refCount);
    s.refLabels = Arrays.copyOf(refLabels, refCount);
    s.refCount = refCount;
    return s;
  }

  void write(StateOutput out) throws IOException {
    out.writeInt(LINEAGE_LAYOUT);
    out.writeInt(nextLabel);
    out.writeLongs(Arrays.copyOf(refIds, refCount));
    out.writeInts(Arrays.copyOf(refLabels, refCount));
    out.writeLong(sequence);
    log.write(out);
  }

  static StableLabels read(StateInput in) throws ModelFormatException {
    StableLabels s = new StableLabels();
    int tag = in.readInt();
    boolean lineage = tag == LINEAGE_LAYOUT;
    if (tag < 0 && !lineage) {
      throw new ModelFormatException("unknown label section layout " + tag);
    }
    s.nextLabel = lineage ? in.readInt(0, Integer.MAX_VALUE) : tag;
    long[] ids = in.readLongs();
    int[] labels = in.readInts();
    if (ids.length != labels.length) {
      throw new ModelFormatException("label reference has " + ids.length + " ids and "
          + labels.length + " labels");
    }
    for (int i = 0; i < ids.length; i++) {
      if (i > 0 && ids[i] <= ids[i - 1]) {
        throw new ModelFormatException("label reference ids are not increasing");
      }
      if (labels[i] < 0 || labels[i] >= s.nextLabel) {
        throw new ModelFormatException("label " + labels[i] + " is not in [0, " + s.nextLabel + ")");
      }
    }
    s.refIds = ids;
    s.refLabels = labels;
    s.refCount = ids.length;
    if (lineage) {
      s.readLineage(in);
    }
    return s;
  }

  private void readLineage(StateInput in) throws ModelFormatException {
    sequence = in.readLong();
    if (sequence < 0) {
      throw new ModelFormatException("invalid lineage: " + sequence + " reclusterings");
    }
    log = SegmentLog.read(in, sequence, nextLabel);
  }
}

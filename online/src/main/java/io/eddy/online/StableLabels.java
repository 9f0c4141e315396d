package io.eddy.online;

import io.eddy.io.ModelFormatException;
import io.eddy.io.StateInput;
import io.eddy.io.StateOutput;
import java.io.IOException;
import java.util.Arrays;

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
 */
final class StableLabels {

  private long[] refIds = new long[0];
  private int[] refLabels = new int[0];
  private int refCount;
  private int nextLabel;

  private long[] keys = new long[0];
  private double[] scores = new double[0];
  /** Open-addressing set of the labels matched in {@link #assign}; 0 is an empty slot. */
  private int[] taken = new int[0];

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
    for (int i = 0; i < n; i++) {
      int c = component[i];
      if (c < 0) {
        continue;
      }
      int at = Arrays.binarySearch(refIds, 0, refCount, ids[i]);
      if (at >= 0) {
        keys[count] = ((long) c << 32) | refLabels[at];
        scores[count] = weights[i];
        count++;
      }
    }
    sort(keys, scores, count, false);
    int unique = 0;
    for (int i = 0; i < count; i++) {
      if (unique > 0 && keys[unique - 1] == keys[i]) {
        scores[unique - 1] += scores[i];
      } else {
        keys[unique] = keys[i];
        scores[unique] = scores[i];
        unique++;
      }
    }
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
   * Empties the set of labels taken in this assignment, sized for {@code components} of them
   * at most half full, and returns its mask. A set rather than a scan of {@code out}: with one
   * component per grid (D-Stream in high dimension) the scan made assign quadratic.
   */
  private int clearTaken(int components) {
    int size = Integer.highestOneBit(Math.max(4, components) * 2 - 1) << 1;
    if (taken.length < size) {
      taken = new int[size];
    } else {
      Arrays.fill(taken, 0, size, 0);
    }
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
   * Makes a clustering labelled by {@link #assign} the reference for the next matching;
   * arguments as for {@link #assign}.
   */
  void commit(long[] ids, int[] component, int n, int components, int[] labels) {
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

  /** The next fresh label. */
  int nextLabel() {
    return nextLabel;
  }

  void write(StateOutput out) throws IOException {
    out.writeInt(nextLabel);
    out.writeLongs(Arrays.copyOf(refIds, refCount));
    out.writeInts(Arrays.copyOf(refLabels, refCount));
  }

  static StableLabels read(StateInput in) throws ModelFormatException {
    StableLabels s = new StableLabels();
    s.nextLabel = in.readInt(0, Integer.MAX_VALUE);
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
    return s;
  }
}

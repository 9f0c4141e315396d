package io.eddy.online;

import io.eddy.io.ModelFormatException;
import io.eddy.io.StateInput;
import io.eddy.io.StateOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * state; {@link #commit} makes a clustering the new reference. Not thread-safe.
 */
final class StableLabels {

  private long[] refIds = new long[0];
  private int[] refLabels = new int[0];
  private int nextLabel;

  /**
   * The label of every component.
   *
   * @param ids micro-cluster ids, one per member; distinct
   * @param weights the current weight of every member
   * @param component the component of every member, or -1 for none
   * @param n the number of members
   * @param components the number of components
   * @return the label of each component; fresh labels follow the order of each component's
   *     smallest micro-cluster id
   */
  int[] assign(long[] ids, double[] weights, int[] component, int n, int components) {
    int[] labels = new int[components];
    Arrays.fill(labels, -1);
    if (components == 0) {
      return labels;
    }
    long[] minId = new long[components];
    Arrays.fill(minId, Long.MAX_VALUE);
    Map<Long, double[]> overlap = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int c = component[i];
      if (c < 0) {
        continue;
      }
      minId[c] = Math.min(minId[c], ids[i]);
      int at = Arrays.binarySearch(refIds, ids[i]);
      if (at >= 0) {
        long key = ((long) c << 32) | (refLabels[at] & 0xffffffffL);
        overlap.computeIfAbsent(key, k -> new double[1])[0] += weights[i];
      }
    }
    List<Map.Entry<Long, double[]>> pairs = new ArrayList<>(overlap.entrySet());
    pairs.sort((x, y) -> {
      int byWeight = Double.compare(y.getValue()[0], x.getValue()[0]);
      return byWeight != 0 ? byWeight : Long.compare(x.getKey(), y.getKey());
    });
    Map<Integer, Boolean> taken = new HashMap<>();
    for (Map.Entry<Long, double[]> p : pairs) {
      int c = (int) (p.getKey() >>> 32);
      int label = (int) (long) p.getKey();
      if (labels[c] < 0 && !taken.containsKey(label)) {
        labels[c] = label;
        taken.put(label, Boolean.TRUE);
      }
    }
    Integer[] fresh = new Integer[components];
    int f = 0;
    for (int c = 0; c < components; c++) {
      if (labels[c] < 0) {
        fresh[f++] = c;
      }
    }
    Arrays.sort(fresh, 0, f, (x, y) -> Long.compare(minId[x], minId[y]));
    for (int i = 0; i < f; i++) {
      if (nextLabel + i < 0) {
        throw new IllegalStateException("more than 2^31 cluster labels were handed out");
      }
      labels[fresh[i]] = nextLabel + i;
    }
    return labels;
  }

  /** Makes a clustering labelled by {@link #assign} the reference for the next matching. */
  void commit(long[] ids, int[] component, int n, int[] labels) {
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (component[i] >= 0) {
        count++;
      }
    }
    long[] newIds = new long[count];
    int[] newLabels = new int[count];
    Integer[] order = new Integer[count];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (component[i] >= 0) {
        order[k++] = i;
      }
    }
    Arrays.sort(order, (x, y) -> Long.compare(ids[x], ids[y]));
    int max = nextLabel - 1;
    for (int i = 0; i < count; i++) {
      newIds[i] = ids[order[i]];
      newLabels[i] = labels[component[order[i]]];
      max = Math.max(max, newLabels[i]);
    }
    for (int label : labels) {
      max = Math.max(max, label);
    }
    refIds = newIds;
    refLabels = newLabels;
    nextLabel = max + 1;
  }

  /** The next fresh label. */
  int nextLabel() {
    return nextLabel;
  }

  void write(StateOutput out) throws IOException {
    out.writeInt(nextLabel);
    out.writeLongs(refIds);
    out.writeInts(refLabels);
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
    return s;
  }
}

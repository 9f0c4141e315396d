package io.eddy.online;

import io.eddy.io.ModelFormatException;
import io.eddy.io.StateInput;
import io.eddy.io.StateOutput;
import io.eddy.math.Euclid;
import java.io.IOException;
import java.util.Arrays;

/**
 * The CF tree of {@link Birch}: nodes of at most B entries, each entry a cluster feature
 * (n, LS, SSD) with its centroid, internal entries summarising the subtree below them, leaf
 * entries being the subclusters. Everything lives in flat arrays indexed by entry and node
 * ids, recycled through free lists, so that inserting allocates nothing once the arrays have
 * grown to the tree's size.
 *
 * <p>Each entry keeps n (the weight), LS (the linear sum), SSD = Σ‖x − c‖² (the centred
 * second moment) and c, the centroid. SSD is combined with the parallel-axis rule
 * {@code SSD_ab = SSD_a + SSD_b + n_a·n_b/(n_a+n_b)·‖c_a − c_b‖²}, which keeps the radius
 * {@code sqrt(SSD/n)} accurate far from the origin (see {@link Birch} for why this departs from
 * scikit-learn's {@code SS/n − ‖c‖²}). The centroid follows scikit-learn's arithmetic: a leaf
 * merge sets {@code c = (1/n)·LS}, an internal update and a split {@code c = LS/n}.
 *
 * <p>Node slots hold B + 1 entries: as in scikit-learn a node first takes the extra entry and
 * is then split. Leaves form a doubly linked list whose order, not the tree's, is the order of
 * the subclusters (a split puts its two halves where the old leaf was).
 *
 * <p>Package-private; not thread-safe.
 */
final class BirchTree {

  static final int NONE = -1;

  final int d;
  final int b;
  final int slotsPerNode;
  double threshold;

  // entries
  double[] n;
  double[] ls;
  double[] ssd;
  double[] cen;
  int[] child;
  private int[] freeEntries;
  private int freeEntryCount;
  private int entryCapacity;

  // nodes
  boolean[] leaf;
  int[] size;
  int[] slots;
  int[] prev;
  int[] next;
  private int[] freeNodes;
  private int freeNodeCount;
  private int nodeCapacity;

  int root;
  /** The first leaf of the leaf list. */
  int head;
  /** The number of leaf entries (subclusters). */
  int subclusters;

  // the cluster feature being inserted
  private double xn;
  private final double[] xls;
  private final double[] xcen;
  private double xssd;

  // split scratch
  private final int[] side1;
  private final int[] side2;

  BirchTree(int d, int b, double threshold) {
    this.d = d;
    this.b = b;
    this.slotsPerNode = b + 1;
    this.threshold = threshold;
    this.xls = new double[d];
    this.xcen = new double[d];
    this.side1 = new int[b + 1];
    this.side2 = new int[b + 1];
    growEntries(16);
    growNodes(4);
    clear();
  }

  /** Frees every entry and node and starts again from one empty leaf. */
  void clear() {
    freeEntryCount = 0;
    for (int e = entryCapacity - 1; e >= 0; e--) {
      freeEntries[freeEntryCount++] = e;
    }
    freeNodeCount = 0;
    for (int v = nodeCapacity - 1; v >= 0; v--) {
      freeNodes[freeNodeCount++] = v;
    }
    root = newNode(true);
    head = root;
    subclusters = 0;
  }

  // ---- insertion ----

  /** Inserts one point of weight 1 (a new subcluster's CF: n = 1, LS = c = x, SSD = 0). */
  void insertPoint(double[] x) {
    xn = 1.0;
    System.arraycopy(x, 0, xls, 0, d);
    System.arraycopy(x, 0, xcen, 0, d);
    xssd = 0.0;
    insertScratch();
  }

  /** Inserts a cluster feature read from flat arrays at row {@code row}. */
  void insertFeature(double weight, double[] lsRows, double[] cenRows, int row, double sumSquares) {
    xn = weight;
    System.arraycopy(lsRows, row * d, xls, 0, d);
    System.arraycopy(cenRows, row * d, xcen, 0, d);
    xssd = sumSquares;
    insertScratch();
  }

  private void insertScratch() {
    if (insert(root)) {
      int oldRoot = root;
      int newRoot = newNode(false);
      int e2 = split(oldRoot);
      int e1 = newEntry();
      summarise(oldRoot, e1);
      append(newRoot, e1);
      append(newRoot, e2);
      root = newRoot;
    }
  }

  /** scikit-learn's {@code insert_cf_subcluster}: true when node v now has B + 1 entries. */
  private boolean insert(int v) {
    int m = size[v];
    if (m == 0) {
      append(v, entryFromScratch());
      return false;
    }
    int base = v * slotsPerNode;
    int best = 0;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int i = 0; i < m; i++) {
      double dist = Euclid.squaredDistance(cen, slots[base + i] * d, xcen, 0, d);
      if (dist < bestDist) {
        bestDist = dist;
        best = i;
      }
    }
    int e = slots[base + best];
    int c = child[e];
    if (c != NONE) {
      if (!insert(c)) {
        absorb(e, bestDist);
        return false;
      }
      int e2 = split(c);
      summarise(c, e);
      append(v, e2);
      return size[v] > b;
    }
    if (tryMerge(e, bestDist)) {
      return false;
    }
    append(v, entryFromScratch());
    return size[v] > b;
  }

  /** Adds the scratch CF to internal entry e: {@code c = LS/n} as scikit-learn's update. */
  private void absorb(int e, double squaredGap) {
    double na = n[e];
    double total = na + xn;
    ssd[e] = ssd[e] + xssd + na * xn / total * squaredGap;
    n[e] = total;
    int o = e * d;
    for (int j = 0; j < d; j++) {
      double s = ls[o + j] + xls[j];
      ls[o + j] = s;
      cen[o + j] = s / total;
    }
  }

  /**
   * scikit-learn's {@code merge_subcluster}: merges the scratch CF into leaf entry e if the
   * merged radius is within the threshold; {@code c = (1/n)·LS} as scikit-learn computes it.
   */
  private boolean tryMerge(int e, double squaredGap) {
    double na = n[e];
    double total = na + xn;
    double merged = ssd[e] + xssd + na * xn / total * squaredGap;
    if (!(merged / total <= threshold * threshold)) {
      return false;
    }
    ssd[e] = merged;
    n[e] = total;
    double inv = 1.0 / total;
    int o = e * d;
    for (int j = 0; j < d; j++) {
      double s = ls[o + j] + xls[j];
      ls[o + j] = s;
      cen[o + j] = inv * s;
    }
    return true;
  }

  private int entryFromScratch() {
    int e = newEntry();
    n[e] = xn;
    ssd[e] = xssd;
    System.arraycopy(xls, 0, ls, e * d, d);
    System.arraycopy(xcen, 0, cen, e * d, d);
    child[e] = NONE;
    subclusters++;
    return e;
  }

  /**
   * scikit-learn's {@code _split_node}: the farthest pair of entries (first in row-major
   * order; the pair (0, 0) when all coincide) seeds two nodes, every other entry joins the
   * strictly nearer seed (ties to the second). Node v keeps the first half, in its old place
   * in the leaf list; the second half goes to a new node right after it.
   *
   * @return a new entry pointing to the second node, with its CF
   */
  private int split(int v) {
    int m = size[v];
    int base = v * slotsPerNode;
    int f1 = 0;
    int f2 = 0;
    double far = 0.0;
    for (int i = 0; i < m; i++) {
      int oi = slots[base + i] * d;
      for (int j = i + 1; j < m; j++) {
        double dist = Euclid.squaredDistance(cen, oi, cen, slots[base + j] * d, d);
        if (dist > far) {
          far = dist;
          f1 = i;
          f2 = j;
        }
      }
    }
    int o1 = slots[base + f1] * d;
    int o2 = slots[base + f2] * d;
    int count1 = 0;
    int count2 = 0;
    for (int i = 0; i < m; i++) {
      int e = slots[base + i];
      boolean first = i == f1;
      if (!first && i != f2) {
        first = Euclid.squaredDistance(cen, e * d, cen, o1, d) < Euclid.squaredDistance(cen, e * d, cen, o2, d);
      }
      if (first) {
        side1[count1++] = e;
      } else {
        side2[count2++] = e;
      }
    }
    int w = newNode(leaf[v]);
    System.arraycopy(side1, 0, slots, base, count1);
    size[v] = count1;
    System.arraycopy(side2, 0, slots, w * slotsPerNode, count2);
    size[w] = count2;
    if (leaf[v]) {
      int after = next[v];
      next[v] = w;
      prev[w] = v;
      next[w] = after;
      if (after != NONE) {
        prev[after] = w;
      }
    }
    int e2 = newEntry();
    summarise(w, e2);
    return e2;
  }

  /** Sets entry e to the CF of node v's entries, summed in slot order, pointing to v. */
  private void summarise(int v, int e) {
    int base = v * slotsPerNode;
    int o = e * d;
    int first = slots[base];
    double total = n[first];
    double sq = ssd[first];
    System.arraycopy(ls, first * d, ls, o, d);
    System.arraycopy(cen, first * d, cen, o, d);
    for (int i = 1; i < size[v]; i++) {
      int a = slots[base + i];
      double na = n[a];
      double sum = total + na;
      sq = sq + ssd[a] + total * na / sum * Euclid.squaredDistance(cen, o, cen, a * d, d);
      total = sum;
      for (int j = 0; j < d; j++) {
        double s = ls[o + j] + ls[a * d + j];
        ls[o + j] = s;
        cen[o + j] = s / total;
      }
    }
    for (int j = 0; j < d; j++) {
      cen[o + j] = ls[o + j] / total;
    }
    n[e] = total;
    ssd[e] = sq;
    child[e] = v;
  }

  void append(int v, int e) {
    slots[v * slotsPerNode + size[v]] = e;
    size[v]++;
  }

  // ---- reading ----

  /** The index, in leaf order, of the subcluster nearest to x (ties to the first). */
  int nearestSubcluster(double[] x) {
    int index = 0;
    int best = -1;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int v = head; v != NONE; v = next[v]) {
      int base = v * slotsPerNode;
      for (int i = 0; i < size[v]; i++) {
        double dist = Euclid.squaredDistance(x, 0, cen, slots[base + i] * d, d);
        if (dist < bestDist) {
          bestDist = dist;
          best = index;
        }
        index++;
      }
    }
    return best;
  }

  /** The ids of the leaf entries, in leaf order; a new array. */
  int[] subclusterIds() {
    int[] ids = new int[subclusters];
    int k = 0;
    for (int v = head; v != NONE; v = next[v]) {
      int base = v * slotsPerNode;
      for (int i = 0; i < size[v]; i++) {
        ids[k++] = slots[base + i];
      }
    }
    return ids;
  }

  /**
   * The smallest merged radius over pairs of entries in the most crowded leaf (reached from
   * the root by always following the heaviest entry), or 0 if that leaf has one entry: the
   * paper's D_min, the least threshold at which two of its entries could merge.
   */
  double crowdedLeafMinMergeRadius() {
    int v = root;
    while (!leaf[v]) {
      int base = v * slotsPerNode;
      int heaviest = slots[base];
      for (int i = 1; i < size[v]; i++) {
        if (n[slots[base + i]] > n[heaviest]) {
          heaviest = slots[base + i];
        }
      }
      v = child[heaviest];
    }
    int base = v * slotsPerNode;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < size[v]; i++) {
      int a = slots[base + i];
      for (int j = i + 1; j < size[v]; j++) {
        int c = slots[base + j];
        double total = n[a] + n[c];
        double r2 = (ssd[a] + ssd[c] + n[a] * n[c] / total * Euclid.squaredDistance(cen, a * d, cen, c * d, d)) / total;
        min = Math.min(min, r2);
      }
    }
    return min == Double.POSITIVE_INFINITY ? 0.0 : Math.sqrt(min);
  }

  /** An independent copy of this tree, same ids and pools. */
  BirchTree copy() {
    BirchTree t = new BirchTree(d, b, threshold);
    t.n = n.clone();
    t.ls = ls.clone();
    t.ssd = ssd.clone();
    t.cen = cen.clone();
    t.child = child.clone();
    t.freeEntries = freeEntries.clone();
    t.freeEntryCount = freeEntryCount;
    t.entryCapacity = entryCapacity;
    t.leaf = leaf.clone();
    t.size = size.clone();
    t.slots = slots.clone();
    t.prev = prev.clone();
    t.next = next.clone();
    t.freeNodes = freeNodes.clone();
    t.freeNodeCount = freeNodeCount;
    t.nodeCapacity = nodeCapacity;
    t.root = root;
    t.head = head;
    t.subclusters = subclusters;
    return t;
  }

  // ---- persistence ----

  /**
   * Writes the tree: the threshold, the number of nodes, the nodes in preorder (each a leaf flag,
   * its entry count and its entries' n, SSD, LS and c, an internal entry followed by its child's
   * preorder index), then the leaf list as preorder indices.
   */
  void write(StateOutput out) throws IOException {
    out.writeDouble(threshold);
    int[] order = new int[size.length];
    int[] preorder = new int[size.length];
    int count = preorder(root, order, preorder, 0);
    out.writeInt(count);
    for (int i = 0; i < count; i++) {
      int v = order[i];
      out.writeBoolean(leaf[v]);
      out.writeInt(size[v]);
      for (int s = 0; s < size[v]; s++) {
        int e = slots[v * slotsPerNode + s];
        out.writeDouble(n[e]);
        out.writeDouble(ssd[e]);
        for (int j = 0; j < d; j++) {
          out.writeDouble(ls[e * d + j]);
        }
        for (int j = 0; j < d; j++) {
          out.writeDouble(cen[e * d + j]);
        }
        if (!leaf[v]) {
          out.writeInt(preorder[child[e]]);
        }
      }
    }
    int leaves = 0;
    for (int v = head; v != NONE; v = next[v]) {
      leaves++;
    }
    out.writeInt(leaves);
    for (int v = head; v != NONE; v = next[v]) {
      out.writeInt(preorder[v]);
    }
  }

  private int preorder(int v, int[] order, int[] index, int at) {
    index[v] = at;
    order[at] = v;
    int after = at + 1;
    if (!leaf[v]) {
      for (int s = 0; s < size[v]; s++) {
        after = preorder(child[slots[v * slotsPerNode + s]], order, index, after);
      }
    }
    return after;
  }

  /**
   * Reads a tree that {@link #write} wrote, of dimension d and branching factor b, checking that
   * it is one: every node but the root referenced once, by an entry of a node before it; leaves
   * without children; positive finite weights; finite values; every leaf listed once; a
   * threshold of at least {@code minThreshold}; at most {@code maxSubclusters} leaf entries.
   * Node i of the preorder becomes node id i, and entries take ids in the order they are read.
   * Sizes are checked against what the payload can hold, and against the heap, before anything
   * is allocated for them.
   *
   * @throws ModelFormatException if the bytes do not describe such a tree
   */
  static BirchTree read(StateInput in, int d, int b, double minThreshold, int maxSubclusters)
      throws ModelFormatException {
    double threshold = in.readDouble();
    if (!(threshold >= minThreshold) || threshold == Double.POSITIVE_INFINITY) {
      throw new ModelFormatException("birch threshold " + threshold + " is below the configured "
          + minThreshold + " or not finite");
    }
    int count = in.readInt(1, Integer.MAX_VALUE);
    // every node holds at least one entry: a leaf flag, a size, n, SSD, LS and c
    long nodeBytes = 1 + 4 + 16 + 16L * d;
    in.requireRemaining(nodeBytes, "a CF tree of dimension " + d);
    in.requireRemaining(count * nodeBytes + 8, "a CF tree of " + count + " nodes of dimension " + d);
    // the node pool grows to at most twice the count, B + 1 int slots per node
    long slotValues = (long) count * (b + 1);
    Sizes.require(Math.max(slotValues, 16L * d), slotValues + 36L * d,
        "a CF tree of " + count + " nodes of dimension " + d + " and branching factor " + b,
        "the record is too large for this heap");
    BirchTree t = new BirchTree(d, b, threshold);
    int[] references = new int[count];
    int leaves = 0;
    for (int i = 0; i < count; i++) {
      boolean isLeaf = in.readBoolean();
      int entries = in.readInt(1, b);
      if (i == 0) {
        t.leaf[t.root] = isLeaf;
      } else if (t.newNode(isLeaf) != i) {
        throw new IllegalStateException("node ids are not allocated in order");
      }
      if (isLeaf) {
        leaves++;
      }
      for (int s = 0; s < entries; s++) {
        int e = t.newEntry();
        double w = in.readDouble();
        double sd = in.readDouble();
        if (!(w > 0) || !Double.isFinite(w) || !(sd >= 0) || !Double.isFinite(sd)) {
          throw new ModelFormatException("entry " + e + " has weight " + w + " and SSD " + sd);
        }
        t.n[e] = w;
        t.ssd[e] = sd;
        for (int j = 0; j < 2 * d; j++) {
          double v = in.readDouble();
          if (!Double.isFinite(v)) {
            throw new ModelFormatException("entry " + e + " has the non-finite value " + v);
          }
          if (j < d) {
            t.ls[e * d + j] = v;
          } else {
            t.cen[e * d + j - d] = v;
          }
        }
        StateLimits.requireFeature("entry " + e, w, t.ls, e * d, d);
        StateLimits.requireCoordinates("entry " + e, t.cen, e * d, d);
        if (isLeaf) {
          t.child[e] = NONE;
          if (++t.subclusters > maxSubclusters) {
            throw new ModelFormatException("birch tree has more than maxSubclusters = " + maxSubclusters
                + " subclusters");
          }
        } else {
          int c = in.readInt(i + 1, count - 1);
          references[c]++;
          t.child[e] = c;
        }
        t.append(i, e);
      }
    }
    for (int i = 1; i < count; i++) {
      if (references[i] != 1) {
        throw new ModelFormatException("node " + i + " is referenced " + references[i] + " times");
      }
    }
    int listedLeaves = in.readInt(1, count);
    if (listedLeaves != leaves) {
      throw new ModelFormatException("the leaf list has " + listedLeaves + " nodes, the tree " + leaves + " leaves");
    }
    boolean[] listed = new boolean[count];
    int before = NONE;
    for (int i = 0; i < listedLeaves; i++) {
      int v = in.readInt(0, count - 1);
      if (!t.leaf[v] || listed[v]) {
        throw new ModelFormatException("the leaf list names node " + v + " twice or is not a leaf");
      }
      listed[v] = true;
      t.prev[v] = before;
      if (before == NONE) {
        t.head = v;
      } else {
        t.next[before] = v;
      }
      before = v;
    }
    return t;
  }

  // ---- pools ----

  int newEntry() {
    if (freeEntryCount == 0) {
      growEntries(entryCapacity * 2);
    }
    return freeEntries[--freeEntryCount];
  }

  int newNode(boolean isLeaf) {
    if (freeNodeCount == 0) {
      growNodes(nodeCapacity * 2);
    }
    int v = freeNodes[--freeNodeCount];
    leaf[v] = isLeaf;
    size[v] = 0;
    prev[v] = NONE;
    next[v] = NONE;
    return v;
  }

  private void growEntries(int capacity) {
    int old = entryCapacity;
    n = Arrays.copyOf(n == null ? new double[0] : n, capacity);
    ssd = Arrays.copyOf(ssd == null ? new double[0] : ssd, capacity);
    ls = Arrays.copyOf(ls == null ? new double[0] : ls, capacity * d);
    cen = Arrays.copyOf(cen == null ? new double[0] : cen, capacity * d);
    child = Arrays.copyOf(child == null ? new int[0] : child, capacity);
    int[] free = new int[capacity];
    System.arraycopy(freeEntries == null ? new int[0] : freeEntries, 0, free, 0, freeEntryCount);
    freeEntries = free;
    for (int e = capacity - 1; e >= old; e--) {
      freeEntries[freeEntryCount++] = e;
    }
    entryCapacity = capacity;
  }

  private void growNodes(int capacity) {
    int old = nodeCapacity;
    leaf = Arrays.copyOf(leaf == null ? new boolean[0] : leaf, capacity);
    size = Arrays.copyOf(size == null ? new int[0] : size, capacity);
    slots = Arrays.copyOf(slots == null ? new int[0] : slots, capacity * slotsPerNode);
    prev = Arrays.copyOf(prev == null ? new int[0] : prev, capacity);
    next = Arrays.copyOf(next == null ? new int[0] : next, capacity);
    int[] free = new int[capacity];
    System.arraycopy(freeNodes == null ? new int[0] : freeNodes, 0, free, 0, freeNodeCount);
    freeNodes = free;
    for (int v = capacity - 1; v >= old; v--) {
      freeNodes[freeNodeCount++] = v;
    }
    nodeCapacity = capacity;
  }
}

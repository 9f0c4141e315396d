package io.eddy.online;

import java.util.Arrays;

/**
 * An exact fixed-radius neighbour index over DBSTREAM's micro-cluster centres: the centres are
 * split into groups, each around a pivot with a bound on its members' distance to it; a query
 * skips every group whose pivot lies farther than the bound plus the radius (triangle
 * inequality) and scans the members of the others.
 *
 * <p>Groups are made by the leader rule: a centre joins the first pivot within the group radius,
 * or becomes a pivot itself. Centres move after they join, so a group's bound grows with every
 * move ({@link #moved}); {@link #rebuild} starts afresh (DBSTREAM calls it every few cleanups,
 * when slots are renumbered anyway). The answer is exactly that of a scan of every centre: the
 * same neighbours, in increasing slot order, with bit-identical squared distances (the same
 * summation as {@link io.eddy.math.Neighbours#withinRadius}).
 *
 * <p><b>Layout.</b> The index keeps its own copy of the coordinates, column by column: one
 * array per dimension for the pivots, and one per dimension for each group's members. A query
 * computes the full squared distance from the point to every pivot, then to every member of the
 * groups in reach, each as one loop over a column that the JIT turns into SIMD instructions; a
 * row-major scan with an early exit cannot be vectorised and costs several times more per centre
 * (measured at d = 8, see {@code benchmarks/results/density.md} §6). In 8 dimensions pruning
 * inside a cluster is weak (on {@code DriftingMixture} at r = 0.08 nearly every micro-cluster of a
 * point's cluster lies within 2r of it), so the index's job is to skip the other clusters whole
 * and make the scan of the point's own cluster cheap.
 *
 * <p><b>Cost.</b> A query is O(g·d + s·d) for g groups and s members in the groups in reach,
 * without branches in the distance loops; {@link #moved} and {@link #add} O(d) and O(g·d);
 * {@link #remap} O(m·d); {@link #rebuild} O(m·g·d). Scale-free and usable in any dimension; it
 * pays when the centres form clumps, which is what clusters make.
 *
 * <p>Not thread-safe. Allocates only when the number of groups or a group's size reaches a new
 * maximum.
 */
final class BallIndex {

  /** Relative slack on the pruning bound, far above the rounding of the distances involved. */
  private static final double SLACK = 1 + 1e-9;

  private final double groupRadiusSquared;
  private final double radius;
  private int d;
  private int groups;
  /** The pivots by dimension: coordinate t of group g's pivot at {@code pivots[t][g]}. */
  private double[][] pivots = new double[0][];
  /** Per group, an upper bound on its members' distance to its pivot. */
  private double[] bound = new double[0];
  /** Per group, the squared pivot distance beyond which no member is within the radius. */
  private double[] reachSquared = new double[0];
  private int[][] members = new int[0][];
  /** Per group, its members' coordinates by dimension, in the order of {@link #members}. */
  private double[][][] coords = new double[0][][];
  private int[] sizes = new int[0];
  private int[] groupOf = new int[0];
  private int[] positionOf = new int[0];
  private double[] pivotDistances = new double[0];
  /** Scratch of a query: the groups in reach. */
  private int[] nearGroups = new int[0];
  private double[] memberDistances = new double[8];

  /** An index whose groups have the given radius at creation, for queries of the given radius. */
  BallIndex(double groupRadius, double radius) {
    this.groupRadiusSquared = groupRadius * groupRadius;
    this.radius = radius;
  }

  /** Forgets every group and re-adds the first {@code m} centres, in slot order. */
  void rebuild(double[] centers, int d, int m) {
    if (d != this.d) {
      this.d = d;
      pivots = new double[d][bound.length];
      Arrays.fill(coords, null);
    }
    groups = 0;
    for (int i = 0; i < m; i++) {
      add(centers, i);
    }
  }

  /**
   * Renumbers the slots after their centres were compacted without moving: slot o becomes
   * {@code newIndex[o]}, or leaves the index when that is negative; empty groups are dropped.
   * The bounds stay valid, as members only leave.
   */
  void remap(int[] newIndex) {
    int kept = 0;
    for (int g = 0; g < groups; g++) {
      int[] list = members[g];
      double[][] cols = coords[g];
      int size = 0;
      for (int k = 0, n = sizes[g]; k < n; k++) {
        int slot = newIndex[list[k]];
        if (slot >= 0) {
          if (size != k) {
            for (int t = 0; t < d; t++) {
              cols[t][size] = cols[t][k];
            }
          }
          list[size] = slot;
          groupOf[slot] = kept;
          positionOf[slot] = size;
          size++;
        }
      }
      if (size == 0) {
        continue;
      }
      if (kept != g) {
        for (int t = 0; t < d; t++) {
          pivots[t][kept] = pivots[t][g];
        }
        bound[kept] = bound[g];
        reachSquared[kept] = reachSquared[g];
        members[g] = members[kept];
        members[kept] = list;
        coords[g] = coords[kept];
        coords[kept] = cols;
      }
      sizes[kept] = size;
      kept++;
    }
    groups = kept;
  }

  /** Adds the centre in {@code slot}. */
  void add(double[] centers, int slot) {
    if (slot >= groupOf.length) {
      int cap = Math.max(16, 2 * (slot + 1));
      groupOf = Arrays.copyOf(groupOf, cap);
      positionOf = Arrays.copyOf(positionOf, cap);
    }
    int off = slot * d;
    int g = 0;
    if (groups > 0) {
      columnDistances(centers, off, pivots, groups, pivotDistances);
      while (g < groups && !(pivotDistances[g] <= groupRadiusSquared)) {
        g++;
      }
    }
    if (g == groups) {
      if (groups == sizes.length) {
        growGroups();
      }
      for (int t = 0; t < d; t++) {
        pivots[t][g] = centers[off + t];
      }
      bound[g] = 0;
      reachSquared[g] = reach(0);
      sizes[g] = 0;
      if (members[g] == null) {
        members[g] = new int[8];
      }
      if (coords[g] == null) {
        coords[g] = new double[d][members[g].length];
      }
      groups++;
    }
    int size = sizes[g];
    if (size == members[g].length) {
      int cap = 2 * size;
      members[g] = Arrays.copyOf(members[g], cap);
      double[][] cols = coords[g];
      for (int t = 0; t < d; t++) {
        cols[t] = Arrays.copyOf(cols[t], cap);
      }
      if (cap > memberDistances.length) {
        memberDistances = new double[cap];
      }
    }
    members[g][size] = slot;
    sizes[g] = size + 1;
    groupOf[slot] = g;
    positionOf[slot] = size;
    moved(centers, slot);
  }

  private void growGroups() {
    int cap = Math.max(8, 2 * groups);
    for (int t = 0; t < d; t++) {
      pivots[t] = Arrays.copyOf(pivots[t], cap);
    }
    bound = Arrays.copyOf(bound, cap);
    reachSquared = Arrays.copyOf(reachSquared, cap);
    sizes = Arrays.copyOf(sizes, cap);
    members = Arrays.copyOf(members, cap);
    coords = Arrays.copyOf(coords, cap);
    pivotDistances = new double[cap];
    nearGroups = new int[cap];
  }

  /** The squared pivot distance within which a group with this bound must be scanned. */
  private double reach(double groupBound) {
    double reach = (groupBound + radius) * SLACK;
    return reach * reach;
  }

  /**
   * Records that the centre in {@code slot} has moved (or was just added): the index's copy of
   * it is refreshed and its group's bound covers it again.
   */
  void moved(double[] centers, int slot) {
    int g = groupOf[slot];
    int k = positionOf[slot];
    double[][] cols = coords[g];
    int off = slot * d;
    double s = 0;
    for (int t = 0; t < d; t++) {
      double v = centers[off + t];
      cols[t][k] = v;
      double diff = v - pivots[t][g];
      s += diff * diff;
    }
    // Compared squared, without a root in the common case (the centre stays inside the
    // bound); rounding of the square is covered by SLACK.
    double b = bound[g];
    if (s > b * b) {
      double dist = Math.sqrt(s);
      bound[g] = dist;
      reachSquared[g] = reach(dist);
    }
  }

  /**
   * Writes into {@code out} the slots whose centre lies within squared distance
   * {@code radiusSquared} (the square of the radius the index was made for) of {@code x}
   * (inclusive), in increasing order, and their squared distances into {@code distances},
   * exactly as a full scan would.
   *
   * @return the number of neighbours written
   */
  int withinRadius(double[] x, double radiusSquared, int[] out, double[] distances) {
    double[] pd = pivotDistances;
    columnDistances(x, 0, pivots, groups, pd);
    // The groups in reach, listed without a branch on each: most groups are single noise
    // micro-clusters out of reach, and the one or two in reach come at random places.
    int[] near = nearGroups;
    int reached = 0;
    for (int g = 0; g < groups; g++) {
      near[reached] = g;
      reached += pd[g] <= reachSquared[g] ? 1 : 0;
    }
    double[] md = memberDistances;
    int n = 0;
    for (int q = 0; q < reached; q++) {
      int g = near[q];
      int[] list = members[g];
      int size = sizes[g];
      columnDistances(x, 0, coords[g], size, md);
      int start = n;
      // The members within the radius as the bits of a word per 64, set without a branch (a
      // point has a few neighbours among dozens of members, a branch the processor would
      // mispredict): the sign of r^2 - s is clear exactly when s <= r^2. Then the few set bits.
      for (int base = 0; base < size; base += Long.SIZE) {
        int end = Math.min(size, base + Long.SIZE);
        long within = 0;
        for (int k = base; k < end; k++) {
          within |= (~Double.doubleToRawLongBits(radiusSquared - md[k]) >>> 63) << (k - base);
        }
        for (; within != 0; within &= within - 1) {
          int k = base + Long.numberOfTrailingZeros(within);
          out[n] = list[k];
          distances[n] = md[k];
          n++;
        }
      }
      if (start > 0 && n > start && out[start - 1] > out[start]) {
        insertRun(out, distances, start, n);
      }
    }
    return n;
  }

  /**
   * Sorts {@code out[0..n)} by slot, moving the distances along, when {@code out[0..start)}
   * and {@code out[start..n)} are each sorted: each group's list is in slot order and a point
   * reaches one group or a few.
   */
  private static void insertRun(int[] out, double[] distances, int start, int n) {
    for (int i = start; i < n; i++) {
      int slot = out[i];
      double s = distances[i];
      int at = i;
      while (at > 0 && out[at - 1] > slot) {
        out[at] = out[at - 1];
        distances[at] = distances[at - 1];
        at--;
      }
      out[at] = slot;
      distances[at] = s;
    }
  }

  /**
   * Writes into {@code out[0..n)} the squared distances from {@code x[xo..xo+d)} to the n
   * points stored by dimension in {@code cols}, summed in blocks of four coordinates, each
   * block as {@code (t0² + t1²) + (t2² + t3²)}, then the remaining coordinates one by one:
   * the order of {@link io.eddy.math.Neighbours}, so the sums are bit-identical to its own.
   * Each loop runs along a column without branches, which the JIT vectorises.
   */
  private void columnDistances(double[] x, int xo, double[][] cols, int n, double[] out) {
    int end4 = d & ~3;
    if (end4 == 0) {
      Arrays.fill(out, 0, n, 0.0);
    }
    for (int t = 0; t < end4; t += 4) {
      double x0 = x[xo + t];
      double x1 = x[xo + t + 1];
      double x2 = x[xo + t + 2];
      double x3 = x[xo + t + 3];
      double[] c0 = cols[t];
      double[] c1 = cols[t + 1];
      double[] c2 = cols[t + 2];
      double[] c3 = cols[t + 3];
      if (t == 0) {
        for (int k = 0; k < n; k++) {
          double t0 = x0 - c0[k];
          double t1 = x1 - c1[k];
          double t2 = x2 - c2[k];
          double t3 = x3 - c3[k];
          out[k] = (t0 * t0 + t1 * t1) + (t2 * t2 + t3 * t3);
        }
      } else {
        for (int k = 0; k < n; k++) {
          double t0 = x0 - c0[k];
          double t1 = x1 - c1[k];
          double t2 = x2 - c2[k];
          double t3 = x3 - c3[k];
          out[k] += (t0 * t0 + t1 * t1) + (t2 * t2 + t3 * t3);
        }
      }
    }
    for (int t = end4; t < d; t++) {
      double xt = x[xo + t];
      double[] c = cols[t];
      for (int k = 0; k < n; k++) {
        double diff = xt - c[k];
        out[k] += diff * diff;
      }
    }
  }

  /** The number of groups, for tests and benchmarks. */
  int groups() {
    return groups;
  }
}

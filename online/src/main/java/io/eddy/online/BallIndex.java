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
 * move ({@link #moved}); {@link #rebuild} starts afresh (DBSTREAM calls it at each cleanup, when
 * slots are renumbered anyway). The answer is exactly that of a scan of every centre: the same
 * neighbours, in increasing slot order, with bit-identical squared distances (the same
 * summation as {@link io.eddy.math.Neighbours#withinRadius}). Scale-free and usable in any
 * dimension; it pays when the centres form clumps, which is what clusters make.
 *
 * <p>Not thread-safe. Allocates only when the number of groups or a group's size reaches a new
 * maximum.
 */
final class BallIndex {

  /** Relative slack on the pruning bound, far above the rounding of the distances involved. */
  private static final double SLACK = 1 + 1e-9;

  private final double groupRadiusSquared;
  private int d;
  private int groups;
  private double[] pivots = new double[0];
  private double[] bound = new double[0];
  private int[][] members = new int[0][];
  private int[] sizes = new int[0];
  private int[] groupOf = new int[0];

  /** An index whose groups have the given radius at creation (in data units). */
  BallIndex(double groupRadius) {
    this.groupRadiusSquared = groupRadius * groupRadius;
  }

  /** Forgets every group and re-adds the first {@code m} centres, in slot order. */
  void rebuild(double[] centers, int d, int m) {
    this.d = d;
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
      int size = 0;
      for (int k = 0, n = sizes[g]; k < n; k++) {
        int slot = newIndex[list[k]];
        if (slot >= 0) {
          list[size++] = slot;
          groupOf[slot] = kept;
        }
      }
      if (size == 0) {
        continue;
      }
      if (kept != g) {
        System.arraycopy(pivots, g * d, pivots, kept * d, d);
        bound[kept] = bound[g];
        members[g] = members[kept];
        members[kept] = list;
      }
      sizes[kept] = size;
      kept++;
    }
    groups = kept;
  }

  /** Adds the centre in {@code slot}. */
  void add(double[] centers, int slot) {
    if (slot >= groupOf.length) {
      groupOf = Arrays.copyOf(groupOf, Math.max(16, 2 * (slot + 1)));
    }
    int off = slot * d;
    int g = 0;
    for (; g < groups; g++) {
      if (squaredDistance(centers, off, pivots, g * d, groupRadiusSquared) <= groupRadiusSquared) {
        break;
      }
    }
    if (g == groups) {
      if (groups == sizes.length) {
        int cap = Math.max(8, 2 * groups);
        pivots = Arrays.copyOf(pivots, cap * d);
        bound = Arrays.copyOf(bound, cap);
        sizes = Arrays.copyOf(sizes, cap);
        members = Arrays.copyOf(members, cap);
      }
      System.arraycopy(centers, off, pivots, g * d, d);
      bound[g] = 0;
      sizes[g] = 0;
      if (members[g] == null) {
        members[g] = new int[8];
      }
      groups++;
    }
    if (sizes[g] == members[g].length) {
      members[g] = Arrays.copyOf(members[g], 2 * sizes[g]);
    }
    members[g][sizes[g]++] = slot;
    groupOf[slot] = g;
    moved(centers, slot);
  }

  /** Records that the centre in {@code slot} has moved: its group's bound covers it again. */
  void moved(double[] centers, int slot) {
    int g = groupOf[slot];
    double s = squaredDistance(centers, slot * d, pivots, g * d, Double.POSITIVE_INFINITY);
    double dist = Math.sqrt(s);
    if (dist > bound[g]) {
      bound[g] = dist;
    }
  }

  /**
   * Writes into {@code out} the slots whose centre lies within squared distance
   * {@code radiusSquared} of {@code x} (inclusive), in increasing order, and their squared
   * distances into {@code distances}, exactly as a full scan would.
   *
   * @return the number of neighbours written
   */
  int withinRadius(double[] x, double[] centers, double radius, double radiusSquared, int[] out,
      double[] distances) {
    int n = 0;
    for (int g = 0; g < groups; g++) {
      double reach = (bound[g] + radius) * SLACK;
      double reachSquared = reach * reach;
      if (squaredDistance(x, 0, pivots, g * d, reachSquared) > reachSquared) {
        continue;
      }
      int[] list = members[g];
      for (int k = 0, size = sizes[g]; k < size; k++) {
        int slot = list[k];
        double s = squaredDistance(x, 0, centers, slot * d, radiusSquared);
        if (s <= radiusSquared) {
          // insertion into the slot-ordered answer; n is small
          int at = n++;
          while (at > 0 && out[at - 1] > slot) {
            out[at] = out[at - 1];
            distances[at] = distances[at - 1];
            at--;
          }
          out[at] = slot;
          distances[at] = s;
        }
      }
    }
    return n;
  }

  /**
   * The squared distance between {@code a[ao..ao+d)} and {@code b[bo..bo+d)}, or a partial sum
   * above {@code limit} once one exceeds it; summed as {@link io.eddy.math.Neighbours} sums it,
   * so that a full sum is bit-identical to that kernel's.
   */
  private double squaredDistance(double[] a, int ao, double[] b, int bo, double limit) {
    int end4 = d & ~3;
    double s = 0;
    int i = 0;
    for (; i < end4; i += 4) {
      double t0 = a[ao + i] - b[bo + i];
      double t1 = a[ao + i + 1] - b[bo + i + 1];
      double t2 = a[ao + i + 2] - b[bo + i + 2];
      double t3 = a[ao + i + 3] - b[bo + i + 3];
      s += (t0 * t0 + t1 * t1) + (t2 * t2 + t3 * t3);
      if (s > limit) {
        return s;
      }
    }
    for (; i < d; i++) {
      double t = a[ao + i] - b[bo + i];
      s += t * t;
    }
    return s;
  }

  /** The number of groups, for tests and benchmarks. */
  int groups() {
    return groups;
  }
}

package io.eddy.hierarchy;

import io.eddy.math.Pairwise;
import io.eddy.math.Chunks;

/**
 * Ward, centroid and median linkage on the points themselves, O(n·d) memory: the distance
 * between two clusters is computed from their centers when needed instead of being stored
 * (Müllner, arXiv:1109.2378, §3, the stored-data approach). Each merge replaces the two
 * centers by their weighted mean (Ward, centroid) or midpoint (median), with no
 * Lance–Williams update.
 *
 * <p>All three run the generic algorithm with a priority queue of nearest-neighbour
 * candidates ({@link #generic}), as fastcluster's {@code linkage_vector} does. For Ward,
 * whose reducibility would also allow the nearest-neighbour chain, the generic algorithm
 * computes fewer dissimilarities (n = 5,000, d = 8, ten blobs: 28 million against the
 * chain's 35 million, since the chain rescans every cluster it resumes from after a merge)
 * and took a quarter less time at n = 5,000 and 20,000 (benchmarks/results/hier.md).
 *
 * <p>Internally the squared dissimilarity is compared (Ward:
 * 2·n<sub>x</sub>n<sub>y</sub>/(n<sub>x</sub>+n<sub>y</sub>)·‖c<sub>x</sub>−c<sub>y</sub>‖²,
 * so that two points are at their Euclidean distance) and its square root reported.
 *
 * <p>The long scans (every cluster's nearest neighbour at the start; a nearest-neighbour
 * search over many clusters) are split over threads into contiguous blocks of the live
 * clusters, each block finding its first minimum in increasing order; the blocks are combined
 * in order with a strict comparison, which is the sequential scan's answer. The result is
 * therefore the same for any number of threads.
 */
final class VectorAgglomeration {

  /**
   * The longest run of candidates one call of a kernel ({@link #scanPiece},
   * {@link #lowerBoundsPiece}) covers: short calls of a small method, so that a fresh JVM
   * compiles the kernel as a method, with the profile of many calls, rather than on stack
   * replacement inside the first long one. Pieces of 32 to 1,024 made no measurable
   * difference to the first fit (benchmarks/results/hier.md).
   */
  static final int PIECE = 256;

  /** The initial pass splits over threads from this many times {@link #PARALLEL_WORK}. */
  static final long INITIAL_SPLIT = 1 << 12;

  /** Below this many candidates times d a scan runs on the calling thread alone. */
  static final int PARALLEL_WORK = 1 << 16;

  private final int n;
  private final int d;
  private final double[] c;
  private final double[] size;
  private final boolean ward;
  private final boolean median;
  /** The live cluster slots in increasing order, live[0 .. count). */
  private final int[] live;
  private int count;
  /** One task per block of a split scan; made at the first split scan, as most fits have none. */
  private Chunks parallel;
  private final int threads;
  private final int[] blockBest;
  private final double[] blockMin;
  private final int parallelWork;

  private VectorAgglomeration(double[] x, int n, int d, Linkage linkage, int threads, int parallelWork) {
    if (!linkage.isGeometric()) {
      throw new IllegalArgumentException(linkage.id() + " linkage has no vector form");
    }
    this.n = n;
    this.d = d;
    this.c = x.clone();
    this.size = new double[n];
    this.live = new int[n];
    for (int i = 0; i < n; i++) {
      size[i] = 1;
      live[i] = i;
    }
    this.count = n;
    this.ward = linkage == Linkage.WARD;
    this.median = linkage == Linkage.MEDIAN;
    this.threads = Math.max(1, threads);
    this.parallelWork = parallelWork;
    int blocks = 4 * this.threads;
    this.blockBest = new int[blocks];
    this.blockMin = new double[blocks];
  }

  /**
   * Ward, centroid or median linkage by the generic algorithm on the centers.
   *
   * @param x n &ge; 2 points of dimension d, row-major; not modified
   * @param threads threads for the nearest-neighbour searches, &ge; 1
   */
  static Dendrogram generic(double[] x, int n, int d, Linkage linkage, int threads) {
    return generic(x, n, d, linkage, threads, PARALLEL_WORK);
  }

  /** {@link #generic} splitting scans of at least {@code parallelWork} candidates times d. */
  static Dendrogram generic(double[] x, int n, int d, Linkage linkage, int threads, int parallelWork) {
    VectorAgglomeration v = new VectorAgglomeration(x, n, d, linkage, threads, parallelWork);
    try {
      return v.generic();
    } finally {
      if (v.parallel != null) {
        v.parallel.close();
      }
    }
  }

  // ---------------------------------------------------------------- dissimilarity and scans

  private double dissimilarity(int i, int j) {
    int io = i * d;
    int jo = j * d;
    double s = 0;
    for (int t = 0; t < d; t++) {
      double diff = c[io + t] - c[jo + t];
      s += diff * diff;
    }
    if (ward) {
      double ni = size[i];
      double nj = size[j];
      return 2.0 * ni * nj / (ni + nj) * s;
    }
    return s;
  }

  /**
   * The first live cluster at positions {@code from .. to-1} of {@link #live}, other than
   * {@code i}, of least dissimilarity to i; its dissimilarity in {@code out[slot]}, or -1 and
   * +∞. Runs {@link #scanPiece} on consecutive pieces of at most {@link #PIECE} candidates,
   * each continuing from the minimum so far with a strict comparison: the answer of one
   * sequential scan.
   */
  private int scan(int i, int from, int to, double[] out, int slot) {
    out[slot] = Double.POSITIVE_INFINITY;
    int best = -1;
    for (int lo = from; lo < to; lo += PIECE) {
      best = scanPiece(i, lo, Math.min(to, lo + PIECE), out, slot, best);
    }
    return best;
  }

  /**
   * {@link #scan} over positions {@code from .. to-1} continued from the minimum so far,
   * {@code out[slot]} (the dissimilarity of {@code best}): the first candidate strictly below
   * it, with its dissimilarity in {@code out[slot]}, or {@code best} unchanged. Four
   * candidates at a time: four independent sums the processor can overlap, each still summed
   * in index order, so every value is bit-identical to {@link #dissimilarity}.
   *
   * <p>The last group of four repeats the last candidate instead of running a scalar tail
   * loop: a repeat never wins (it compares equal to a value already seen), and a tail whose
   * branches a fresh JVM has rarely seen taken made the compiled scan fall back to the
   * interpreter and be compiled again, several times per fit.
   */
  private int scanPiece(int i, int from, int to, double[] out, int slot, int best) {
    double m = out[slot];
    int io = i * d;
    double[] cc = c;
    double[] sz = size;
    int[] lv = live;
    int dd = d;
    boolean w = ward;
    double ni = sz[i];
    int last = to - 1;
    for (int p = from; p < to; p += 4) {
      int j0 = lv[p];
      int j1 = lv[Math.min(p + 1, last)];
      int j2 = lv[Math.min(p + 2, last)];
      int j3 = lv[Math.min(p + 3, last)];
      int o0 = j0 * dd;
      int o1 = j1 * dd;
      int o2 = j2 * dd;
      int o3 = j3 * dd;
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      for (int t = 0; t < dd; t++) {
        double v = cc[io + t];
        double e0 = v - cc[o0 + t];
        double e1 = v - cc[o1 + t];
        double e2 = v - cc[o2 + t];
        double e3 = v - cc[o3 + t];
        s0 += e0 * e0;
        s1 += e1 * e1;
        s2 += e2 * e2;
        s3 += e3 * e3;
      }
      if (w) {
        double n0 = sz[j0];
        double n1 = sz[j1];
        double n2 = sz[j2];
        double n3 = sz[j3];
        s0 = 2.0 * ni * n0 / (ni + n0) * s0;
        s1 = 2.0 * ni * n1 / (ni + n1) * s1;
        s2 = 2.0 * ni * n2 / (ni + n2) * s2;
        s3 = 2.0 * ni * n3 / (ni + n3) * s3;
      }
      // i itself may be among the four: its zero distance must not count.
      if (s0 < m && j0 != i) {
        m = s0;
        best = j0;
      }
      if (s1 < m && j1 != i) {
        m = s1;
        best = j1;
      }
      if (s2 < m && j2 != i) {
        m = s2;
        best = j2;
      }
      if (s3 < m && j3 != i) {
        m = s3;
        best = j3;
      }
    }
    out[slot] = m;
    return best;
  }

  /** {@link #scan} over threads when the range is long; the same answer either way. */
  private int nearest(int i, int from, int to, double[] out, int slot) {
    int len = to - from;
    if (threads < 2 || (long) len * d < parallelWork) {
      return scan(i, from, to, out, slot);
    }
    int blocks = blockBest.length;
    if (parallel == null) {
      parallel = Chunks.ofSize(blocks, 1, threads);
    }
    parallel.forEach(b -> {
      int lo = from + (int) ((long) len * b / blocks);
      int hi = from + (int) ((long) len * (b + 1) / blocks);
      blockBest[b] = scan(i, lo, hi, blockMin, b);
    });
    int best = -1;
    double m = Double.POSITIVE_INFINITY;
    for (int b = 0; b < blocks; b++) {
      if (blockMin[b] < m) {
        m = blockMin[b];
        best = blockBest[b];
      }
    }
    out[slot] = m;
    return best;
  }

  /** The position of live cluster i in {@link #live}. */
  private int position(int i) {
    int lo = 0;
    int hi = count - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int v = live[mid];
      if (v < i) {
        lo = mid + 1;
      } else if (v > i) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    throw new AssertionError("cluster " + i + " is not live");
  }

  private void remove(int i) {
    int p = position(i);
    System.arraycopy(live, p + 1, live, p, count - p - 1);
    count--;
  }

  /** Merges slot p into slot q: q's center becomes the union's. */
  private void mergeCenters(int p, int q) {
    double np = size[p];
    double nq = size[q];
    int po = p * d;
    int qo = q * d;
    if (median) {
      for (int t = 0; t < d; t++) {
        c[qo + t] = 0.5 * (c[po + t] + c[qo + t]);
      }
    } else {
      double wp = np / (np + nq);
      double wq = nq / (np + nq);
      for (int t = 0; t < d; t++) {
        c[qo + t] = wp * c[po + t] + wq * c[qo + t];
      }
    }
    size[p] = 0;
    size[q] = np + nq;
  }

  // ---------------------------------------------------------------- generic

  private Dendrogram generic() {
    int[] neighbor = new int[n];
    double[] minDist = new double[n];
    initialNeighbours(neighbor, minDist);
    IndexedHeap heap = new IndexedHeap(minDist, n - 1);
    int[] id = new int[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
    }
    int[] left = new int[n - 1];
    int[] right = new int[n - 1];
    double[] h = new double[n - 1];
    int[] sz = new int[n - 1];
    int[] changed = new int[n];
    for (int k = 0; k < n - 1; k++) {
      int p;
      int q;
      while (true) {
        p = heap.minKey();
        q = neighbor[p];
        if (q >= 0 && size[q] > 0 && heap.minValue() == dissimilarity(p, q)) {
          break;
        }
        // A stale candidate: look again above p.
        neighbor[p] = nearest(p, position(p) + 1, count, minDist, p);
        heap.change(p, minDist[p]);
      }
      double m = heap.minValue();
      heap.removeMin();
      double np = size[p];
      double nq = size[q];
      left[k] = Math.min(id[p], id[q]);
      right[k] = Math.max(id[p], id[q]);
      h[k] = Math.sqrt(m);
      sz[k] = (int) (np + nq);
      // The union lives in slot q (the higher index).
      mergeCenters(p, q);
      id[q] = n + k;
      int pp = position(p);
      remove(p);
      redirect(live, pp, neighbor, p, q);
      // Ward is reducible: d(z, p∪q) >= min(d(z,p), d(z,q)). For z < p both lie above z, so
      // minDist[z], a bound on the distances to clusters above z, stays valid; only z between
      // p and q need a look. Centroid and median are not reducible: every z below q does.
      int qq = position(q);
      int lowered = lowerBounds(q, ward ? pp : 0, qq, neighbor, minDist, changed);
      for (int s = 0; s < lowered; s++) {
        int z = changed[s];
        heap.change(z, minDist[z]);
      }
      if (qq + 1 < count) {
        neighbor[q] = nearest(q, qq + 1, count, minDist, q);
        heap.change(q, minDist[q]);
      }
    }
    return new Dendrogram(n, left, right, h, sz);
  }

  /** Clusters at positions 0 .. to-1 whose candidate was p now point to q. */
  private static void redirect(int[] live, int to, int[] neighbor, int p, int q) {
    for (int s = 0; s < to; s++) {
      int z = live[s];
      if (neighbor[z] == p) {
        neighbor[z] = q;
      }
    }
  }

  /**
   * For the live clusters z at positions {@code from .. to-1}, in order: if d(z, q) is below
   * minDist[z], q becomes z's candidate and z is appended to {@code changed}; returns how
   * many were. The caller then changes their keys in the heap in that order, which is the
   * order a one-at-a-time loop would (a key's new value depends on nothing but z), and keeps
   * the heap's code out of this kernel's. In pieces of at most {@link #PIECE}, as
   * {@link #scan}.
   */
  private int lowerBounds(int q, int from, int to, int[] neighbor, double[] minDist, int[] changed) {
    int count = 0;
    for (int lo = from; lo < to; lo += PIECE) {
      count = lowerBoundsPiece(q, lo, Math.min(to, lo + PIECE), neighbor, minDist, changed, count);
    }
    return count;
  }

  /**
   * {@link #lowerBounds} on positions {@code from .. to-1}, appending to {@code changed}
   * after its first {@code count}; returns the new count. Four clusters at a time as in
   * {@link #scanPiece}, each value bit-identical to {@link #dissimilarity}(z, q) (the
   * difference is squared, so its sign does not matter). The loop is scanPiece's, written
   * out again on purpose: sharing one method, first compiled for the initial scans, made the
   * compiled code trap back to the interpreter when the bound updates began.
   */
  private int lowerBoundsPiece(int q, int from, int to, int[] neighbor, double[] minDist, int[] changed, int count) {
    int k = count;
    int qo = q * d;
    double[] cc = c;
    double[] sz = size;
    int[] lv = live;
    int dd = d;
    boolean w = ward;
    double nq = sz[q];
    int last = to - 1;
    for (int p = from; p < to; p += 4) {
      int z0 = lv[p];
      int z1 = lv[Math.min(p + 1, last)];
      int z2 = lv[Math.min(p + 2, last)];
      int z3 = lv[Math.min(p + 3, last)];
      int o0 = z0 * dd;
      int o1 = z1 * dd;
      int o2 = z2 * dd;
      int o3 = z3 * dd;
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      for (int t = 0; t < dd; t++) {
        double v = cc[qo + t];
        double e0 = v - cc[o0 + t];
        double e1 = v - cc[o1 + t];
        double e2 = v - cc[o2 + t];
        double e3 = v - cc[o3 + t];
        s0 += e0 * e0;
        s1 += e1 * e1;
        s2 += e2 * e2;
        s3 += e3 * e3;
      }
      if (w) {
        double n0 = sz[z0];
        double n1 = sz[z1];
        double n2 = sz[z2];
        double n3 = sz[z3];
        s0 = 2.0 * n0 * nq / (n0 + nq) * s0;
        s1 = 2.0 * n1 * nq / (n1 + nq) * s1;
        s2 = 2.0 * n2 * nq / (n2 + nq) * s2;
        s3 = 2.0 * n3 * nq / (n3 + nq) * s3;
      }
      // A repeated last cluster compares equal to the bound it has just set: no change.
      if (s0 < minDist[z0]) {
        neighbor[z0] = q;
        minDist[z0] = s0;
        changed[k++] = z0;
      }
      if (s1 < minDist[z1]) {
        neighbor[z1] = q;
        minDist[z1] = s1;
        changed[k++] = z1;
      }
      if (s2 < minDist[z2]) {
        neighbor[z2] = q;
        minDist[z2] = s2;
        changed[k++] = z2;
      }
      if (s3 < minDist[z3]) {
        neighbor[z3] = q;
        minDist[z3] = s3;
        changed[k++] = z3;
      }
    }
    return k;
  }

  /**
   * Every point's nearest neighbour above it, the points split over threads by work when the
   * pass is long: at least {@link #INITIAL_SPLIT} times the split threshold of a scan in
   * pairs times d (2^28 by default: n of about 8,200 at d = 8). A shorter pass runs on the
   * calling thread: in a fresh JVM its split blocks ran in slow, not yet optimised code on
   * both cores while the compiler waited for one (Ward, n = 5,000, 2 cores, load 5: first
   * fit 0.40–0.85 s split against 0.29–0.45 s on one thread, later fits equal).
   */
  private void initialNeighbours(int[] neighbor, double[] minDist) {
    boolean split = threads > 1 && Pairwise.pairs(n) * d >= (long) parallelWork * INITIAL_SPLIT;
    int[] start = Pairwise.rowBlocks(n, split ? 8 * threads : 1);
    int blocks = start.length - 1;
    try (Chunks c = Chunks.ofSize(blocks, 1, split ? threads : 1)) {
      c.forEach(b -> {
        for (int i = start[b]; i < start[b + 1]; i++) {
          neighbor[i] = scan(i, i + 1, n, minDist, i);
        }
      });
    }
  }
}

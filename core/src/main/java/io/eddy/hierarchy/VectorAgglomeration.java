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
 * <p>Scans read the centers from a copy by position, one array per coordinate, and compute a
 * piece of distances with one loop per coordinate, which the compiler vectorises; a merged
 * cluster's position is marked dead (+∞) rather than removed, and the dead positions are
 * squeezed out once they outnumber the live ones. Ward's division is paid only by candidates
 * that a lower bound on its factor cannot rule out. Every dissimilarity is still summed in
 * coordinate order, and scans still run in increasing slot order with strict comparisons, so
 * the tree is bit for bit the one of a plain scan over the live clusters.
 *
 * <p>The long scans (every cluster's nearest neighbour at the start; a nearest-neighbour
 * search over many clusters) are split over threads into contiguous blocks of the live
 * clusters, each block finding its first minimum in increasing order; the blocks are combined
 * in order with a strict comparison, which is the sequential scan's answer. The result is
 * therefore the same for any number of threads.
 */
final class VectorAgglomeration {

  /**
   * The longest run of candidates one call of the distance kernel
   * ({@link Pairwise#squaredDistances}) covers: short calls of a small method, so that a fresh JVM
   * compiles the kernel as a method, with the profile of many calls, rather than on stack
   * replacement inside the first long one, and a piece's distances stay in the first-level
   * cache for the pass that reads them.
   */
  static final int PIECE = 256;

  /** The initial pass splits over threads from this many times {@link #PARALLEL_WORK}. */
  static final long INITIAL_SPLIT = 1 << 12;

  /** Below this many candidates times d a scan runs on the calling thread alone. */
  static final int PARALLEL_WORK = 1 << 16;

  private final int n;
  private final int d;
  /** Centers by slot, row-major: the authoritative values. */
  private final double[] c;
  /** Cluster sizes by slot; 0 once a slot has merged into another. */
  private final double[] size;
  private final boolean ward;
  private final boolean median;
  /**
   * The centers again by position, one array per coordinate ({@code cols[t][position]}), so
   * that a scan runs along arrays indexed exactly like its scratch {@link #acc}: the loops
   * the compiler then vectorises. A dead position holds +∞ in its first coordinate: every
   * dissimilarity to it is +∞, which no strict comparison selects.
   */
  private final double[][] cols;
  /** Scratch dissimilarities by position; split scans write disjoint ranges of it. */
  private final double[] acc;
  /** Slots by position, increasing; positions 0 .. end-1 are in use, some of them dead. */
  private final int[] order;
  /** The position of each live slot. */
  private final int[] posOf;
  private int end;
  /** Live clusters. */
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
    this.order = new int[n];
    this.posOf = new int[n];
    this.cols = Pairwise.columns(x, n, d);
    this.acc = new double[n];
    for (int i = 0; i < n; i++) {
      size[i] = 1;
      order[i] = i;
      posOf[i] = i;
    }
    this.end = n;
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
   * A factor no greater than Ward's 2·n<sub>i</sub>n<sub>j</sub>/(n<sub>i</sub>+n<sub>j</sub>)
   * for any n<sub>j</sub> &ge; 1, as computed (1 for centroid and median): s times it is below
   * a bound whenever the dissimilarity is, since rounding is monotone, so only those
   * candidates pay for the division.
   */
  private double leastFactor(int i) {
    if (!ward) {
      return 1;
    }
    double ni = size[i];
    return 2.0 * ni / (ni + 1) * (1 - 0x1p-40);
  }

  /** Ward's dissimilarity from squared distance s between clusters of sizes ni and nj. */
  private static double wardOf(double ni, double nj, double s) {
    return 2.0 * ni * nj / (ni + nj) * s;
  }

  /**
   * The first live cluster at positions {@code from .. to-1} of least dissimilarity to i;
   * its dissimilarity in {@code out[slot]}, or -1 and +∞. Positions never include i's own
   * (every caller scans above it). In pieces of at most {@link #PIECE} positions: the
   * distances of a piece, then one pass over them in order with a strict comparison, the
   * answer of one sequential scan. {@code work} holds the distances by position.
   *
   * <p>The comparison with the minimum so far is written without a branch: in the initial
   * pass every candidate that passes Ward's bound also wins (the factor is exactly 1 between
   * single points), and a branch compiled as never failing there made the compiled scan trap
   * back to the interpreter when the main loop's first candidate failed it.
   */
  private int scan(int i, int from, int to, double[] out, int slot, double[] work) {
    double m = Double.POSITIVE_INFINITY;
    int best = -1;
    double g = leastFactor(i);
    double ni = size[i];
    boolean w = ward;
    int[] ord = order;
    for (int lo = from; lo < to; lo += PIECE) {
      int hi = Math.min(to, lo + PIECE);
      Pairwise.squaredDistances(c, i * d, d, cols, lo, hi, work);
      int at = -1;
      for (int k = lo; k < hi; k++) {
        double s = work[k];
        if (s * g < m) {
          double e = w ? wardOf(ni, size[ord[k]], s) : s;
          // Branch-free: -1 if e < m (e - m is negative exactly then, both finite or m +∞).
          long win = Double.doubleToRawLongBits(e - m) >> 63;
          m = Math.min(e, m);
          at = (int) ((at & ~win) | (k & win));
        }
      }
      if (at >= 0) {
        best = order[at];
      }
    }
    out[slot] = m;
    return best;
  }

  /** {@link #scan} over threads when the range is long; the same answer either way. */
  private int nearest(int i, int from, int to, double[] out, int slot) {
    int len = to - from;
    if (threads < 2 || (long) len * d < parallelWork) {
      return scan(i, from, to, out, slot, acc);
    }
    int blocks = blockBest.length;
    if (parallel == null) {
      parallel = Chunks.ofSize(blocks, 1, threads);
    }
    parallel.forEach(b -> {
      int lo = from + (int) ((long) len * b / blocks);
      int hi = from + (int) ((long) len * (b + 1) / blocks);
      blockBest[b] = scan(i, lo, hi, blockMin, b, acc);
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

  /** Marks slot p's position dead; its slot is already empty (size 0). */
  private void remove(int p) {
    cols[0][posOf[p]] = Double.POSITIVE_INFINITY;
    count--;
  }

  /**
   * Drops the dead positions once they outnumber the live ones, keeping the slots' order:
   * O(n·d) each time, O(n·d·log n) over a fit, so a scan never covers more than twice the
   * live clusters.
   */
  private void compactIfSparse() {
    if (end - count <= count) {
      return;
    }
    int w = 0;
    for (int r = 0; r < end; r++) {
      int s = order[r];
      if (size[s] > 0) {
        order[w] = s;
        posOf[s] = w;
        for (int t = 0; t < d; t++) {
          cols[t][w] = c[s * d + t];
        }
        w++;
      }
    }
    end = w;
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
    int at = posOf[q];
    for (int t = 0; t < d; t++) {
      cols[t][at] = c[qo + t];
    }
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
        neighbor[p] = nearest(p, posOf[p] + 1, end, minDist, p);
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
      int pp = posOf[p];
      remove(p);
      redirect(order, pp, neighbor, p, q);
      // Ward is reducible: d(z, p∪q) >= min(d(z,p), d(z,q)). For z < p both lie above z, so
      // minDist[z], a bound on the distances to clusters above z, stays valid; only z between
      // p and q need a look. Centroid and median are not reducible: every z below q does.
      int qq = posOf[q];
      int lowered = lowerBounds(q, ward ? pp : 0, qq, neighbor, minDist, changed);
      for (int s = 0; s < lowered; s++) {
        int z = changed[s];
        heap.change(z, minDist[z]);
      }
      // Slot n-1 is never merged away (a union takes the higher slot), so only it has no
      // cluster above.
      if (q != n - 1) {
        neighbor[q] = nearest(q, qq + 1, end, minDist, q);
        heap.change(q, minDist[q]);
      }
      compactIfSparse();
    }
    return new Dendrogram(n, left, right, h, sz);
  }

  /** Clusters at positions 0 .. to-1 whose candidate was p now point to q (dead ones too). */
  private static void redirect(int[] order, int to, int[] neighbor, int p, int q) {
    for (int s = 0; s < to; s++) {
      int z = order[s];
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
   * the heap's code out of this kernel's. A dead position's +∞ lowers nothing.
   */
  private int lowerBounds(int q, int from, int to, int[] neighbor, double[] minDist, int[] changed) {
    int k = 0;
    double g = leastFactor(q);
    double nq = size[q];
    boolean w = ward;
    double[] work = acc;
    int[] ord = order;
    for (int lo = from; lo < to; lo += PIECE) {
      int hi = Math.min(to, lo + PIECE);
      Pairwise.squaredDistances(c, q * d, d, cols, lo, hi, work);
      for (int j = lo; j < hi; j++) {
        double s = work[j];
        int z = ord[j];
        double bound = minDist[z];
        if (s * g < bound) {
          double e = w ? wardOf(nq, size[z], s) : s;
          if (e < bound) {
            neighbor[z] = q;
            minDist[z] = e;
            changed[k++] = z;
          }
        }
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
        double[] work = blocks == 1 ? acc : new double[n];
        for (int i = start[b]; i < start[b + 1]; i++) {
          neighbor[i] = scan(i, i + 1, n, minDist, i, work);
        }
      });
    }
  }
}

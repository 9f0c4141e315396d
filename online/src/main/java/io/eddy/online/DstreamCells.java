package io.eddy.online;

import java.util.Arrays;

/**
 * A set of grid cells of a fixed dimension, each an integer coordinate vector, indexed by an
 * open-addressing hash table so that a point's cell is found without allocating.
 *
 * <p>Cells are kept densely in insertion order ({@code 0..size()-1}); {@link #retain} removes
 * cells while keeping the order of the rest, so owners keep per-cell values in parallel arrays
 * and compact them with the same flags. A cell can also be taken out of the index alone
 * ({@link #unindex}), leaving a hole at its position that {@link #compact} closes later, so that
 * removing one cell among thousands costs O(1) and closing the holes is paid once they are as
 * many as the cells held. Arrays grow only when the size reaches a new maximum.
 *
 * <p>A linked set also keeps, for every cell, the positions of its 2d face neighbours (the
 * cells that differ by one in exactly one coordinate), updated when a cell is added, taken out
 * or moved, so that a search over neighbours reads them instead of hashing 2d coordinate
 * vectors per cell visited; adding a cell then costs 2d look-ups.
 * Not thread-safe; a {@link DstreamModel} owns one it never changes after construction.
 */
final class DstreamCells {

  private final int d;
  private long[] coords;
  private int size;
  /** Slot holds cell index + 1, or 0 when empty; the length is a power of two. */
  private int[] index;
  /** Scratch of {@link #retain} and {@link #compact}: the new index of each cell, or -1. */
  private int[] remap = new int[0];
  /** Cells taken out of the index by {@link #unindex}, not yet compacted away. */
  private boolean[] gone;
  private int holes;
  /** Per cell, 2d slots: the position of the neighbour on side {@code 2j + (step + 1) / 2}, or -1; null when unlinked. */
  private int[] links;

  DstreamCells(int d, int capacity) {
    this(d, capacity, false);
  }

  /** An empty set; {@code linked} keeps every cell's face neighbours (see the class comment). */
  DstreamCells(int d, int capacity, boolean linked) {
    this.d = d;
    // exactly the capacity asked for: an empty set of a large dimension costs nothing
    this.coords = new long[capacity * d];
    this.index = new int[tableSize(capacity)];
    this.gone = new boolean[capacity];
    this.links = linked ? new int[capacity * 2 * d] : null;
  }

  /**
   * The position of cell i's neighbour by {@code step} (±1) in coordinate j, that is on side
   * {@code 2j + (step + 1) / 2}, or -1 if none is held; a linked set only. O(1).
   */
  int neighbour(int i, int side) {
    return links[i * 2 * d + side];
  }

  private static int tableSize(int cells) {
    return Integer.highestOneBit(Math.max(8, cells) * 2 - 1) << 1;
  }

  /** The number of positions, holes included. */
  int size() {
    return size;
  }

  /** The number of holes left by {@link #unindex}. */
  int holes() {
    return holes;
  }

  /** Whether position i is a hole. */
  boolean isGone(int i) {
    return gone[i];
  }

  int capacity() {
    return coords.length / Math.max(1, d);
  }

  /** Coordinate j of cell i. */
  long coord(int i, int j) {
    return coords[i * d + j];
  }

  /** The cell index {@code floor(x / width)} of one coordinate, saturated to the long range. */
  static long cellOf(double x, double width) {
    return (long) Math.floor(x / width);
  }

  /** The index of the cell with these coordinates, or -1. */
  int find(long[] cell) {
    int mask = index.length - 1;
    for (int s = hash(cell) & mask; ; s = (s + 1) & mask) {
      int e = index[s];
      if (e == 0) {
        return -1;
      }
      if (equalsAt(e - 1, cell)) {
        return e - 1;
      }
    }
  }

  /** The index of the cell that contains point x for cells of the given width, or -1. */
  int find(double[] x, double width) {
    long h = 0;
    for (int j = 0; j < d; j++) {
      h = mix(h, cellOf(x[j], width));
    }
    int mask = index.length - 1;
    for (int s = finish(h) & mask; ; s = (s + 1) & mask) {
      int e = index[s];
      if (e == 0) {
        return -1;
      }
      int off = (e - 1) * d;
      boolean same = true;
      for (int j = 0; j < d && same; j++) {
        same = coords[off + j] == cellOf(x[j], width);
      }
      if (same) {
        return e - 1;
      }
    }
  }

  private boolean equalsAt(int i, long[] cell) {
    int off = i * d;
    for (int j = 0; j < d; j++) {
      if (coords[off + j] != cell[j]) {
        return false;
      }
    }
    return true;
  }

  /** Appends a cell that is not in the set and returns its index. */
  int add(long[] cell) {
    if (size == capacity()) {
      int cap = Math.max(8, 2 * size);
      coords = Arrays.copyOf(coords, cap * d);
      gone = Arrays.copyOf(gone, cap);
      if (links != null) {
        links = Arrays.copyOf(links, cap * 2 * d);
      }
      index = new int[tableSize(cap)];
      rebuild();
    }
    System.arraycopy(cell, 0, coords, size * d, d);
    gone[size] = false;
    insert(size);
    if (links != null) {
      link(size, cell);
    }
    return size++;
  }

  /** Fills the links of the new cell i (coordinates {@code cell}) and its neighbours' back links. */
  private void link(int i, long[] cell) {
    int base = i * 2 * d;
    for (int j = 0; j < d; j++) {
      for (int side = 2 * j; side <= 2 * j + 1; side++) {
        long step = side == 2 * j ? -1 : 1;
        int k = -1;
        // a saturated coordinate has no neighbour beyond it
        if (cell[j] != (step > 0 ? Long.MAX_VALUE : Long.MIN_VALUE)) {
          cell[j] += step;
          k = find(cell);
          cell[j] -= step;
        }
        links[base + side] = k;
        if (k >= 0) {
          links[k * 2 * d + (side ^ 1)] = i;
        }
      }
    }
  }

  /** Clears the back links of cell i's neighbours, as it leaves the set. */
  private void unlink(int i) {
    int base = i * 2 * d;
    for (int side = 0; side < 2 * d; side++) {
      int k = links[base + side];
      if (k >= 0) {
        links[k * 2 * d + (side ^ 1)] = -1;
      }
    }
  }

  /** Moves the links of the cells kept to their new positions ({@link #remap}, -1 for a cell gone). */
  private void relink(int oldSize) {
    int w = 2 * d;
    for (int i = 0; i < oldSize; i++) {
      int to = remap[i];
      if (to < 0) {
        continue;
      }
      for (int side = 0; side < w; side++) {
        int k = links[i * w + side];
        // a neighbour that left was unlinked by unindex, or is dropped by retain here
        links[to * w + side] = k < 0 ? -1 : remap[k];
      }
    }
  }

  private void insert(int i) {
    int mask = index.length - 1;
    int s = hashAt(i) & mask;
    while (index[s] != 0) {
      s = (s + 1) & mask;
    }
    index[s] = i + 1;
  }

  private void rebuild() {
    Arrays.fill(index, 0);
    for (int i = 0; i < size; i++) {
      if (!gone[i]) {
        insert(i);
      }
    }
  }

  /**
   * Keeps the cells whose flag is set, in order, and forgets the rest; {@code keep} has at
   * least {@link #size()} entries. The set must hold no holes ({@link #compact} first).
   *
   * @return the new size
   */
  int retain(boolean[] keep) {
    if (holes > 0) {
      throw new IllegalStateException("retain with " + holes + " holes");
    }
    if (remap.length < size) {
      remap = new int[index.length];
    }
    int kept = 0;
    for (int i = 0; i < size; i++) {
      remap[i] = keep[i] ? kept++ : -1;
    }
    if (kept == size) {
      return kept;
    }
    // Few removals (D-Stream's adjustments delete a grid or two among hundreds): take them out
    // of the table and renumber the rest in place, rather than hashing every cell again.
    if (4 * (size - kept) < size) {
      for (int i = 0; i < size; i++) {
        if (remap[i] < 0) {
          remove(i);
        }
      }
      for (int s = 0; s < index.length; s++) {
        if (index[s] != 0) {
          index[s] = remap[index[s] - 1] + 1;
        }
      }
    }
    for (int i = 0; i < size; i++) {
      if (remap[i] >= 0 && remap[i] != i) {
        System.arraycopy(coords, i * d, coords, remap[i] * d, d);
      }
    }
    if (links != null) {
      relink(size);
    }
    boolean few = 4 * (size - kept) < size;
    size = kept;
    if (!few) {
      rebuild();
    }
    return kept;
  }

  /**
   * Takes cell i out of the index, leaving a hole at its position: it is no longer found, its
   * coordinates stay readable until {@link #compact}, and the other cells keep their positions.
   */
  void unindex(int i) {
    remove(i);
    if (links != null) {
      unlink(i);
    }
    gone[i] = true;
    holes++;
  }

  /**
   * Closes the holes, keeping the order of the cells held, and returns the new position of every
   * old one (-1 for a hole) in an array owned by this set, valid until the next call, so owners
   * move their parallel arrays the same way. O(size·d): the index is rebuilt.
   */
  int[] compact() {
    if (remap.length < size) {
      remap = new int[index.length];
    }
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (gone[i]) {
        remap[i] = -1;
        continue;
      }
      remap[i] = kept;
      if (kept != i) {
        System.arraycopy(coords, i * d, coords, kept * d, d);
      }
      kept++;
    }
    if (links != null) {
      relink(size);
    }
    Arrays.fill(gone, 0, size, false);
    size = kept;
    holes = 0;
    rebuild();
    return remap;
  }

  /**
   * Takes cell i out of the hash table by backward-shift deletion, so that the probe sequence of
   * every other cell stays unbroken; the coordinates stay where they are.
   */
  private void remove(int i) {
    int mask = index.length - 1;
    int s = hashAt(i) & mask;
    while (index[s] != i + 1) {
      s = (s + 1) & mask;
    }
    for (int j = (s + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
      int home = hashAt(index[j] - 1) & mask;
      // the entry at j may move to the hole at s unless its home lies cyclically in (s, j]
      boolean stays = s < j ? (home > s && home <= j) : (home > s || home <= j);
      if (!stays) {
        index[s] = index[j];
        s = j;
      }
    }
    index[s] = 0;
  }

  /** The coordinates of every cell held (holes skipped), row-major, as a new array. */
  long[] coordinates() {
    if (holes == 0) {
      return Arrays.copyOf(coords, size * d);
    }
    long[] out = new long[(size - holes) * d];
    for (int i = 0, k = 0; i < size; i++) {
      if (!gone[i]) {
        System.arraycopy(coords, i * d, out, k++ * d, d);
      }
    }
    return out;
  }

  private int hashAt(int i) {
    long h = 0;
    for (int j = 0, off = i * d; j < d; j++) {
      h = mix(h, coords[off + j]);
    }
    return finish(h);
  }

  private int hash(long[] cell) {
    long h = 0;
    for (int j = 0; j < d; j++) {
      h = mix(h, cell[j]);
    }
    return finish(h);
  }

  private static long mix(long h, long c) {
    return (h + c) * 0x9E3779B97F4A7C15L;
  }

  private static int finish(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    return (int) h;
  }
}

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

  DstreamCells(int d, int capacity) {
    this.d = d;
    // exactly the capacity asked for: an empty set of a large dimension costs nothing
    this.coords = new long[capacity * d];
    this.index = new int[tableSize(capacity)];
    this.gone = new boolean[capacity];
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
      index = new int[tableSize(cap)];
      rebuild();
    }
    System.arraycopy(cell, 0, coords, size * d, d);
    gone[size] = false;
    insert(size);
    return size++;
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

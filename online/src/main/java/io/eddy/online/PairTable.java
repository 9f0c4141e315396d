package io.eddy.online;

import java.util.Arrays;

/**
 * An open-addressing hash table from an unordered pair of micro-cluster ids to a faded value
 * and the time it was last updated: DBSTREAM's shared-density graph, kept sparse because each
 * micro-cluster has only a bounded number of neighbours at least r apart.
 *
 * <p>Linear probing with backward-shift deletion, so there are no tombstones and a table that
 * stops growing stops allocating. Keys are stored with {@code a < b}. Not thread-safe.
 */
final class PairTable {

  private static final long EMPTY = -1L;

  private long[] keyA;
  private long[] keyB;
  private double[] value;
  private double[] time;
  private int size;
  private int mask;

  PairTable() {
    allocate(16);
  }

  private void allocate(int capacity) {
    keyA = new long[capacity];
    keyB = new long[capacity];
    value = new double[capacity];
    time = new double[capacity];
    Arrays.fill(keyA, EMPTY);
    mask = capacity - 1;
    size = 0;
  }

  int size() {
    return size;
  }

  /** The number of slots; iterate slots {@code 0..capacity()-1} and skip empty ones. */
  int capacity() {
    return keyA.length;
  }

  boolean occupied(int slot) {
    return keyA[slot] != EMPTY;
  }

  long a(int slot) {
    return keyA[slot];
  }

  long b(int slot) {
    return keyB[slot];
  }

  double value(int slot) {
    return value[slot];
  }

  double time(int slot) {
    return time[slot];
  }

  void set(int slot, double v, double t) {
    value[slot] = v;
    time[slot] = t;
  }

  private static int hash(long a, long b) {
    long h = a * 0x9E3779B97F4A7C15L + b;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (int) h;
  }

  /** The slot of pair {@code (a, b)} with {@code a < b}, or -1. */
  int find(long a, long b) {
    int i = hash(a, b) & mask;
    while (true) {
      long ka = keyA[i];
      if (ka == EMPTY) {
        return -1;
      }
      if (ka == a && keyB[i] == b) {
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * The slot of pair {@code (a, b)} with {@code a < b}, inserting it with value 0 and time 0
   * if absent (check with {@link #find} first when the difference matters).
   */
  int insert(long a, long b) {
    if ((size + 1) * 2 > keyA.length) {
      grow();
    }
    int i = hash(a, b) & mask;
    while (true) {
      long ka = keyA[i];
      if (ka == EMPTY) {
        keyA[i] = a;
        keyB[i] = b;
        value[i] = 0;
        time[i] = 0;
        size++;
        return i;
      }
      if (ka == a && keyB[i] == b) {
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Removes the entry in {@code slot}. A later entry may move into {@code slot}, so a caller
   * iterating over slots must look at the same slot again.
   */
  void removeAt(int slot) {
    int hole = slot;
    int i = slot;
    while (true) {
      i = (i + 1) & mask;
      long ka = keyA[i];
      if (ka == EMPTY) {
        break;
      }
      int home = hash(ka, keyB[i]) & mask;
      // The entry at i may fill the hole unless its home lies cyclically in (hole, i].
      boolean stays = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
      if (!stays) {
        keyA[hole] = ka;
        keyB[hole] = keyB[i];
        value[hole] = value[i];
        time[hole] = time[i];
        hole = i;
      }
    }
    keyA[hole] = EMPTY;
    size--;
  }

  void clear() {
    Arrays.fill(keyA, EMPTY);
    size = 0;
  }

  private void grow() {
    long[] oa = keyA;
    long[] ob = keyB;
    double[] ov = value;
    double[] ot = time;
    allocate(oa.length * 2);
    for (int i = 0; i < oa.length; i++) {
      if (oa[i] != EMPTY) {
        int s = insert(oa[i], ob[i]);
        value[s] = ov[i];
        time[s] = ot[i];
      }
    }
  }

  /** The occupied slots ordered by (a, b): a canonical order for writing and reclustering. */
  int[] sortedSlots() {
    int[] slots = new int[size];
    int n = 0;
    for (int i = 0; i < keyA.length; i++) {
      if (keyA[i] != EMPTY) {
        slots[n++] = i;
      }
    }
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = slots[i];
    }
    Arrays.sort(boxed, (x, y) -> keyA[x] != keyA[y] ? Long.compare(keyA[x], keyA[y])
        : Long.compare(keyB[x], keyB[y]));
    for (int i = 0; i < n; i++) {
      slots[i] = boxed[i];
    }
    return slots;
  }
}

package io.eddy.hierarchy;

/**
 * A binary min-heap of values keyed by 0..size-1, with O(log n) change of any key's value:
 * the priority queue of the generic algorithm. Children of slot i are 2i+1 and 2i+2; a value
 * moves only past strictly larger (sifting up) or strictly smaller (sifting down) ones, and
 * of two equal children the left is preferred, so ties resolve the same way on every run.
 *
 * <p>The slot after the last holds +∞, so that a last child without a right sibling needs no
 * test of its own (a right sibling of +∞ is never preferred): a branch that is rarely taken
 * made the compiled code trap back to the interpreter and be compiled again.
 */
final class IndexedHeap {

  private final int[] slotOfKey;
  private final int[] keyOfSlot;
  private final double[] values;
  private int size;

  IndexedHeap(double[] initial, int size) {
    this.size = size;
    this.slotOfKey = new int[Math.max(size, 1)];
    this.keyOfSlot = new int[Math.max(size, 1)];
    this.values = new double[size + 1];
    for (int i = 0; i < size; i++) {
      slotOfKey[i] = i;
      keyOfSlot[i] = i;
      values[i] = initial[i];
    }
    values[size] = Double.POSITIVE_INFINITY;
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftDown(i);
    }
  }

  int minKey() {
    return keyOfSlot[0];
  }

  double minValue() {
    return values[0];
  }

  void removeMin() {
    swap(0, size - 1);
    size--;
    values[size] = Double.POSITIVE_INFINITY;
    siftDown(0);
  }

  void change(int key, double value) {
    int slot = slotOfKey[key];
    double old = values[slot];
    values[slot] = value;
    if (value < old) {
      siftUp(slot);
    } else {
      siftDown(slot);
    }
  }

  private void siftUp(int slot) {
    while (slot > 0) {
      int parent = (slot - 1) >> 1;
      if (!(values[parent] > values[slot])) {
        return;
      }
      swap(slot, parent);
      slot = parent;
    }
  }

  private void siftDown(int slot) {
    int child = 2 * slot + 1;
    while (child < size) {
      if (values[child + 1] < values[child]) {
        child++;
      }
      if (values[slot] > values[child]) {
        swap(slot, child);
        slot = child;
        child = 2 * slot + 1;
      } else {
        return;
      }
    }
  }

  private void swap(int i, int j) {
    double v = values[i];
    values[i] = values[j];
    values[j] = v;
    int ki = keyOfSlot[i];
    int kj = keyOfSlot[j];
    keyOfSlot[i] = kj;
    keyOfSlot[j] = ki;
    slotOfKey[ki] = j;
    slotOfKey[kj] = i;
  }
}

package io.eddy.flink;

import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;

/**
 * Routes events to learner slots, one slot per parallel subtask. Flink places a key on a
 * subtask by hashing it into key groups, so the keys 0..p-1 would crowd some subtasks and
 * leave others idle; instead each slot's key is the smallest integer that Flink places on that
 * slot's subtask. An event's slot comes from a mix of its id, so an id always meets the same
 * learner and assigner.
 */
final class Slots implements KeySelector<Event, Integer> {

  private static final long serialVersionUID = 1L;

  private final int[] keys;

  private Slots(int[] keys) {
    this.keys = keys;
  }

  /** Slots for {@code parallelism} subtasks under {@code maxParallelism} key groups. */
  static Slots of(int parallelism, int maxParallelism) {
    int[] keys = new int[parallelism];
    boolean[] found = new boolean[parallelism];
    int left = parallelism;
    for (int key = 0; left > 0; key++) {
      int subtask = KeyGroupRangeAssignment.assignKeyToParallelOperator(key, maxParallelism, parallelism);
      if (!found[subtask]) {
        found[subtask] = true;
        keys[subtask] = key;
        left--;
      }
    }
    return new Slots(keys);
  }

  @Override
  public Integer getKey(Event e) {
    // Fibonacci hashing: consecutive ids spread evenly over the slots.
    long h = e.id * 0x9E3779B97F4A7C15L;
    return keys[(int) ((h >>> 32) % keys.length)];
  }
}

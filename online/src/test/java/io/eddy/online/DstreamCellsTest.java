package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DstreamCellsTest {

  /**
   * Rounds of adds and removals, few (removed from the table in place) or many (the table is
   * rebuilt), against a plain list: every cell is found at its position in the list, and cells
   * no longer held are not found.
   */
  @Test
  public void retain_fewOrManyRemovals_keepsOrderAndIndex() {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int d : new int[] {1, 2, 3}) {
      DstreamCells cells = new DstreamCells(d, 4);
      List<long[]> held = new ArrayList<>();
      List<long[]> gone = new ArrayList<>();
      for (int round = 0; round < 300; round++) {
        for (int a = rnd.nextInt(1, 20); a > 0; a--) {
          long[] c = new long[d];
          for (int j = 0; j < d; j++) {
            c[j] = rnd.nextInt(-6, 6); // a small space: colliding probe sequences
          }
          if (cells.find(c) < 0) {
            assertThat(cells.add(c)).isEqualTo(held.size());
            held.add(c);
            gone.removeIf(g -> java.util.Arrays.equals(g, c));
          }
        }
        double drop = round % 3 == 0 ? 0.6 : 0.05;
        boolean[] keep = new boolean[held.size()];
        List<long[]> next = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
          keep[i] = rnd.nextDouble() >= drop;
          (keep[i] ? next : gone).add(held.get(i));
        }
        assertThat(cells.retain(keep)).isEqualTo(next.size());
        held = next;
        assertThat(cells.size()).isEqualTo(held.size());
        for (int i = 0; i < held.size(); i++) {
          assertThat(cells.find(held.get(i))).isEqualTo(i);
          for (int j = 0; j < d; j++) {
            assertThat(cells.coord(i, j)).isEqualTo(held.get(i)[j]);
          }
        }
        for (long[] g : gone) {
          assertThat(cells.find(g)).isEqualTo(-1);
        }
      }
    }
  }
}

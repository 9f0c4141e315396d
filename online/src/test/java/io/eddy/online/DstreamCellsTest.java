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
          long[] c = randomCell(rnd, d, 6); // a small space: colliding probe sequences
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

  /**
   * Cells taken out of the index one by one leave holes that keep every other position; compact
   * closes them in order and reports where each cell went; adds after either keep working.
   */
  @Test
  public void unindexAndCompact_keepOrderPositionsAndIndex() {
    SplittableRandom rnd = new SplittableRandom(9);
    for (int d : new int[] {1, 3}) {
      DstreamCells cells = new DstreamCells(d, 4);
      List<long[]> at = new ArrayList<>(); // by position; null for a hole
      for (int round = 0; round < 200; round++) {
        for (int a = rnd.nextInt(1, 15); a > 0; a--) {
          long[] c = randomCell(rnd, d, 5);
          if (cells.find(c) < 0) {
            assertThat(cells.add(c)).isEqualTo(at.size());
            at.add(c);
          }
        }
        for (int i = 0; i < at.size(); i++) {
          if (at.get(i) != null && rnd.nextDouble() < 0.2) {
            long[] c = at.get(i);
            cells.unindex(i);
            at.set(i, null);
            assertThat(cells.find(c)).isEqualTo(-1);
            for (int j = 0; j < d; j++) {
              assertThat(cells.coord(i, j)).as("a hole keeps its coordinates").isEqualTo(c[j]);
            }
          }
        }
        int holes = 0;
        for (int i = 0; i < at.size(); i++) {
          assertThat(cells.isGone(i)).isEqualTo(at.get(i) == null);
          if (at.get(i) == null) {
            holes++;
          } else {
            assertThat(cells.find(at.get(i))).isEqualTo(i);
          }
        }
        assertThat(cells.holes()).isEqualTo(holes);
        if (round % 4 == 3) {
          int n = at.size();
          int[] to = cells.compact();
          List<long[]> next = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            assertThat(to[i]).isEqualTo(at.get(i) == null ? -1 : next.size());
            if (at.get(i) != null) {
              next.add(at.get(i));
            }
          }
          at = next;
          assertThat(cells.size()).isEqualTo(at.size());
          assertThat(cells.holes()).isZero();
          for (int i = 0; i < at.size(); i++) {
            assertThat(cells.find(at.get(i))).isEqualTo(i);
          }
        }
      }
    }
  }

  /**
   * A linked set's neighbour slots name, after any mix of adds, holes, compactions and
   * retains, exactly the cells a hash look-up of the neighbouring coordinates finds.
   */
  @Test
  public void links_matchLookUps_throughAddsHolesCompactionsAndRetains() {
    SplittableRandom rnd = new SplittableRandom(17);
    for (int d : new int[] {1, 2, 3}) {
      DstreamCells cells = new DstreamCells(d, 2, true);
      for (int round = 0; round < 300; round++) {
        for (int a = rnd.nextInt(1, 12); a > 0; a--) {
          long[] c = randomCell(rnd, d, 4);
          if (cells.find(c) < 0) {
            cells.add(c);
          }
        }
        if (round % 5 == 4) {
          cells.compact(); // retain takes a set without holes
          boolean[] keep = new boolean[cells.size()];
          for (int i = 0; i < keep.length; i++) {
            keep[i] = rnd.nextDouble() < (round % 2 == 0 ? 0.9 : 0.4);
          }
          cells.retain(keep);
        } else {
          for (int i = 0; i < cells.size(); i++) {
            if (!cells.isGone(i) && rnd.nextDouble() < 0.15) {
              cells.unindex(i);
            }
          }
          if (round % 5 == 2) {
            cells.compact();
          }
        }
        long[] at = new long[d];
        for (int i = 0; i < cells.size(); i++) {
          if (cells.isGone(i)) {
            continue;
          }
          for (int side = 0; side < 2 * d; side++) {
            for (int j = 0; j < d; j++) {
              at[j] = cells.coord(i, j);
            }
            at[side / 2] += side % 2 == 0 ? -1 : 1;
            assertThat(cells.neighbour(i, side)).as("cell %d side %d", i, side)
                .isEqualTo(cells.find(at));
          }
        }
      }
    }
  }

  /** A cell of {@code d} coordinates drawn from [-bound, bound). */
  private static long[] randomCell(SplittableRandom rnd, int d, int bound) {
    long[] c = new long[d];
    for (int j = 0; j < d; j++) {
      c[j] = rnd.nextInt(-bound, bound);
    }
    return c;
  }
}

package io.eddy.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitMix64Test {

  @Test
  void nextLong_matchesTheReferenceSequence() {
    // The first outputs of Vigna's splitmix64.c from seed 1234567, as unsigned decimals.
    SplitMix64 g = new SplitMix64(1234567);
    String[] expected = {"6457827717110365317", "3203168211198807973", "9817491932198370423",
        "4593380528125082431", "16408922859458223821"};
    for (String e : expected) {
      assertThat(Long.toUnsignedString(g.nextLong())).isEqualTo(e);
    }
  }

  @Test
  void nextLong_sameSequenceAsSplittableRandom() {
    for (long seed : new long[] {0, 42, -1, Long.MIN_VALUE}) {
      SplitMix64 g = new SplitMix64(seed);
      SplittableRandom r = new SplittableRandom(seed);
      for (int i = 0; i < 1000; i++) {
        assertThat(g.nextLong()).isEqualTo(r.nextLong());
      }
    }
  }

  @Test
  void nextInt_pinnedSequence() {
    // Mini-batch k-means draws its batches and reassignments with these; a change here would
    // change every fitted model and every restored learner's continuation.
    SplitMix64 g = new SplitMix64(42);
    int[] bounds = {1, 2, 3, 7, 10, 1000, 1 << 30, Integer.MAX_VALUE, 5, 1_000_003};
    int[] expected = {0, 0, 0, 2, 0, 868, 234510791, 1719343862, 1, 618483};
    for (int i = 0; i < bounds.length; i++) {
      assertThat(g.nextInt(bounds[i])).as("draw %d", i).isEqualTo(expected[i]);
    }
    assertThat(g.state()).isEqualTo(3326683750974675196L);
  }

  @Test
  void state_restoredGeneratorContinuesTheSequence() {
    SplitMix64 g = new SplitMix64(7);
    for (int i = 0; i < 13; i++) {
      g.nextInt(100);
    }
    SplitMix64 copy = new SplitMix64(g.state());
    for (int i = 0; i < 100; i++) {
      assertThat(copy.nextLong()).isEqualTo(g.nextLong());
    }
  }

  @Test
  void nextInt_uniformOverASmallRange() {
    // Chi-square with 6 degrees of freedom: 22.46 is its 0.999 quantile.
    SplitMix64 g = new SplitMix64(3);
    int n = 70_000;
    int[] counts = new int[7];
    for (int i = 0; i < n; i++) {
      counts[g.nextInt(7)]++;
    }
    double chi2 = 0;
    for (int c : counts) {
      double e = n / 7.0;
      chi2 += (c - e) * (c - e) / e;
    }
    assertThat(chi2).isLessThan(22.46);
  }

  @Test
  void nextInt_badBound_rejected() {
    SplitMix64 g = new SplitMix64(1);
    assertThatThrownBy(() -> g.nextInt(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bound");
    assertThat(g.state()).isEqualTo(1);
  }
}

package io.eddy.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ChunksTest {

  @Test
  void ofSize_partitionCoversEveryPointOnceInOrder() {
    for (int n : new int[] {0, 1, 1023, 1024, 1025, 10_000}) {
      try (Chunks c = Chunks.ofSize(n, 1024, 3)) {
        assertThat(c.count).isEqualTo(Math.max(1, (n + 1023) / 1024));
        AtomicIntegerArray hits = new AtomicIntegerArray(Math.max(n, 1));
        c.forEach(chunk -> {
          for (int i = c.start(chunk); i < c.end(chunk); i++) {
            hits.incrementAndGet(i);
          }
        });
        for (int i = 0; i < n; i++) {
          assertThat(hits.get(i)).as("point %d of %d", i, n).isEqualTo(1);
        }
        assertThat(c.start(0)).isZero();
        assertThat(c.end(c.count - 1)).isEqualTo(n);
      }
    }
  }

  @Test
  void forPartials_boundsChunkCountAndSizeWhateverTheThreads() {
    try (Chunks one = Chunks.forPartials(1_000_000, 100, 1); Chunks four = Chunks.forPartials(1_000_000, 100, 4)) {
      assertThat(one.count).isEqualTo(Chunks.MAX_CHUNKS).isEqualTo(four.count);
      assertThat(one.size).isEqualTo(four.size);
    }
    try (Chunks small = Chunks.forPartials(1000, 100, 4)) {
      assertThat(small.size).isEqualTo(Chunks.MIN_CHUNK);
      assertThat(small.count).isEqualTo(4);
    }
    // 2^22 doubles of partials in all: partials of 2^20 doubles allow 4 chunks.
    try (Chunks big = Chunks.forPartials(1_000_000, 1 << 20, 4)) {
      assertThat(big.count).isEqualTo(4);
    }
  }

  @Test
  void forEach_chunkOrderReductionIsIdenticalOnAnyThreadCount() {
    SplittableRandom r = new SplittableRandom(1);
    double[] x = new double[100_003];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextDouble() * Math.pow(10, r.nextInt(-8, 9));
    }
    long expected = 0;
    for (int threads = 1; threads <= 4; threads++) {
      try (Chunks c = Chunks.ofSize(x.length, 1000, threads)) {
        double[] partial = new double[c.count];
        c.forEach(chunk -> {
          double s = 0;
          for (int i = c.start(chunk); i < c.end(chunk); i++) {
            s += x[i];
          }
          partial[chunk] = s;
        });
        double total = 0;
        for (double p : partial) {
          total += p;
        }
        if (threads == 1) {
          expected = Double.doubleToRawLongBits(total);
        }
        assertThat(Double.doubleToRawLongBits(total)).as("%d threads", threads).isEqualTo(expected);
      }
    }
  }

  @Test
  void forEach_taskFailure_rethrownAsThrownAfterAllEnd() {
    try (Chunks c = Chunks.ofSize(10_000, 100, 3)) {
      IllegalStateException boom = new IllegalStateException("chunk 7");
      assertThatThrownBy(() -> c.forEach(chunk -> {
        if (chunk == 7) {
          throw boom;
        }
      })).isSameAs(boom);
      // The instance stays usable.
      int[] ran = new int[1];
      c.forEach(chunk -> {
        synchronized (ran) {
          ran[0]++;
        }
      });
      assertThat(ran[0]).isEqualTo(c.count);
    }
  }

  @Test
  void ofSize_badArguments_rejected() {
    assertThatThrownBy(() -> Chunks.ofSize(-1, 10, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Chunks.ofSize(10, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Chunks.threads(0)).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(Chunks.threads(3)).isEqualTo(3);
  }
}

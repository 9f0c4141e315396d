package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.ClusterModel;
import io.eddy.Clusterers;
import io.eddy.OnlineClusterer;
import io.eddy.SegmentEvent;
import io.eddy.io.ModelIO;
import io.eddy.kmeans.Centroids;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ConcurrentClustererTest {

  private static double[][] blobs(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      int c = r.nextInt(3);
      x[i] = new double[] {5 * c + r.nextGaussian() * 0.3, -5 * c + r.nextGaussian() * 0.3};
    }
    return x;
  }

  @Test
  void publication_everyNPointsOrAfterTheInterval() {
    AtomicLong now = new AtomicLong();
    ConcurrentClusterer<Centroids> c = ConcurrentClusterer.wrap(
        new SequentialKMeans(SequentialKMeans.Params.DEFAULTS.withK(3).withInit(SequentialKMeans.Init.FIRST)),
        100, Duration.ofSeconds(1), now::get);
    double[][] x = blobs(1, 1000);
    assertThatThrownBy(() -> c.predict(x[0])).isInstanceOf(IllegalStateException.class);
    for (int i = 0; i < 99; i++) {
      c.learn(x[i]);
    }
    assertThat(c.isReady()).isFalse();
    assertThat(c.seen()).isEqualTo(99);
    c.learn(x[99]);
    Centroids first = c.snapshot();
    for (int i = 100; i < 150; i++) {
      c.learn(x[i]);
    }
    assertThat(c.snapshot()).isSameAs(first);
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    c.learn(x[150]);
    assertThat(c.snapshot()).isNotSameAs(first);
    Centroids forced = c.publish();
    assertThat(c.snapshot()).isSameAs(forced);
    assertThat(c.predict(x[0])).isEqualTo(forced.predict(x[0]));
  }

  @Test
  void events_arePublishedWithTheSnapshot_andFilteredBySequence() {
    Dbstream inner = new Dbstream(Dbstream.Params.DEFAULTS.withR(1).withLambda(0.02).withTGap(50)
        .withWMin(2).withAlpha(0.1));
    ConcurrentClusterer<DbstreamModel> shared = ConcurrentClusterer.wrap(inner, 1_000_000, Duration.ofDays(1));
    SplittableRandom rng = new SplittableRandom(5);
    for (int t = 0; t < 2000; t++) {
      double cx = t < 1000 ? 0 : 10 * rng.nextInt(2);
      shared.learn(new double[] {cx + 0.3 * rng.nextGaussian(), 0.3 * rng.nextGaussian()});
    }
    // Nothing published yet: readers see no events, though the learner has some.
    assertThat(inner.events(0)).isNotEmpty();
    assertThat(shared.events(0)).isEmpty();
    assertThat(shared.lineageSequence()).isZero();

    shared.publish();
    List<SegmentEvent> all = inner.events(0);
    assertThat(shared.events(0)).isEqualTo(all);
    assertThat(shared.lineageSequence()).isEqualTo(inner.lineageSequence());
    long mid = all.get(all.size() - 1).sequence() - 1;
    assertThat(shared.events(mid)).isEqualTo(inner.events(mid)).isNotEmpty();
    assertThat(shared.events(shared.lineageSequence())).isEmpty();

    // Learning on moves the learner's events past the published ones until the next publication.
    for (int t = 0; t < 3000; t++) {
      shared.learn(new double[] {20 + 0.3 * rng.nextGaussian(), 0.3 * rng.nextGaussian()});
    }
    assertThat(inner.lineageSequence()).isGreaterThan(shared.lineageSequence());
    assertThat(shared.events(0)).isEqualTo(all);
  }

  @Test
  void events_ofAClustererWithoutLineage_areEmpty() {
    ConcurrentClusterer<Centroids> shared = ConcurrentClusterer.wrap(
        new SequentialKMeans(SequentialKMeans.Params.DEFAULTS.withK(2)), 10, Duration.ofDays(1));
    for (int t = 0; t < 100; t++) {
      shared.learn(new double[] {t % 2, t});
    }
    assertThat(shared.events(0)).isEmpty();
    assertThat(shared.lineageSequence()).isZero();
  }

  @Test
  void wrap_invalidArguments_rejected() {
    SequentialKMeans s = new SequentialKMeans(3);
    assertThatThrownBy(() -> ConcurrentClusterer.wrap(null, 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConcurrentClusterer.wrap(s, 0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConcurrentClusterer.wrap(s, 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    ConcurrentClusterer<Centroids> c = ConcurrentClusterer.wrap(s, 1, Duration.ofSeconds(1));
    assertThatThrownBy(() -> ConcurrentClusterer.wrap(c, 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.learn(new double[] {Double.NaN})).isInstanceOf(IllegalArgumentException.class);
    assertThat(c.seen()).isZero();
  }

  /**
   * Two writers and four readers on every registered online clusterer: no point is lost, no
   * reader sees an exception or a snapshot that changes under it, and readers' counts of what
   * the published snapshots hold never go backwards.
   */
  @RepeatedTest(3)
  void stress_twoWritersFourReaders_noLostPointsNoTornReads() throws Exception {
    for (String name : Clusterers.withCapability(io.eddy.Capability.ONLINE)) {
      OnlineClusterer<?> raw = Clusterers.online(name, Map.of());
      ConcurrentClusterer<?> shared = ConcurrentClusterer.wrap(raw, 500, Duration.ofMillis(5));
      double[][] x = blobs(name.hashCode(), 6000);
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      AtomicBoolean done = new AtomicBoolean();
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int offset = w;
        threads.add(new Thread(() -> {
          try {
            start.await();
            for (int i = offset; i < x.length; i += 2) {
              shared.learn(x[i]);
            }
          } catch (Throwable t) {
            failures.add(t);
          }
        }));
      }
      for (int r = 0; r < 4; r++) {
        threads.add(new Thread(() -> {
          try {
            start.await();
            ClusterModel last = null;
            while (!done.get()) {
              if (!shared.isReady()) {
                continue;
              }
              ClusterModel m = shared.snapshot();
              int[] before = m.predict(x);
              int[] again = m.predict(x);
              assertThat(again).isEqualTo(before);
              for (int label : before) {
                assertThat(label).isGreaterThanOrEqualTo(ClusterModel.NOISE);
              }
              shared.predict(x[0]);
              last = m;
            }
            assertThat(last == null || last.dimension() == 2).isTrue();
          } catch (Throwable t) {
            failures.add(t);
          }
        }));
      }
      threads.forEach(Thread::start);
      start.countDown();
      threads.get(0).join();
      threads.get(1).join();
      done.set(true);
      for (Thread t : threads) {
        t.join();
      }
      assertThat(failures).as(name).isEmpty();
      assertThat(shared.seen()).as(name + " points learned").isEqualTo(x.length);
      ByteArrayOutputStream saved = new ByteArrayOutputStream();
      shared.save(saved);
      OnlineClusterer<?> back = (OnlineClusterer<?>) ModelIO.read(new java.io.ByteArrayInputStream(saved.toByteArray()));
      assertThat(back.seen()).isEqualTo(x.length);
    }
  }
}

package io.eddy.examples;

import io.eddy.eval.ExternalIndices;
import io.eddy.features.StreamingStandardScaler;
import io.eddy.kmeans.Centroids;
import io.eddy.online.SequentialKMeans;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The main demo: a million web sessions from drifting planted segments are standardised on the
 * fly and clustered by sequential k-means, then each segment is described in original units
 * and compared with the planted truth.
 *
 * <p>Run it with {@code java -jar examples/target/eddy-examples.jar [sessions] [seed]}.
 */
public final class AudienceDemo {

  private AudienceDemo() {}

  /** What a run found. */
  public record Result(long sessions, double nanosPerSession, double agreement, Centroids model) {}

  /** Streams {@code args[0]} sessions (default 1,000,000) with seed {@code args[1]} (default 7). */
  public static void main(String[] args) {
    long sessions = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 7L;
    run(sessions, seed, System.out);
  }

  /**
   * Runs the demo and prints a report.
   *
   * @param sessions how many sessions to stream, &ge; 1,000
   * @param seed the seed of the synthetic audience and of the clusterer
   * @param out where the report goes
   * @return the figures the report shows
   */
  public static Result run(long sessions, long seed, PrintStream out) {
    if (sessions < 1_000) {
      throw new IllegalArgumentException("sessions must be >= 1000, got " + sessions);
    }
    int k = AudienceStream.SEGMENTS.length;
    int d = AudienceStream.dimension();
    AudienceStream stream = new AudienceStream(seed, sessions);
    StreamingStandardScaler scaler = new StreamingStandardScaler();
    // A constant rate forgets old behaviour (half-life of about 140 sessions per segment),
    // so the segments follow the drift instead of averaging over it.
    SequentialKMeans kmeans = new SequentialKMeans(SequentialKMeans.Params.DEFAULTS
        .withK(k).withWarmup(2_000).withLearningRate(0.005).withSeed(seed));

    double[] raw = new double[d];
    double[] z = new double[d];
    long start = System.nanoTime();
    for (long i = 0; i < sessions; i++) {
      stream.next(raw);
      scaler.learn(raw);
      scaler.transform(raw, z);
      kmeans.learn(z);
    }
    double nanosPerSession = (double) (System.nanoTime() - start) / sessions;
    Centroids model = kmeans.snapshot();

    // Score the final segments on fresh sessions drawn at the end of the drift.
    AudienceStream tail = new AudienceStream(seed + 1, 1);
    tail.next(raw); // move past the start so that every draw is at the end of the drift
    int test = 20_000;
    int[] planted = new int[test];
    int[] found = new int[test];
    long[] size = new long[k];
    for (int i = 0; i < test; i++) {
      planted[i] = tail.next(raw);
      scaler.transform(raw, z);
      found[i] = model.predict(z);
      size[found[i]]++;
    }
    double agreement = ExternalIndices.adjustedRand(planted, found);

    out.printf(Locale.ROOT, "Eddy audience demo: %,d sessions, %d features, k = %d%n", sessions, d, k);
    out.printf(Locale.ROOT, "%.0f ns per session (generate, scale and cluster)%n%n", nanosPerSession);
    out.printf(Locale.ROOT, "%-8s %7s  %-17s", "segment", "share", "mostly planted");
    for (String f : AudienceStream.FEATURES) {
      out.printf(Locale.ROOT, " %9s", f);
    }
    out.println();
    for (int c = 0; c < k; c++) {
      double[] center = scaler.inverseTransform(model.center(c));
      out.printf(Locale.ROOT, "%-8d %6.1f%%  %-17s", c, 100.0 * size[c] / test, majority(planted, found, c, k));
      for (double v : center) {
        out.printf(Locale.ROOT, " %9.2f", v);
      }
      out.println();
    }
    out.printf(Locale.ROOT, "%nagreement with the planted segments (adjusted Rand index, %,d fresh sessions): %.3f%n",
        test, agreement);
    return new Result(sessions, nanosPerSession, agreement, model);
  }

  private static String majority(int[] planted, int[] found, int cluster, int k) {
    int[] counts = new int[k];
    int total = 0;
    for (int i = 0; i < found.length; i++) {
      if (found[i] == cluster) {
        counts[planted[i]]++;
        total++;
      }
    }
    int best = 0;
    for (int s = 1; s < k; s++) {
      if (counts[s] > counts[best]) {
        best = s;
      }
    }
    return total == 0 ? "(empty)" : AudienceStream.SEGMENTS[best];
  }
}

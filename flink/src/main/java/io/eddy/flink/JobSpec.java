package io.eddy.flink;

import io.eddy.Capability;
import io.eddy.ClustererProvider;
import io.eddy.Clusterers;
import io.eddy.OnlineClusterer;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the segmentation job learns and how often it merges. Immutable and validated on
 * construction.
 *
 * @param algorithm a registered clusterer that declares {@link Capability#MERGEABLE}
 * @param params its parameters by name, as text (the registry converts them)
 * @param parallelism the number of keyed learners and assigners, &ge; 1
 * @param mergeEveryEvents with count-based merging, the number of events between merges over
 *     all learners (each learner ships its state every {@code ceil(n / parallelism)} events);
 *     0 when merging by time
 * @param mergeEveryMillis with time-based merging, the period in milliseconds; 0 when
 *     merging by count
 * @param eventTime whether the period is in event time (the events' {@link Event#time}) rather
 *     than processing time
 */
public record JobSpec(String algorithm, Map<String, String> params, int parallelism, long mergeEveryEvents,
    long mergeEveryMillis, boolean eventTime) implements Serializable {

  /** Validates every field and that the clusterer exists, accepts the parameters and merges. */
  public JobSpec {
    if (algorithm == null) {
      throw new IllegalArgumentException("algorithm is null");
    }
    params = params == null ? Map.of() : new TreeMap<>(params);
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }
    if (mergeEveryEvents < 0 || mergeEveryMillis < 0 || (mergeEveryEvents == 0) == (mergeEveryMillis == 0)) {
      throw new IllegalArgumentException("merge every N events or every duration, exactly one of them > 0; got "
          + mergeEveryEvents + " events and " + mergeEveryMillis + " ms");
    }
    ClustererProvider p = Clusterers.provider(algorithm);
    if (!p.capabilities().contains(Capability.MERGEABLE)) {
      throw new IllegalArgumentException("clusterer '" + algorithm + "' does not declare MERGEABLE; mergeable: "
          + Clusterers.withCapability(Capability.MERGEABLE));
    }
    Clusterers.online(algorithm, params);
  }

  /**
   * Parses a merge period: a positive number of events ({@code "5000"}) or a duration with a
   * unit, {@code ms}, {@code s}, {@code m} or {@code h} ({@code "500ms"}, {@code "10s"}).
   *
   * @return {events, milliseconds}, exactly one of them non-zero
   * @throws IllegalArgumentException if the text is neither
   */
  public static long[] parseMergeEvery(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,15})(ms|s|m|h)?")
        .matcher(text == null ? "" : text.trim());
    if (m.matches() && Long.parseLong(m.group(1)) > 0) {
      long n = Long.parseLong(m.group(1));
      if (m.group(2) == null) {
        return new long[] {n, 0};
      }
      Duration d = switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
      return new long[] {0, d.toMillis()};
    }
    throw new IllegalArgumentException("merge-every must be a positive number of events or a duration such as "
        + "500ms, 10s, 5m, 1h; got '" + text + "'");
  }

  /** Events each learner learns between two shipments of its state, with count-based merging. */
  long shipEvery() {
    return Math.max(1, (mergeEveryEvents + parallelism - 1) / parallelism);
  }

  /**
   * The end (exclusive) of the merge window holding time {@code t}, windows being aligned to
   * multiples of the period, so that all learners close the same windows.
   */
  long windowEnd(long t) {
    long end = Math.floorDiv(t, mergeEveryMillis) * mergeEveryMillis + mergeEveryMillis;
    return end < t ? Long.MAX_VALUE - 1 : end;
  }

  /** A fresh clusterer of this configuration: the identity of the merge. */
  OnlineClusterer<?> newClusterer() {
    return Clusterers.online(algorithm, params);
  }
}

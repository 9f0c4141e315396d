package io.eddy.online;

import io.eddy.math.Decay;
import io.eddy.math.Euclid;
import io.eddy.math.Neighbours;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DBSTREAM as it was written before the forward-decay storage: every weight and shared density
 * stored at the time of its last update and faded with one power of two per update, the shared
 * densities in a hash map by pair of ids. Kept as the reference that {@link Dbstream} must
 * reproduce: the same micro-clusters (centres bit for bit), weights and shared densities to
 * rounding, and the same macro partition. Slow (one power and one look-up per pair), for tests.
 */
final class DbstreamReference {

  record Pair(long a, long b) {}

  private final Dbstream.Params params;
  private final double r2;
  private final double twoSigma2;
  private int d;
  double now;
  private double nextCleanup;
  private long nextId;
  final List<double[]> centers = new ArrayList<>();
  final List<double[]> state = new ArrayList<>(); // {weight, stamp, id}
  final Map<Pair, double[]> shared = new HashMap<>(); // {value, time}

  DbstreamReference(Dbstream.Params params) {
    this.params = params;
    this.r2 = params.r() * params.r();
    double sigma = params.r() / 3;
    this.twoSigma2 = 2 * sigma * sigma;
    this.nextCleanup = params.tGap();
  }

  /** As {@link Dbstream#learn(double[])}: stamps the point with the clock, then advances it. */
  void learn(double[] x) {
    double t = now;
    ingest(x, 1.0, t);
    now = t + 1;
    if (now >= nextCleanup) {
      cleanup();
    }
  }

  /** As {@link Dbstream#learn(double[], double, double)}. */
  void learn(double[] x, double w, double t) {
    ingest(x, w, t);
    now = t;
    if (now >= nextCleanup) {
      cleanup();
    }
  }

  private void ingest(double[] x, double w, double t) {
    d = x.length;
    int m = centers.size();
    double[] flat = new double[m * d];
    for (int i = 0; i < m; i++) {
      System.arraycopy(centers.get(i), 0, flat, i * d, d);
    }
    int[] nbr = new int[m];
    double[] dist = new double[m];
    int n = Neighbours.withinRadius(x, flat, m, r2, nbr, dist);
    if (n == 0) {
      centers.add(x.clone());
      state.add(new double[] {w, t, nextId++});
      return;
    }
    double lambda = params.lambda();
    double[][] old = new double[n][];
    for (int k = 0; k < n; k++) {
      int i = nbr[k];
      old[k] = centers.get(i).clone();
      double[] s = state.get(i);
      s[0] = s[0] * Decay.factor(lambda, t - s[1]) + w;
      s[1] = t;
      double h = Math.exp(-dist[k] / twoSigma2);
      double rate = w == 1.0 ? h : 1 - Math.pow(1 - h, w);
      Euclid.moveToward(flat, i, x, rate);
      System.arraycopy(flat, i * d, centers.get(i), 0, d);
    }
    for (int k = 0; k < n; k++) {
      for (int l = k + 1; l < n; l++) {
        Pair p = new Pair((long) state.get(nbr[k])[2], (long) state.get(nbr[l])[2]);
        double[] e = shared.get(p);
        if (e == null) {
          shared.put(p, new double[] {w, t});
        } else {
          e[0] = e[0] * Decay.factor(lambda, t - e[1]) + w;
          e[1] = t;
        }
      }
    }
    for (int k = 0; k < n; k++) {
      for (int l = k + 1; l < n; l++) {
        if (Euclid.squaredDistance(centers.get(nbr[k]), 0, centers.get(nbr[l]), 0, d) < r2) {
          System.arraycopy(old[k], 0, centers.get(nbr[k]), 0, d);
          System.arraycopy(old[l], 0, centers.get(nbr[l]), 0, d);
        }
      }
    }
  }

  private void cleanup() {
    double lambda = params.lambda();
    double weak = Decay.factor(lambda, params.tGap());
    for (int i = centers.size() - 1; i >= 0; i--) {
      double[] s = state.get(i);
      if (s[0] * Decay.factor(lambda, now - s[1]) < weak) {
        centers.remove(i);
        state.remove(i);
      }
    }
    double weakShared = params.alpha() * weak;
    shared.entrySet().removeIf(e -> e.getValue()[0] * Decay.factor(lambda, now - e.getValue()[1]) < weakShared
        || indexOf(e.getKey().a()) < 0 || indexOf(e.getKey().b()) < 0);
    nextCleanup = DensityClusterer.nextTask(now, params.tGap());
  }

  int indexOf(long id) {
    for (int i = 0; i < state.size(); i++) {
      if ((long) state.get(i)[2] == id) {
        return i;
      }
    }
    return -1;
  }

  /** The faded weight of micro-cluster i now. */
  double faded(int i) {
    double[] s = state.get(i);
    return s[0] * Decay.factor(params.lambda(), now - s[1]);
  }

  /** The faded shared density of a pair of ids now, or 0. */
  double sharedNow(long a, long b) {
    double[] e = shared.get(new Pair(Math.min(a, b), Math.max(a, b)));
    return e == null ? 0 : e[0] * Decay.factor(params.lambda(), now - e[1]);
  }

  /** The macro partition: each strong micro-cluster's id mapped to the smallest id of its component. */
  TreeMap<Long, Long> partition() {
    int m = centers.size();
    int[] parent = new int[m];
    double[] f = new double[m];
    for (int i = 0; i < m; i++) {
      parent[i] = i;
      f[i] = faded(i);
    }
    for (Map.Entry<Pair, double[]> e : shared.entrySet()) {
      int a = indexOf(e.getKey().a());
      int b = indexOf(e.getKey().b());
      if (f[a] < params.wMin() || f[b] < params.wMin()) {
        continue;
      }
      double s = e.getValue()[0] * Decay.factor(params.lambda(), now - e.getValue()[1]);
      if (s / ((f[a] + f[b]) / 2) >= params.alpha()) {
        Dbstream.union(parent, a, b);
      }
    }
    TreeMap<Long, Long> out = new TreeMap<>();
    for (int i = 0; i < m; i++) {
      if (f[i] >= params.wMin()) {
        out.put((long) state.get(i)[2], (long) state.get(Dbstream.find(parent, i))[2]);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "DbstreamReference[m=" + centers.size() + ", pairs=" + shared.size() + ", ids="
        + Arrays.toString(state.stream().mapToLong(s -> (long) s[2]).toArray()) + "]";
  }
}

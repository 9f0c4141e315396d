package io.eddy.eval;

import io.eddy.ClusterModel;
import io.eddy.Clusterer;
import io.eddy.ClustererProvider;
import io.eddy.Clusterers;
import io.eddy.LikelihoodModel;
import io.eddy.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import java.util.function.ToDoubleBiFunction;

/**
 * Choosing the number of clusters: fits a batch clusterer for each k in a range and tabulates
 * the WCSS, silhouette, Davies–Bouldin and Calinski–Harabasz indices (and the BIC when the
 * model offers a likelihood), with the elbow of the WCSS curve found by {@link Kneedle} and
 * the k of the best silhouette.
 *
 * <pre>{@code
 * KSweep.Result r = KSweep.run("kmeans", Map.of("seed", 7L), data, KSweep.Params.DEFAULTS);
 * System.out.println(r);               // a readable table, elbow and best k marked
 * r.writeCsv(Files.newBufferedWriter(path));
 * }</pre>
 *
 * <p>Indices are computed on the labels the fitted model predicts for the data. WCSS uses the
 * means of those clusters; NOISE points are left out of every index. A k whose model yields
 * fewer than 2 clusters, or as many clusters as points, gets NaN for the indices that need
 * more. The silhouette is exact up to {@link Params#silhouetteSampleSize()} clustered points,
 * above which it is a {@link Silhouette#sampled sampled estimate} with its standard error.
 * The BIC comes from models implementing {@link LikelihoodModel}, or from a function given
 * to {@link #run(IntFunction, double[][], Params, ToDoubleBiFunction)}; otherwise it is NaN.
 *
 * <p>Cost: the fits plus, per k, O(n·d) for the indices and O(min(n, s)·n·d) for the
 * silhouette on all processors. Thread-safe if the clusterers are.
 */
public final class KSweep {

  private KSweep() {}

  /**
   * What to sweep.
   *
   * @param kMin the smallest k, &ge; 1 (default 2)
   * @param kMax the largest k, &ge; kMin (default 10)
   * @param silhouetteSampleSize exact silhouette up to this many clustered points, a sampled
   *     estimate from this many above, &ge; 2 (default 5000)
   * @param seed seed of the silhouette sample (default 42)
   * @param sensitivity Kneedle's S, &ge; 0 (default 1, as the paper recommends)
   * @param threads threads for the silhouette, &ge; 1 (default: all processors)
   */
  public record Params(int kMin, int kMax, int silhouetteSampleSize, long seed, double sensitivity, int threads) {

    /** The defaults: k from 2 to 10, exact silhouette up to 5000 points, S = 1. */
    public static final Params DEFAULTS =
        new Params(2, 10, 5000, 42L, 1.0, Runtime.getRuntime().availableProcessors());

    /** Validates every field. */
    public Params {
      if (kMin < 1) {
        throw new IllegalArgumentException("kMin is " + kMin + ", expected at least 1");
      }
      if (kMax < kMin) {
        throw new IllegalArgumentException("kMax is " + kMax + ", expected at least kMin (" + kMin + ")");
      }
      if (silhouetteSampleSize < 2) {
        throw new IllegalArgumentException("silhouetteSampleSize is " + silhouetteSampleSize + ", expected at least 2");
      }
      if (!(sensitivity >= 0) || Double.isInfinite(sensitivity)) {
        throw new IllegalArgumentException("sensitivity is " + sensitivity + ", expected a finite value >= 0");
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads is " + threads + ", expected at least 1");
      }
    }

    /** A copy sweeping k over {@code [kMin, kMax]}. */
    public Params withRange(int kMin, int kMax) {
      return new Params(kMin, kMax, silhouetteSampleSize, seed, sensitivity, threads);
    }

    /** A copy with another silhouette sample size. */
    public Params withSilhouetteSampleSize(int silhouetteSampleSize) {
      return new Params(kMin, kMax, silhouetteSampleSize, seed, sensitivity, threads);
    }

    /** A copy with another seed. */
    public Params withSeed(long seed) {
      return new Params(kMin, kMax, silhouetteSampleSize, seed, sensitivity, threads);
    }

    /** A copy with another Kneedle sensitivity. */
    public Params withSensitivity(double sensitivity) {
      return new Params(kMin, kMax, silhouetteSampleSize, seed, sensitivity, threads);
    }

    /** A copy with another thread count. */
    public Params withThreads(int threads) {
      return new Params(kMin, kMax, silhouetteSampleSize, seed, sensitivity, threads);
    }
  }

  /**
   * One k of the sweep.
   *
   * @param k the k asked for
   * @param clusters the number of clusters the model's labels actually have
   * @param noise the number of points predicted NOISE
   * @param wcss the within-cluster sum of squares (lower is tighter)
   * @param silhouette the silhouette (higher is better)
   * @param silhouetteStandardError its standard error; 0 when exact
   * @param daviesBouldin the Davies–Bouldin index (lower is better)
   * @param calinskiHarabasz the Calinski–Harabasz index (higher is better)
   * @param bic the BIC (lower is better), NaN without a likelihood
   * @param fitMillis wall-clock time of the fit, milliseconds
   */
  public record Row(int k, int clusters, int noise, double wcss, double silhouette,
      double silhouetteStandardError, double daviesBouldin, double calinskiHarabasz, double bic,
      double fitMillis) {}

  /** The table of a sweep, with its elbow and best silhouette. Immutable. */
  public static final class Result {
    private final List<Row> rows;
    private final int elbow;
    private final int bestSilhouette;

    Result(List<Row> rows, double sensitivity) {
      this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
      this.elbow = findElbow(rows, sensitivity);
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (Row r : rows) {
        if (r.silhouette() > bestValue) {
          bestValue = r.silhouette();
          best = r.k();
        }
      }
      this.bestSilhouette = best;
    }

    private static int findElbow(List<Row> rows, double sensitivity) {
      List<Row> usable = new ArrayList<>();
      for (Row r : rows) {
        if (Double.isFinite(r.wcss())) {
          usable.add(r);
        }
      }
      if (usable.size() < 3) {
        return -1;
      }
      double[] x = new double[usable.size()];
      double[] y = new double[usable.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = usable.get(i).k();
        y[i] = usable.get(i).wcss();
      }
      int knee = Kneedle.knee(x, y, Kneedle.Shape.CONVEX_DECREASING, sensitivity);
      return knee < 0 ? -1 : usable.get(knee).k();
    }

    /** The rows, by increasing k. */
    public List<Row> rows() {
      return rows;
    }

    /** The k at the elbow of the WCSS curve by Kneedle, if it has one. */
    public OptionalInt elbow() {
      return elbow < 0 ? OptionalInt.empty() : OptionalInt.of(elbow);
    }

    /** The k with the highest silhouette, if any k has one. */
    public OptionalInt bestSilhouette() {
      return bestSilhouette < 0 ? OptionalInt.empty() : OptionalInt.of(bestSilhouette);
    }

    /**
     * Writes the table as CSV: a header line, then one line per k with full-precision
     * numbers ({@code NaN} where a value is missing). Does not close {@code out}.
     */
    public void writeCsv(Appendable out) {
      Csv csv = new Csv(out).line(
          "k,clusters,noise,wcss,silhouette,silhouette_se,davies_bouldin,calinski_harabasz,bic,fit_ms");
      for (Row r : rows) {
        csv.field(r.k()).field(r.clusters()).field(r.noise()).field(r.wcss()).field(r.silhouette())
            .field(r.silhouetteStandardError()).field(r.daviesBouldin()).field(r.calinskiHarabasz())
            .field(r.bic()).field(r.fitMillis()).end();
      }
    }

    /** The CSV as a string. */
    public String toCsv() {
      return Csv.render(this::writeCsv);
    }

    /** A fixed-width table for reading, the elbow and best silhouette marked. */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "%4s %8s %14s %18s %14s %14s %14s %10s%n",
          "k", "clusters", "WCSS", "silhouette", "Davies-Bouldin", "Calinski-H.", "BIC", "fit ms"));
      for (Row r : rows) {
        String sil = r.silhouetteStandardError() > 0
            ? String.format(Locale.ROOT, "%.4f ± %.4f", r.silhouette(), r.silhouetteStandardError())
            : String.format(Locale.ROOT, "%.4f", r.silhouette());
        String mark = (r.k() == elbow ? " <- elbow" : "") + (r.k() == bestSilhouette ? " <- best silhouette" : "");
        sb.append(String.format(Locale.ROOT, "%4d %8d %14.6g %18s %14.4f %14.6g %14.6g %10.1f%s%n",
            r.k(), r.clusters(), r.wcss(), sil, r.daviesBouldin(), r.calinskiHarabasz(), r.bic(),
            r.fitMillis(), mark));
      }
      sb.append("elbow (Kneedle): ").append(elbow < 0 ? "none" : Integer.toString(elbow))
          .append("; best silhouette: ").append(bestSilhouette < 0 ? "none" : Integer.toString(bestSilhouette));
      return sb.toString();
    }
  }

  /**
   * Sweeps a registered batch clusterer, setting its parameter {@code "k"}.
   *
   * @param name a registered name with a batch form and an integer parameter {@code k}
   * @param params its other parameters; a {@code k} here is overridden
   * @throws IllegalArgumentException for an unknown name or parameter, a clusterer with no
   *     batch form or no {@code k}, or bad data
   */
  public static Result run(String name, Map<String, ?> params, double[][] data, Params sweep) {
    ClustererProvider provider = Clusterers.provider(name);
    if (params == null) {
      throw new IllegalArgumentException("params is null; use an empty map for the defaults");
    }
    boolean hasK = false;
    List<String> names = new ArrayList<>();
    for (Parameter p : provider.parameters()) {
      names.add(p.name());
      hasK |= p.name().equals("k");
    }
    if (!hasK) {
      throw new IllegalArgumentException("clusterer '" + name + "' has no parameter 'k' to sweep; its parameters: " + names);
    }
    Map<String, Object> base = new HashMap<>(params);
    return run(k -> {
      base.put("k", k);
      return Clusterers.batch(name, base);
    }, data, sweep);
  }

  /**
   * Sweeps the clusterers {@code factory} makes for each k; BIC from {@link LikelihoodModel}.
   *
   * @param factory makes the clusterer for a given k
   * @param data n &ge; 2 finite points of one dimension, n &ge; kMax; not modified
   */
  public static Result run(IntFunction<? extends Clusterer<?>> factory, double[][] data, Params sweep) {
    return run(factory, data, sweep,
        (m, x) -> m instanceof LikelihoodModel ? ((LikelihoodModel) m).bic(x) : Double.NaN);
  }

  /**
   * As {@link #run(IntFunction, double[][], Params)}, with the BIC of each model computed by
   * {@code bic} (return NaN where there is none).
   */
  public static Result run(IntFunction<? extends Clusterer<?>> factory, double[][] data, Params sweep,
      ToDoubleBiFunction<ClusterModel, double[][]> bic) {
    Labeling.requireData(data);
    if (factory == null || sweep == null || bic == null) {
      throw new IllegalArgumentException("factory, sweep and bic must not be null");
    }
    if (sweep.kMax() > data.length) {
      throw new IllegalArgumentException("kMax is " + sweep.kMax() + ", expected at most the number of points ("
          + data.length + ")");
    }
    List<Row> rows = new ArrayList<>();
    for (int k = sweep.kMin(); k <= sweep.kMax(); k++) {
      Clusterer<?> clusterer = factory.apply(k);
      if (clusterer == null) {
        throw new IllegalArgumentException("factory made no clusterer (null) for k = " + k);
      }
      long t0 = System.nanoTime();
      ClusterModel model = clusterer.fit(data);
      if (model == null) {
        throw new IllegalArgumentException(clusterer + " returned no model (null) for k = " + k);
      }
      double fitMillis = (System.nanoTime() - t0) / 1e6;
      rows.add(row(k, model, data, sweep, bic, fitMillis));
    }
    return new Result(rows, sweep.sensitivity());
  }

  private static Row row(int k, ClusterModel model, double[][] data, Params sweep,
      ToDoubleBiFunction<ClusterModel, double[][]> bic, double fitMillis) {
    int[] labels = model.predict(data);
    Labeling l = Labeling.of(labels);
    double wcss = Double.NaN;
    double sil = Double.NaN;
    double silSe = Double.NaN;
    double db = Double.NaN;
    double ch = Double.NaN;
    if (l.k >= 1 && l.clustered() >= 1) {
      wcss = InternalIndices.wcss(data, l);
    }
    if (l.k >= 2 && l.k < l.clustered()) {
      db = InternalIndices.daviesBouldin(data, labels);
      ch = InternalIndices.calinskiHarabasz(data, labels);
      if (l.clustered() <= sweep.silhouetteSampleSize()) {
        sil = Silhouette.exact(data, labels, sweep.threads()).score();
        silSe = 0;
      } else {
        Silhouette.Estimate e = Silhouette.sampled(data, labels, sweep.silhouetteSampleSize(),
            sweep.seed(), sweep.threads());
        sil = e.score();
        silSe = e.standardError();
      }
    }
    return new Row(k, l.k, l.noise, wcss, sil, silSe, db, ch, bic.applyAsDouble(model, data), fitMillis);
  }
}

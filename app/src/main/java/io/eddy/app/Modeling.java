package io.eddy.app;

import io.eddy.Capability;
import io.eddy.ClusterModel;
import io.eddy.Clusterer;
import io.eddy.ClustererProvider;
import io.eddy.Clusterers;
import io.eddy.OnlineClusterer;
import io.eddy.eval.InternalIndices;
import io.eddy.eval.Silhouette;
import io.eddy.features.InvertibleTransformer;
import io.eddy.features.MinMaxScaler;
import io.eddy.features.Pipeline;
import io.eddy.features.RobustScaler;
import io.eddy.features.SimpleImputer;
import io.eddy.features.StandardScaler;
import io.eddy.features.Transformer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The modelling steps the commands share: scaling, fitting by registry name, quality. */
final class Modeling {

  private Modeling() {}

  /** How features are scaled before clustering. */
  enum Scale {
    STANDARD, MINMAX, ROBUST, NONE;

    static Scale parse(String s) {
      for (Scale v : values()) {
        if (v.name().toLowerCase(Locale.ROOT).equals(s)) {
          return v;
        }
      }
      throw AppException.usage("--scale '" + s + "' is not valid; valid values: standard, minmax, robust, none");
    }

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A pipeline: mean imputation when asked, then the scaler. */
  static Pipeline pipeline(List<String> names, double[][] raw, Scale scale, boolean impute) {
    Pipeline.Builder b = Pipeline.builder(names);
    if (impute) {
      b.then(SimpleImputer.Params.DEFAULTS);
    }
    switch (scale) {
      case STANDARD:
        b.then(StandardScaler.Params.DEFAULTS);
        break;
      case MINMAX:
        b.then(MinMaxScaler.Params.DEFAULTS);
        break;
      case ROBUST:
        b.then(RobustScaler.Params.DEFAULTS);
        break;
      default:
        break;
    }
    try {
      return b.fit(raw);
    } catch (IllegalArgumentException e) {
      throw AppException.data("cannot fit the " + scale.id() + " scaling: " + e.getMessage());
    }
  }

  /**
   * The rows in original units as the model saw them: the raw rows, with missing values
   * filled by the pipeline's imputer if it has one.
   */
  static double[][] imputed(Pipeline p, double[][] raw) {
    if (p.steps().isEmpty() || !(p.steps().get(0) instanceof SimpleImputer)) {
      return raw;
    }
    return p.steps().get(0).transformAll(raw);
  }

  /**
   * Maps a model-space point back to original units: the pipeline's inverse, skipping an
   * imputer (which changes nothing at a point without missing values).
   */
  static double[] toOriginal(Pipeline p, double[] z) {
    double[] cur = z.clone();
    List<Transformer> steps = p.steps();
    for (int i = steps.size() - 1; i >= 0; i--) {
      Transformer t = steps.get(i);
      if (t instanceof InvertibleTransformer) {
        cur = ((InvertibleTransformer) t).inverseTransform(cur);
      }
    }
    return cur;
  }

  /** Parses {@code --param} values, checked against the provider (unknown names list the valid ones). */
  static ClustererProvider provider(String algorithm) {
    try {
      return Clusterers.provider(algorithm);
    } catch (IllegalArgumentException e) {
      throw AppException.usage(e.getMessage());
    }
  }

  /** The result of a fit. */
  record Fitted(ClusterModel model, ClustererProvider provider, int[] labels, double seconds) {
    boolean density() {
      return provider.capabilities().contains(Capability.NOISE);
    }
  }

  /**
   * Fits {@code algorithm} on {@code z}: its batch form if it has one, otherwise its online form
   * learning the rows in order.
   */
  static Fitted fit(String algorithm, Map<String, String> params, double[][] z, Progress progress) {
    ClustererProvider p = provider(algorithm);
    boolean batch = p.capabilities().contains(Capability.BATCH);
    Clusterer<?> batchClusterer = null;
    OnlineClusterer<?> online = null;
    try {
      if (batch) {
        batchClusterer = Clusterers.batch(algorithm, params);
      } else {
        online = Clusterers.online(algorithm, params);
      }
    } catch (IllegalArgumentException e) {
      throw AppException.usage(e.getMessage());
    }
    long t0 = System.nanoTime();
    ClusterModel model;
    try {
      if (batch) {
        progress.phase("fitting " + algorithm + " on " + z.length + " rows x " + z[0].length + " features");
        model = batchClusterer.fit(z);
      } else {
        progress.start("learning", z.length);
        for (int i = 0; i < z.length; i++) {
          online.learn(z[i]);
          if ((i & 4095) == 0) {
            progress.update(i);
          }
        }
        progress.finish();
        model = online.snapshot();
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw AppException.data(algorithm + " cannot fit these data: " + e.getMessage());
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (model.clusterCount() == 0) {
      throw AppException.data(algorithm + " found no cluster in these data; try other parameters (eddy list)");
    }
    return new Fitted(model, p, model.predict(z), seconds);
  }

  /**
   * Quality indices of a labelling, noise left out.
   *
   * @param clusters segments with at least one point
   * @param noise points labelled NOISE
   * @param silhouette mean silhouette (exact up to 10,000 points, above that an estimate, see
   *     {@link #sampledSilhouette})
   * @param silhouetteSe its standard error (0 when exact)
   */
  record Quality(int clusters, int noise, double silhouette, double silhouetteSe, double daviesBouldin,
      double calinskiHarabasz, double wcss) {}

  /** Up to this many clustered rows the silhouette is exact. */
  static final int EXACT_SILHOUETTE = 10_000;
  /** Rows scored by the sampled silhouette. */
  static final int SILHOUETTE_SAMPLE = 1000;
  /** Rows they are scored against. */
  static final int SILHOUETTE_REFERENCE = 20_000;

  /**
   * The silhouette of {@value #SILHOUETTE_SAMPLE} rows, each scored against a uniform sample of
   * {@value #SILHOUETTE_REFERENCE} rows (the scored rows drawn from it) instead of all rows.
   *
   * <p>Why: scoring 1000 rows against all 200,000 rows of a 16-feature table took 1.3-1.7 s of
   * CPU, about a fifth of a run without charts; against 20,000 it takes a tenth of that. The
   * reference sample adds its own sampling variance, about 1/20,000 of the rows' variance
   * against 1/1000 for the scored rows, which the returned standard error includes, and it
   * estimates each row's mean distance to a segment from about a tenth of the segment's rows;
   * the minimum over segments that this noise enters is the estimate's only bias, far below the
   * standard error here: on 200k x 16 (8 blobs, k = 8), four seeds gave 0.5757, 0.5757, 0.5794,
   * 0.5792 (standard error 0.0019 each) where 1000 rows against all gave 0.5757, 0.5778,
   * 0.5746, 0.5782 and 8000 rows against all 0.5772 ± 0.0007.
   *
   * @return the estimate, its standard error, and the population as the number of rows
   */
  static Silhouette.Estimate sampledSilhouette(double[][] x, int[] labels, long seed) {
    if (x.length <= SILHOUETTE_REFERENCE) {
      return Silhouette.sampled(x, labels, SILHOUETTE_SAMPLE, seed);
    }
    int[] rows = Charts.sample(x.length, SILHOUETTE_REFERENCE, seed);
    double[][] ref = new double[rows.length][];
    int[] refLabels = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      ref[i] = x[rows[i]];
      refLabels[i] = labels[rows[i]];
    }
    if (Arrays.stream(refLabels).distinct().count() < 2) {
      // A segment so large that the sample holds no other: score against all rows.
      return Silhouette.sampled(x, labels, SILHOUETTE_SAMPLE, seed);
    }
    Silhouette.Estimate e = Silhouette.sampled(ref, refLabels, SILHOUETTE_SAMPLE, seed);
    // The estimate's error relative to the whole table: the scored rows' variance v/s without
    // the finite-population correction (1 - s/R) that the call applied, plus the reference
    // sample's own v/R.
    double f = (double) e.sampleSize() / ref.length;
    double se = e.standardError() * Math.sqrt((1 + f) / (1 - f));
    return new Silhouette.Estimate(e.score(), se, e.sampleSize(), x.length, e.noise());
  }

  static Quality quality(double[][] z, int[] labels, long seed) {
    List<double[]> pts = new ArrayList<>(z.length);
    int[] kept = new int[z.length];
    int m = 0;
    for (int i = 0; i < z.length; i++) {
      if (labels[i] != ClusterModel.NOISE) {
        pts.add(z[i]);
        kept[m++] = labels[i];
      }
    }
    double[][] x = pts.toArray(new double[0][]);
    int[] l = Arrays.copyOf(kept, m);
    int clusters = (int) Arrays.stream(l).distinct().count();
    int noise = z.length - m;
    if (clusters < 2 || clusters >= m) {
      // One segment: its WCSS is the total sum of squares; one row per segment: 0.
      double wcss = m == 0 ? Double.NaN : clusters == 1 ? totalSquares(x) : 0;
      return new Quality(clusters, noise, Double.NaN, 0, Double.NaN, Double.NaN, wcss);
    }
    double sil;
    double se = 0;
    if (m <= EXACT_SILHOUETTE) {
      sil = Silhouette.exact(x, l).score();
    } else {
      Silhouette.Estimate e = sampledSilhouette(x, l, seed);
      sil = e.score();
      se = e.standardError();
    }
    InternalIndices.Summary i = InternalIndices.summary(x, l);
    return new Quality(clusters, noise, sil, se, i.daviesBouldin(), i.calinskiHarabasz(), i.wcss());
  }

  /** The sum of squared distances to the mean: the WCSS of one segment (the indices need two). */
  static double totalSquares(double[][] x) {
    double[] std = meanAndStd(x)[1];
    double s = 0;
    for (double v : std) {
      s += v * v;
    }
    return s * x.length;
  }

  /** Per-feature mean and population standard deviation of the rows, NaN cells left out. */
  static double[][] meanAndStd(double[][] rows) {
    int d = rows[0].length;
    double[] mean = new double[d];
    double[] std = new double[d];
    long[] n = new long[d];
    // Row by row: each row is its own array, so a pass per column would touch every row d times.
    for (double[] r : rows) {
      for (int j = 0; j < d; j++) {
        if (!Double.isNaN(r[j])) {
          mean[j] += r[j];
          n[j]++;
        }
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] = n[j] == 0 ? Double.NaN : mean[j] / n[j];
    }
    for (double[] r : rows) {
      for (int j = 0; j < d; j++) {
        if (!Double.isNaN(r[j])) {
          double t = r[j] - mean[j];
          std[j] += t * t;
        }
      }
    }
    for (int j = 0; j < d; j++) {
      std[j] = n[j] == 0 ? Double.NaN : Math.sqrt(std[j] / n[j]);
    }
    return new double[][] {mean, std};
  }
}

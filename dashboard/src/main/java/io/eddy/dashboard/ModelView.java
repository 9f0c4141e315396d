package io.eddy.dashboard;

import io.eddy.CentroidModel;
import io.eddy.ClusterModel;
import io.eddy.eval.InternalIndices;
import io.eddy.eval.Silhouette;
import io.eddy.features.Pca;
import io.eddy.features.Pipeline;
import io.eddy.features.SegmentationBundle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a request needs about one model, built once per published snapshot (or per
 * change of the sample) and then only read: every request works on one view, so it never sees
 * a half-updated model. Scoring goes through a {@link SegmentationBundle}, the same code as
 * {@code eddy score}.
 *
 * <p>Immutable after construction except for the lazily computed quality indices, which are
 * computed at most once per view under its lock.
 */
final class ModelView {

  /** Points scored at most for the sampled silhouette. */
  static final int SILHOUETTE_SAMPLE = 400;

  final ClusterModel model;
  final SegmentationBundle bundle;
  final long sampleVersion;
  final long builtAt;
  final List<String> features;
  final int[] labels;
  final String[] names;
  final double[] sizes;
  /** Centres in model space, in label order. */
  final double[][] centres;
  /** Centres in original units (NaN where unknown). */
  final double[][] centresOriginal;
  /** Segment means in original units. */
  final double[][] profiles;
  final double[] populationMean;
  final double[][] sampleRaw;
  final double[][] sampleModel;
  final int[] sampleLabels;
  final Projection projection;
  private Quality quality;

  /** The projection of the page's scatter: original units when there are two features, else PCA. */
  static final class Projection {
    final String[] axes;
    private final Pipeline pipeline;
    private final Pca pca;
    private final int inputs;

    private Projection(String[] axes, Pipeline pipeline, Pca pca, int inputs) {
      this.axes = axes;
      this.pipeline = pipeline;
      this.pca = pca;
      this.inputs = inputs;
    }

    /** The 2-D position of a raw point (original units), given its segment's slot for d = 1. */
    synchronized double[] raw(double[] raw, int slot) {
      if (inputs == 2) {
        return new double[] {raw[0], raw[1]};
      }
      if (inputs == 1) {
        return new double[] {raw[0], slot};
      }
      return model(pipeline.transform(raw, (String[]) null));
    }

    /** The 2-D position of a point of the model's space. */
    double[] model(double[] z) {
      if (pca != null) {
        double[] out = new double[2];
        pca.transform(z, out);
        return out;
      }
      return new double[] {z[0], z.length > 1 ? z[1] : 0};
    }

    boolean originalUnits() {
      return inputs <= 2;
    }
  }

  /** Quality indices of the sample against this view's model; NaN where undefined. */
  record Quality(double silhouette, double silhouetteSe, double daviesBouldin, double calinskiHarabasz, int points) {}

  private ModelView(ClusterModel model, SegmentationBundle bundle, long sampleVersion, double[] sizes,
      double[][] centresOriginal, double[][] profiles, double[][] sampleRaw, double[][] sampleModel,
      int[] sampleLabels) {
    this.model = model;
    this.bundle = bundle;
    this.sampleVersion = sampleVersion;
    this.builtAt = System.nanoTime();
    this.features = bundle.featureNames();
    List<SegmentationBundle.Segment> segs = bundle.segments();
    this.labels = new int[segs.size()];
    this.names = new String[segs.size()];
    for (int s = 0; s < labels.length; s++) {
      labels[s] = segs.get(s).label();
      names[s] = segs.get(s).name();
    }
    this.sizes = sizes;
    this.centres = bundle.centres();
    this.centresOriginal = centresOriginal;
    this.profiles = profiles;
    this.sampleRaw = sampleRaw;
    this.sampleModel = sampleModel;
    this.sampleLabels = sampleLabels;
    this.populationMean = mean(sampleRaw, features.size(), profiles, sizes);
    this.projection = projection(bundle, sampleModel, centres);
  }

  /**
   * A view of a saved bundle.
   *
   * @param sampleRaw rows in original units to draw and to measure quality on (may be empty)
   */
  static ModelView of(SegmentationBundle b, double[][] sampleRaw, long sampleVersion) {
    Pipeline p = b.pipeline();
    double[][] z = transform(p, sampleRaw);
    int k = b.segments().size();
    double[] sizes = new double[k];
    double[][] profiles = new double[k][];
    double[][] centresOriginal = new double[k][];
    double[][] c = b.centres();
    for (int s = 0; s < k; s++) {
      SegmentationBundle.Segment seg = b.segments().get(s);
      sizes[s] = seg.size();
      profiles[s] = seg.profile();
      centresOriginal[s] = p.isInvertible() ? p.inverseTransform(c[s]) : seg.profile();
    }
    return new ModelView(b.model(), b, sampleVersion, sizes, centresOriginal, profiles, sampleRaw, z,
        predict(b.model(), z));
  }

  /**
   * A view of a learning clusterer's published snapshot: sizes are the centres' weights,
   * centres come from the model (or the sample's means for a model without centres), names are
   * {@code "segment <label>"}, and radii and profiles come from the sample.
   *
   * @param pipeline raw rows to the model's space (identity when the clusterer learns raw rows)
   * @param density whether the model is a density model (noise, outlier scores)
   */
  static ModelView live(ClusterModel m, Pipeline pipeline, boolean density, double[][] sampleRaw,
      long sampleVersion) {
    double[][] z = transform(pipeline, sampleRaw);
    int[] predicted = predict(m, z);
    int[] labels = m.labels();
    int k = labels.length;
    int d = m.dimension();
    int p = pipeline.inputDimension();
    double[][] zSum = new double[k][d];
    double[][] rawSum = new double[k][p];
    long[] count = new long[k];
    for (int i = 0; i < z.length; i++) {
      int s = slot(labels, predicted[i]);
      if (s >= 0) {
        count[s]++;
        add(zSum[s], z[i]);
        add(rawSum[s], sampleRaw[i]);
      }
    }
    double[][] centres = new double[k][];
    double[] sizes = new double[k];
    for (int s = 0; s < k; s++) {
      if (m instanceof CentroidModel) {
        centres[s] = ((CentroidModel) m).center(labels[s]);
        sizes[s] = ((CentroidModel) m).weight(labels[s]);
      } else {
        centres[s] = scaled(zSum[s], count[s]);
        sizes[s] = count[s];
      }
    }
    double[] radius = new double[k];
    for (int i = 0; i < z.length; i++) {
      int s = slot(labels, predicted[i]);
      if (s >= 0) {
        radius[s] += Math.sqrt(squared(z[i], centres[s]));
      }
    }
    boolean invertible = pipeline.isInvertible();
    List<SegmentationBundle.Segment> segments = new ArrayList<>(k);
    double[][] profiles = new double[k][];
    double[][] centresOriginal = new double[k][];
    for (int s = 0; s < k; s++) {
      double[] sampleMean = count[s] == 0 ? nan(p) : scaled(rawSum[s], count[s]);
      centresOriginal[s] = invertible ? pipeline.inverseTransform(centres[s]) : sampleMean;
      // A centre is the segment's mean for the k-means family: the best profile while the
      // sample is small. Without an inverse, the sample's mean is all there is.
      profiles[s] = invertible ? centresOriginal[s] : sampleMean;
      segments.add(new SegmentationBundle.Segment(labels[s], "segment " + labels[s], Math.round(sizes[s]),
          profiles[s], count[s] == 0 ? 0 : radius[s] / count[s]));
    }
    SegmentationBundle b = new SegmentationBundle(pipeline, m, density, segments, centres, Map.of("source", "live"));
    return new ModelView(m, b, sampleVersion, sizes, centresOriginal, profiles, sampleRaw, z, predicted);
  }

  /** The quality indices of the sample, computed once. */
  synchronized Quality quality() {
    if (quality == null) {
      quality = measure();
    }
    return quality;
  }

  private Quality measure() {
    List<double[]> pts = new ArrayList<>();
    List<Integer> lab = new ArrayList<>();
    for (int i = 0; i < sampleModel.length; i++) {
      if (sampleLabels[i] != ClusterModel.NOISE) {
        pts.add(sampleModel[i]);
        lab.add(sampleLabels[i]);
      }
    }
    int n = pts.size();
    long distinct = lab.stream().distinct().count();
    if (n < 3 || distinct < 2 || distinct >= n) {
      return new Quality(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n);
    }
    double[][] x = pts.toArray(new double[0][]);
    int[] y = lab.stream().mapToInt(Integer::intValue).toArray();
    // One thread: the dashboard shares the machine with the service it watches.
    Silhouette.Estimate sil = Silhouette.sampled(x, y, SILHOUETTE_SAMPLE, 42, 1);
    return new Quality(sil.score(), sil.standardError(), InternalIndices.daviesBouldin(x, y),
        InternalIndices.calinskiHarabasz(x, y), n);
  }

  /** The position of segment label {@code label} in {@link #labels}, or -1 (noise, or unknown). */
  int slot(int label) {
    return slot(labels, label);
  }

  private static int slot(int[] labels, int label) {
    if (label == ClusterModel.NOISE) {
      return -1;
    }
    int s = Arrays.binarySearch(labels, label);
    return s >= 0 ? s : -1;
  }

  private static Projection projection(SegmentationBundle b, double[][] sampleModel, double[][] centres) {
    List<String> in = b.featureNames();
    Pipeline p = b.pipeline();
    if (in.size() == 1) {
      return new Projection(new String[] {in.get(0), "segment"}, p, null, 1);
    }
    if (in.size() == 2) {
      return new Projection(new String[] {in.get(0), in.get(1)}, p, null, 2);
    }
    // A handful of recent points is a worse basis for the axes than the centres themselves.
    double[][] fitOn = sampleModel.length >= 20 || centres.length < 3 ? sampleModel : centres;
    if (p.outputDimension() > 2 && fitOn.length >= 3) {
      try {
        Pca pca = Pca.fit(Pca.Params.components(2), fitOn, b.modelFeatureNames());
        double[] r = pca.explainedVarianceRatio();
        return new Projection(new String[] {String.format(Locale.ROOT, "PC1 (%.1f%% of variance)", 100 * r[0]),
            String.format(Locale.ROOT, "PC2 (%.1f%% of variance)", 100 * r[1])}, p, pca, in.size());
      } catch (IllegalArgumentException e) {
        // Too few distinct rows for two components: fall back to the first two coordinates.
      }
    }
    List<String> out = b.modelFeatureNames();
    return new Projection(new String[] {out.get(0), out.size() > 1 ? out.get(1) : ""}, p, null, in.size());
  }

  private static double[][] transform(Pipeline p, double[][] raw) {
    List<double[]> out = new ArrayList<>(raw.length);
    for (double[] r : raw) {
      out.add(p.transform(r, (String[]) null));
    }
    return out.toArray(new double[0][]);
  }

  private static int[] predict(ClusterModel m, double[][] z) {
    return z.length == 0 ? new int[0] : m.predict(z);
  }

  private static double[] mean(double[][] raw, int p, double[][] profiles, double[] sizes) {
    double[] out = new double[p];
    if (raw.length > 0) {
      for (double[] r : raw) {
        add(out, r);
      }
      return scaled(out, raw.length);
    }
    // Without a sample, the population is the size-weighted mean of the segment profiles.
    double total = 0;
    for (int s = 0; s < profiles.length; s++) {
      for (int j = 0; j < p; j++) {
        out[j] += sizes[s] * profiles[s][j];
      }
      total += sizes[s];
    }
    return total > 0 ? scaled(out, total) : nan(p);
  }

  private static void add(double[] acc, double[] x) {
    for (int j = 0; j < acc.length; j++) {
      acc[j] += x[j];
    }
  }

  private static double[] scaled(double[] sum, double n) {
    double[] out = new double[sum.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = n == 0 ? 0 : sum[j] / n;
    }
    return out;
  }

  private static double[] nan(int p) {
    double[] out = new double[p];
    Arrays.fill(out, Double.NaN);
    return out;
  }

  static double squared(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double t = a[j] - b[j];
      s += t * t;
    }
    return s;
  }
}

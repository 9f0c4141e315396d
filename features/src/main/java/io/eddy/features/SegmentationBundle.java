package io.eddy.features;

import io.eddy.CentroidModel;
import io.eddy.ClusterModel;
import io.eddy.SoftClusterModel;
import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import io.eddy.io.StateCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A segmentation as one object to save and to score new rows with: the fitted feature {@link
 * Pipeline}, the {@link ClusterModel}, the feature names, each segment's name (its persona)
 * and its training profile, and free-form run information (algorithm, parameters...).
 *
 * <pre>{@code
 * SegmentationBundle b = SegmentationBundle.train(pipeline, model, rawRows, false, Map.of("algorithm", "kmeans"))
 *     .withNames(Map.of(0, "high income · high spending", 1, "budget"));
 * ModelIO.write(b, Path.of("model.eddy"));
 * SegmentationBundle.Score s = ModelIO.read(Path.of("model.eddy"), SegmentationBundle.class).score(new double[] {80, 85});
 * }</pre>
 *
 * <h2>What a score says</h2>
 * <ul>
 *   <li>{@code segment}: the model's label for the transformed row ({@link ClusterModel#NOISE}
 *       for a density model's noise).
 *   <li>{@code distance}: Euclidean distance, in the model's (transformed) space, to the centre
 *       of that segment; for noise, to the nearest centre. Centres are the model's own for a
 *       {@link CentroidModel}, otherwise the mean of the segment's training rows.
 *   <li>{@code confidence}, in [0, 1]: for a {@link SoftClusterModel} (mixtures) the membership
 *       probability of the segment; for other models the margin {@code 1 - d1 / d2}, where
 *       {@code d1} is the distance to the segment's centre and {@code d2} the distance to the
 *       nearest other centre: 1 at the centre, 0 on the boundary with a neighbour (1 when there
 *       is only one segment). NaN for noise.
 *   <li>{@code outlierScore}: the distance divided by the segment's training radius (the mean
 *       distance of its training rows to its centre), so about 1 is typical and 3 is far out;
 *       for noise the nearest segment's radius is used. It is the score to read for density
 *       models ({@link #density()}), whose margins mean little.
 * </ul>
 *
 * <p>Immutable. {@link #score} is thread-safe: the pipeline's allocation-free transform runs
 * under a lock, so threads that score heavily should each take a {@link #copy()}. A score costs
 * the pipeline's transform plus O(k·d). The bundle persists through {@link ModelIO} (codec
 * {@code "features.segmentation-bundle"}); the model is nested as its own ModelIO record, so
 * any model with a registered codec can be bundled.
 */
public final class SegmentationBundle {

  /**
   * One segment as trained.
   *
   * @param label the model's label
   * @param name its persona, a short plain-language name
   * @param size the number of training rows assigned to it
   * @param profile the mean of each input feature over those rows, in original units, in
   *     {@link #featureNames()} order (missing values left out of the means)
   * @param radius the mean distance of those rows to the centre, in model space
   */
  public record Segment(int label, String name, long size, double[] profile, double radius) {

    /** Validates and copies. */
    public Segment {
      if (name == null || profile == null) {
        throw new IllegalArgumentException("segment " + label + ": name and profile must be given");
      }
      if (size < 0 || !(radius >= 0)) {
        throw new IllegalArgumentException("segment " + label + ": size " + size + " and radius " + radius
            + " must be >= 0");
      }
      profile = profile.clone();
    }

    /** The profile, as a new array. */
    @Override
    public double[] profile() {
      return profile.clone();
    }
  }

  /**
   * The score of one row; see the class comment for each field's meaning.
   *
   * @param segment the label, or {@link ClusterModel#NOISE}
   * @param name the segment's name ("noise" for noise)
   * @param distance the distance to the segment's centre, in model space
   * @param confidence the membership probability or margin, in [0, 1]; NaN for noise
   * @param outlierScore the distance over the segment's training radius
   */
  public record Score(int segment, String name, double distance, double confidence, double outlierScore) {}

  private final Pipeline pipeline;
  private final ClusterModel model;
  private final boolean density;
  private final List<Segment> segments;
  private final Map<Integer, Segment> byLabel;
  private final double[][] centres;
  private final Map<String, String> info;

  /**
   * A bundle from its parts.
   *
   * @param pipeline the fitted pipeline from raw rows to the model's space
   * @param model the fitted model, of dimension {@code pipeline.outputDimension()}
   * @param density whether the model is a density model (its outlier score is the one to read)
   * @param segments one per model label, in label order
   * @param centres one centre per segment, in model space, in the same order
   * @param info free-form run information, kept in order
   * @throws IllegalArgumentException if the parts do not fit together
   */
  public SegmentationBundle(Pipeline pipeline, ClusterModel model, boolean density, List<Segment> segments,
      double[][] centres, Map<String, String> info) {
    if (pipeline == null || model == null || segments == null || centres == null || info == null) {
      throw new IllegalArgumentException("pipeline, model, segments, centres and info must be given");
    }
    int d = pipeline.outputDimension();
    if (model.dimension() != d) {
      throw new IllegalArgumentException("the model has dimension " + model.dimension()
          + " but the pipeline produces " + d + " features " + pipeline.outputNames());
    }
    int[] labels = model.labels();
    if (segments.size() != labels.length || centres.length != labels.length) {
      throw new IllegalArgumentException(segments.size() + " segments and " + centres.length
          + " centres for a model with " + labels.length + " clusters");
    }
    Map<Integer, Segment> map = new LinkedHashMap<>();
    double[][] c = new double[labels.length][];
    for (int i = 0; i < labels.length; i++) {
      Segment s = segments.get(i);
      if (s.label() != labels[i]) {
        throw new IllegalArgumentException("segment " + i + " has label " + s.label() + ", expected " + labels[i]);
      }
      if (s.profile.length != pipeline.inputDimension()) {
        throw new IllegalArgumentException("segment " + s.label() + " profile has " + s.profile.length
            + " values, expected " + pipeline.inputDimension());
      }
      if (centres[i] == null || centres[i].length != d) {
        throw new IllegalArgumentException("centre " + i + " must have dimension " + d);
      }
      c[i] = centres[i].clone();
      map.put(s.label(), s);
    }
    this.pipeline = pipeline.copy();
    this.model = model;
    this.density = density;
    this.segments = List.copyOf(segments);
    this.byLabel = Collections.unmodifiableMap(map);
    this.centres = c;
    this.info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
  }

  /**
   * Builds a bundle from training rows: assigns them, and records each segment's size,
   * profile in original units, centre and radius. Segments are named {@code "segment <label>"}
   * until {@link #withNames} names them.
   *
   * @param pipeline the fitted pipeline (numeric columns only)
   * @param model the model fitted on {@code pipeline}'s output of {@code rawRows}
   * @param rawRows the training rows in original units, {@code pipeline.inputNames()} order
   *     (NaN where missing, if the pipeline imputes); not modified
   * @param density whether the model is a density model
   * @param info run information to keep
   * @throws IllegalArgumentException if the rows or parts are invalid
   */
  public static SegmentationBundle train(Pipeline pipeline, ClusterModel model, double[][] rawRows, boolean density,
      Map<String, String> info) {
    if (pipeline == null || model == null || rawRows == null || rawRows.length == 0) {
      throw new IllegalArgumentException("pipeline, model and at least one training row must be given");
    }
    double[][] x = new double[rawRows.length][];
    for (int i = 0; i < rawRows.length; i++) {
      x[i] = pipeline.transform(rawRows[i], (String[]) null);
    }
    return train(pipeline, model, rawRows, x, density, info);
  }

  /**
   * As {@link #train(Pipeline, ClusterModel, double[][], boolean, Map)}, with the rows the
   * model was fitted on given rather than transformed again: a caller that has just fitted
   * the model has them, and on a large table the second transform is a pass over every row
   * and an array per row.
   *
   * @param modelRows {@code pipeline}'s output for each of {@code rawRows}, in the same
   *     order; not modified
   * @throws IllegalArgumentException if the rows or parts are invalid, or the two row arrays
   *     differ in length or dimension
   */
  public static SegmentationBundle train(Pipeline pipeline, ClusterModel model, double[][] rawRows,
      double[][] modelRows, boolean density, Map<String, String> info) {
    requireRows(pipeline, model, rawRows, modelRows);
    return train(pipeline, model, rawRows, modelRows, model.predict(modelRows), density, info);
  }

  /**
   * As {@link #train(Pipeline, ClusterModel, double[][], double[][], boolean, Map)}, with the
   * labels {@code model} gives the model rows already known: a caller that has just assigned
   * the rows has them, and on a large table predicting again is a pass over every row against
   * every centre.
   *
   * @param predicted {@code model.predict(modelRows)}; not modified
   * @throws IllegalArgumentException as the other forms, or if {@code predicted} has the
   *     wrong length
   */
  public static SegmentationBundle train(Pipeline pipeline, ClusterModel model, double[][] rawRows,
      double[][] modelRows, int[] predicted, boolean density, Map<String, String> info) {
    requireRows(pipeline, model, rawRows, modelRows);
    if (predicted == null || predicted.length != rawRows.length) {
      throw new IllegalArgumentException((predicted == null ? 0 : predicted.length) + " labels for "
          + rawRows.length + " raw rows");
    }
    double[][] x = modelRows;
    int[] labels = model.labels();
    int k = labels.length;
    int p = pipeline.inputDimension();
    int d = pipeline.outputDimension();
    long[] size = new long[k];
    double[][] sum = new double[k][p];
    long[][] count = new long[k][p];
    double[][] mean = new double[k][d];
    int[] slot = new int[rawRows.length];
    for (int i = 0; i < rawRows.length; i++) {
      int s = predicted[i] == ClusterModel.NOISE ? -1 : Arrays.binarySearch(labels, predicted[i]);
      slot[i] = s;
      if (s < 0) {
        continue;
      }
      size[s]++;
      for (int j = 0; j < p; j++) {
        double v = rawRows[i][j];
        if (!Double.isNaN(v)) {
          sum[s][j] += v;
          count[s][j]++;
        }
      }
      for (int j = 0; j < d; j++) {
        mean[s][j] += x[i][j];
      }
    }
    double[][] centres = new double[k][];
    for (int s = 0; s < k; s++) {
      if (model instanceof CentroidModel) {
        centres[s] = ((CentroidModel) model).center(labels[s]);
      } else {
        for (int j = 0; j < d; j++) {
          mean[s][j] = size[s] == 0 ? 0 : mean[s][j] / size[s];
        }
        centres[s] = mean[s];
      }
    }
    double[] radius = new double[k];
    for (int i = 0; i < rawRows.length; i++) {
      if (slot[i] >= 0) {
        radius[slot[i]] += Math.sqrt(squared(x[i], centres[slot[i]]));
      }
    }
    List<Segment> segments = new ArrayList<>(k);
    for (int s = 0; s < k; s++) {
      double[] profile = new double[p];
      for (int j = 0; j < p; j++) {
        profile[j] = count[s][j] == 0 ? Double.NaN : sum[s][j] / count[s][j];
      }
      segments.add(new Segment(labels[s], "segment " + labels[s], size[s], profile,
          size[s] == 0 ? 0 : radius[s] / size[s]));
    }
    return new SegmentationBundle(pipeline, model, density, segments, centres, info);
  }

  private static void requireRows(Pipeline pipeline, ClusterModel model, double[][] rawRows, double[][] modelRows) {
    if (pipeline == null || model == null || rawRows == null || rawRows.length == 0 || modelRows == null) {
      throw new IllegalArgumentException("pipeline, model and at least one training row must be given");
    }
    if (modelRows.length != rawRows.length) {
      throw new IllegalArgumentException(modelRows.length + " model rows for " + rawRows.length + " raw rows");
    }
    for (int i = 0; i < rawRows.length; i++) {
      if (rawRows[i] == null || rawRows[i].length != pipeline.inputDimension() || modelRows[i] == null
          || modelRows[i].length != pipeline.outputDimension()) {
        throw new IllegalArgumentException("row " + i + ": expected " + pipeline.inputDimension() + " raw and "
            + pipeline.outputDimension() + " model features");
      }
    }
  }

  /**
   * A copy with segments renamed.
   *
   * @param names new names by label; labels not in the map keep their name
   * @throws IllegalArgumentException if a name is null or blank
   */
  public SegmentationBundle withNames(Map<Integer, String> names) {
    Features.requireNonNull(names, "names");
    List<Segment> renamed = new ArrayList<>(segments.size());
    for (Segment s : segments) {
      String n = names.getOrDefault(s.label(), s.name());
      if (n == null || n.isBlank()) {
        throw new IllegalArgumentException("segment " + s.label() + " gets a blank name");
      }
      renamed.add(new Segment(s.label(), n, s.size(), s.profile, s.radius()));
    }
    return new SegmentationBundle(pipeline, model, density, renamed, centres, info);
  }

  /** A copy with this run information instead. */
  public SegmentationBundle withInfo(Map<String, String> newInfo) {
    return new SegmentationBundle(pipeline, model, density, segments, centres, newInfo);
  }

  /** An independent copy (its own pipeline buffers), for scoring on another thread. */
  public SegmentationBundle copy() {
    return new SegmentationBundle(pipeline, model, density, segments, centres, info);
  }

  /**
   * Scores one raw row.
   *
   * @param raw the numeric features in {@link #featureNames()} order, original units; not
   *     modified
   * @throws IllegalArgumentException if the row has the wrong length or the transformed row is
   *     not finite (a missing value the pipeline does not impute)
   */
  public Score score(double[] raw) {
    double[] x = new double[pipeline.outputDimension()];
    synchronized (pipeline) {
      pipeline.transform(raw, null, x);
    }
    return scoreTransformed(x);
  }

  /** Scores a row already in the model's space ({@link Pipeline#outputNames()} order). */
  public Score scoreTransformed(double[] x) {
    int label = model.predict(x);
    int k = centres.length;
    int slot = -1;
    double nearest = Double.POSITIVE_INFINITY;
    int nearestSlot = 0;
    double[] dist = new double[k];
    int[] labels = labels();
    for (int s = 0; s < k; s++) {
      dist[s] = Math.sqrt(squared(x, centres[s]));
      if (labels[s] == label) {
        slot = s;
      }
      if (dist[s] < nearest) {
        nearest = dist[s];
        nearestSlot = s;
      }
    }
    if (slot < 0) {
      Segment near = segments.get(nearestSlot);
      return new Score(ClusterModel.NOISE, "noise", nearest, Double.NaN, ratio(nearest, near.radius()));
    }
    double own = dist[slot];
    double confidence;
    if (model instanceof SoftClusterModel) {
      confidence = ((SoftClusterModel) model).probabilities(x)[slot];
    } else {
      double other = Double.POSITIVE_INFINITY;
      for (int s = 0; s < k; s++) {
        if (s != slot) {
          other = Math.min(other, dist[s]);
        }
      }
      confidence = other == Double.POSITIVE_INFINITY ? 1.0 : other == 0 ? 0.0 : Math.max(0, 1 - own / other);
    }
    Segment seg = segments.get(slot);
    return new Score(label, seg.name(), own, confidence, ratio(own, seg.radius()));
  }

  private static double ratio(double distance, double radius) {
    return radius > 0 ? distance / radius : distance == 0 ? 0 : Double.POSITIVE_INFINITY;
  }

  private static double squared(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double t = a[j] - b[j];
      s += t * t;
    }
    return s;
  }

  private int[] labels() {
    int[] l = new int[segments.size()];
    for (int i = 0; i < l.length; i++) {
      l[i] = segments.get(i).label();
    }
    return l;
  }

  /** The fitted pipeline (a copy: pipelines keep scratch buffers). */
  public Pipeline pipeline() {
    return pipeline.copy();
  }

  /** The model. */
  public ClusterModel model() {
    return model;
  }

  /** Whether the model is a density model, whose {@link Score#outlierScore()} is the one to read. */
  public boolean density() {
    return density;
  }

  /** The raw input feature names, in the order {@link #score} expects. */
  public List<String> featureNames() {
    return pipeline.inputNames();
  }

  /** The feature names of the model's space. */
  public List<String> modelFeatureNames() {
    return pipeline.outputNames();
  }

  /** The segments in label order. */
  public List<Segment> segments() {
    return segments;
  }

  /**
   * The segment with this label.
   *
   * @throws IllegalArgumentException if there is none
   */
  public Segment segment(int label) {
    Segment s = byLabel.get(label);
    if (s == null) {
      throw new IllegalArgumentException("no segment " + label + "; labels are " + byLabel.keySet());
    }
    return s;
  }

  /** The centres in model space, in segment order, as a new array. */
  public double[][] centres() {
    double[][] c = new double[centres.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = centres[i].clone();
    }
    return c;
  }

  /** The run information, in insertion order. */
  public Map<String, String> info() {
    return info;
  }

  @Override
  public String toString() {
    return "SegmentationBundle[" + featureNames() + " -> " + model.getClass().getSimpleName() + ", "
        + segments.size() + " segments]";
  }

  /** The codec, named {@code "features.segmentation-bundle"}; pipeline and model are nested. */
  public static final StateCodec<SegmentationBundle> CODEC = StateCodec.of("features.segmentation-bundle", 1,
      SegmentationBundle.class,
      (b, out) -> {
        FeatureCodecs.writeNested(b.pipeline, out);
        byte[] m = ModelIO.toBytes(b.model);
        out.writeInt(m.length);
        out.writeLongs(pack(m));
        out.writeBoolean(b.density);
        out.writeInt(b.segments.size());
        for (Segment s : b.segments) {
          out.writeInt(s.label());
          out.writeString(s.name());
          out.writeLong(s.size());
          out.writeDoubles(s.profile);
          out.writeDouble(s.radius());
        }
        out.writeMatrix(b.centres);
        out.writeInt(b.info.size());
        for (Map.Entry<String, String> e : b.info.entrySet()) {
          out.writeString(e.getKey());
          out.writeString(e.getValue());
        }
      },
      (in, version) -> {
        Pipeline pipeline = FeatureCodecs.readNested(in, Pipeline.class);
        int length = in.readInt(0, Integer.MAX_VALUE - 8);
        byte[] m = unpack(in.readLongs(), length);
        ClusterModel model = ModelIO.fromBytes(m, ClusterModel.class);
        boolean density = in.readBoolean();
        int k = in.readInt(0, 1 << 24);
        List<Segment> segments = new ArrayList<>(Math.min(k, 1024));
        for (int i = 0; i < k; i++) {
          segments.add(new Segment(in.readInt(), in.readString(), in.readLong(), in.readDoubles(), in.readDouble()));
        }
        double[][] centres = in.readMatrix();
        int q = in.readInt(0, 1 << 20);
        Map<String, String> info = new LinkedHashMap<>();
        for (int i = 0; i < q; i++) {
          info.put(in.readString(), in.readString());
        }
        return new SegmentationBundle(pipeline, model, density, segments, centres, info);
      });

  // StateOutput has no byte arrays: the nested record travels as big-endian longs.
  private static long[] pack(byte[] b) {
    long[] out = new long[(b.length + 7) / 8];
    for (int i = 0; i < b.length; i++) {
      out[i >>> 3] |= (b[i] & 0xffL) << (56 - 8 * (i & 7));
    }
    return out;
  }

  private static byte[] unpack(long[] packed, int length) throws ModelFormatException {
    if (packed.length != (length + 7) / 8) {
      throw new ModelFormatException("nested model has " + packed.length + " words for " + length + " bytes");
    }
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) (packed[i >>> 3] >>> (56 - 8 * (i & 7)));
    }
    return b;
  }
}

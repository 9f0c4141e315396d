package io.eddy.features;

import io.eddy.Points;
import io.eddy.io.StateCodec;
import java.util.List;

/**
 * k-nearest-neighbour imputation: each missing value is the mean of that feature over the k
 * training rows nearest to the incomplete row, as scikit-learn's {@code KNNImputer}.
 *
 * <p>Distances are scikit-learn's nan-Euclidean distance, over the coordinates observed in
 * both rows and scaled up for the missing ones:
 * {@code sqrt(d / p · Σ_observed (x_j - y_j)²)} with d features of which p are observed in
 * both (undefined if p = 0). For a missing feature j, the donors are the training rows where
 * j is observed; the k nearest (fewer if there are fewer donors; donors at an undefined
 * distance rank last) are averaged uniformly or weighted by inverse distance (a donor at
 * distance 0 then takes all the weight). A row at an undefined distance from every donor gets
 * the feature's training mean. Equally distant donors are taken in training order, where
 * scikit-learn's partial sort leaves the choice open.
 *
 * <p>The training rows are kept (memory O(n·d)); a transform costs O(n·d + n·k·m) for m
 * missing values and allocates nothing, using internal scratch space: one thread at a time,
 * {@link #copy()} for another. A complete row is copied unchanged. Batch fitting on data with
 * infinities is rejected; a feature never observed in training is an error (scikit-learn drops
 * it).
 */
public final class KnnImputer extends SameShapeTransformer {

  /** How the k donors' values are averaged. */
  public enum Weights {
    /** Plain mean. */
    UNIFORM,
    /** Weighted by inverse distance. */
    DISTANCE
  }

  /**
   * Configuration.
   *
   * @param neighbors k &ge; 1 (default 5)
   * @param weights averaging (default {@link Weights#UNIFORM})
   */
  public record Params(int neighbors, Weights weights) implements TransformerSpec {

    /** Five neighbours, uniform weights, as scikit-learn. */
    public static final Params DEFAULTS = new Params(5, Weights.UNIFORM);

    /** Validates. */
    public Params {
      if (neighbors < 1) {
        throw new IllegalArgumentException("neighbors must be >= 1, got " + neighbors);
      }
      if (weights == null) {
        throw new IllegalArgumentException("weights is null, expected UNIFORM or DISTANCE");
      }
    }

    /** A copy with k set. */
    public Params withNeighbors(int v) {
      return new Params(v, weights);
    }

    /** A copy with the weighting set. */
    public Params withWeights(Weights v) {
      return new Params(neighbors, v);
    }

    @Override
    public KnnImputer fit(double[][] data, List<String> names) {
      return KnnImputer.fit(this, data, names);
    }
  }

  private final Params params;
  private final int n;
  private final int d;
  private final double[] train;
  private final double[] colMean;
  // Scratch for one transform at a time.
  private final double[] dist;
  private final int[] bestIdx;
  private final double[] bestDist;

  private KnnImputer(Params params, List<String> names, int n, double[] train) {
    super(names);
    this.params = params;
    this.n = n;
    this.d = names.size();
    this.train = train;
    this.colMean = new double[d];
    for (int j = 0; j < d; j++) {
      double sum = 0;
      int count = 0;
      for (int r = 0; r < n; r++) {
        double v = train[r * d + j];
        if (v == v) {
          sum += v;
          count++;
        }
      }
      if (count == 0) {
        throw new IllegalArgumentException("column '" + names.get(j) + "' has no observed values (all NaN)");
      }
      colMean[j] = sum / count;
    }
    this.dist = new double[n];
    // No more neighbours than training rows can be found: a k of 2^31 - 1 must not size these.
    this.bestIdx = new int[Math.min(params.neighbors, n)];
    this.bestDist = new double[bestIdx.length];
  }

  /** Fits with {@link Params#DEFAULTS} and names {@code x0, x1, ...}. */
  public static KnnImputer fit(double[][] data) {
    return fit(Params.DEFAULTS, data, Features.defaultNames(Features.requireData(data, true)));
  }

  /** Keeps a copy of the training rows. */
  public static KnnImputer fit(Params params, double[][] data, List<String> names) {
    Features.requireNonNull(params, "params");
    int dim = Features.requireData(data, true);
    List<String> nm = Features.names(names, dim);
    double[] flat = new double[data.length * dim];
    for (int i = 0; i < data.length; i++) {
      System.arraycopy(data[i], 0, flat, i * dim, dim);
    }
    return new KnnImputer(params, nm, data.length, flat);
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  /** The number of training rows kept. */
  public int trainingRows() {
    return n;
  }





  @Override
  public KnnImputer copy() {
    return new KnnImputer(params, names, n, train);
  }

  @Override
  public void transform(double[] in, double[] out) {
    Features.requireLengths(in, d, out, d);
    if (in == out) {
      throw new IllegalArgumentException("the output may not be the input array");
    }
    boolean missing = false;
    for (int j = 0; j < d; j++) {
      double v = in[j];
      if (Math.abs(v) > Points.MAX_ABS) {
        // As in fitting: beyond it the distances overflow, every weight is 0 and the fill NaN.
        throw new IllegalArgumentException("point has " + v + " at index " + j + ", expected NaN or a finite value "
            + "within +-" + Points.MAX_ABS + " (Points.MAX_ABS)");
      }
      missing |= v != v;
      out[j] = v;
    }
    if (!missing) {
      return;
    }
    for (int r = 0; r < n; r++) {
      dist[r] = nanEuclidean(in, r);
    }
    for (int j = 0; j < d; j++) {
      if (in[j] == in[j]) {
        continue;
      }
      out[j] = impute(j);
    }
  }

  private double nanEuclidean(double[] x, int row) {
    int base = row * d;
    double sum = 0;
    int present = 0;
    for (int j = 0; j < d; j++) {
      double diff = x[j] - train[base + j];
      if (diff == diff) {
        sum += diff * diff;
        present++;
      }
    }
    return present == 0 ? Double.NaN : Math.sqrt(sum * ((double) d / present));
  }

  private double impute(int col) {
    int k = bestIdx.length;
    int found = 0;
    boolean anyDefined = false;
    for (int r = 0; r < n; r++) {
      if (train[r * d + col] != train[r * d + col]) {
        continue;
      }
      double dr = dist[r];
      // NaN ranks after every number: map it to +infinity for the comparison only.
      double key = dr == dr ? dr : Double.POSITIVE_INFINITY;
      anyDefined |= dr == dr;
      if (found < k) {
        int p = found++;
        while (p > 0 && rank(bestDist[p - 1]) > key) {
          bestDist[p] = bestDist[p - 1];
          bestIdx[p] = bestIdx[p - 1];
          p--;
        }
        bestDist[p] = dr;
        bestIdx[p] = r;
      } else if (key < rank(bestDist[k - 1])) {
        int p = k - 1;
        while (p > 0 && rank(bestDist[p - 1]) > key) {
          bestDist[p] = bestDist[p - 1];
          bestIdx[p] = bestIdx[p - 1];
          p--;
        }
        bestDist[p] = dr;
        bestIdx[p] = r;
      }
    }
    if (!anyDefined) {
      return colMean[col];
    }
    if (params.weights == Weights.UNIFORM) {
      double sum = 0;
      for (int i = 0; i < found; i++) {
        sum += train[bestIdx[i] * d + col];
      }
      return sum / found;
    }
    boolean exact = false;
    for (int i = 0; i < found; i++) {
      exact |= bestDist[i] == 0;
    }
    double num = 0;
    double den = 0;
    for (int i = 0; i < found; i++) {
      double di = bestDist[i];
      double w = exact ? (di == 0 ? 1 : 0) : (di == di ? 1 / di : 0);
      num += w * train[bestIdx[i] * d + col];
      den += w;
    }
    return num / den;
  }

  private static double rank(double dist) {
    return dist == dist ? dist : Double.POSITIVE_INFINITY;
  }

  @Override
  public String toString() {
    return "KnnImputer[k=" + params.neighbors + ", n=" + n + ", " + names + "]";
  }

  /** The codec, named {@code "features.knn-imputer"}; it writes the training rows. */
  static final StateCodec<KnnImputer> CODEC = StateCodec.of("features.knn-imputer", 1, KnnImputer.class,
      (s, out) -> {
        out.writeInt(s.params.neighbors);
        out.writeInt(s.params.weights.ordinal());
        Codecs.writeNames(out, s.names);
        out.writeInt(s.n);
        out.writeDoubles(s.train);
      },
      (in, version) -> {
        Params p = new Params(in.readInt(), Codecs.readEnum(in, Weights.class));
        List<String> names = Codecs.readNames(in);
        int rows = in.readInt(1, Integer.MAX_VALUE);
        double[] flat = in.readDoubles();
        if (names.isEmpty() || (long) rows * names.size() != flat.length) {
          throw new IllegalArgumentException("training data has " + flat.length + " values, expected "
              + rows + " rows of " + names.size());
        }
        for (double v : flat) {
          if (Double.isInfinite(v)) {
            throw new IllegalArgumentException("training data holds an infinity");
          }
        }
        return new KnnImputer(p, Features.names(names, names.size()), rows, flat);
      });
}

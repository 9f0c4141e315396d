package io.eddy.online;

import io.eddy.CentroidModel;
import io.eddy.OutlierModel;
import io.eddy.Points;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;
import java.util.Arrays;

/**
 * A snapshot of a {@link Dstream} clustering: the grid clusters, each a set of grids with a
 * stable label, a centre (the density-weighted mean of its grids' centres) and a weight (the
 * sum of its grids' densities, faded to {@link #time()}).
 *
 * <p>A point belongs to the cluster of the grid that contains it; a point in any other grid is
 * {@link #NOISE}. Labels are not contiguous: they are stable segment ids, never reused once a
 * segment vanished; {@link #labels()} lists them in increasing order.
 *
 * <p>The {@linkplain #outlierScore outlier score} is the distance in grid widths to the nearest
 * clustered grid.
 *
 * <p>Immutable and thread-safe. {@link #predict(double[])} is one hash look-up, O(d), and
 * allocates nothing.
 */
public final class DstreamModel implements CentroidModel, OutlierModel {

  private final int d;
  private final double gridSize;
  private final double time;
  private final int[] labels;
  private final double[] centers;
  private final double[] weights;
  private final long[] coords;
  private final int[] cellLabels;
  private final double[] cellWeights;
  /** Never changed after construction. */
  private final DstreamCells index;

  DstreamModel(int dimension, double gridSize, double time, int[] labels, double[] centers,
      double[] weights, long[] coords, int[] cellLabels, double[] cellWeights) {
    if (dimension < 0) {
      throw new IllegalArgumentException("dimension is " + dimension + ", expected at least 0");
    }
    if (!(gridSize > 0) || gridSize == Double.POSITIVE_INFINITY || !Double.isFinite(time)) {
      throw new IllegalArgumentException("grid size " + gridSize + " and time " + time
          + " must be finite, the size > 0");
    }
    int k = labels.length;
    int g = cellLabels.length;
    if (centers.length != k * dimension || weights.length != k || coords.length != g * dimension
        || cellWeights.length != g || (dimension == 0 && (k > 0 || g > 0))) {
      throw new IllegalArgumentException("array lengths disagree with " + k + " clusters and "
          + g + " grids of dimension " + dimension);
    }
    for (int i = 0; i < k; i++) {
      if (labels[i] < 0 || (i > 0 && labels[i] <= labels[i - 1])) {
        throw new IllegalArgumentException("labels must be non-negative and increasing, got "
            + Arrays.toString(labels));
      }
      if (!(weights[i] >= 0) || weights[i] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("weight " + i + " is " + weights[i]);
      }
    }
    for (double v : centers) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("a centre is not finite");
      }
    }
    this.index = new DstreamCells(dimension, g);
    long[] cell = new long[g > 0 ? dimension : 0];
    for (int i = 0; i < g; i++) {
      if (Arrays.binarySearch(labels, cellLabels[i]) < 0) {
        throw new IllegalArgumentException("grid " + i + " has label " + cellLabels[i]
            + ", which is not one of " + Arrays.toString(labels));
      }
      if (!(cellWeights[i] >= 0) || cellWeights[i] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("grid weight " + i + " is " + cellWeights[i]);
      }
      System.arraycopy(coords, i * dimension, cell, 0, dimension);
      if (index.find(cell) >= 0) {
        throw new IllegalArgumentException("grid " + Arrays.toString(cell) + " is listed twice");
      }
      index.add(cell);
    }
    this.d = dimension;
    this.gridSize = gridSize;
    this.time = time;
    this.labels = labels.clone();
    this.centers = centers.clone();
    this.weights = weights.clone();
    this.coords = coords.clone();
    this.cellLabels = cellLabels.clone();
    this.cellWeights = cellWeights.clone();
  }

  static DstreamModel empty(double gridSize) {
    return new DstreamModel(0, gridSize, 0, new int[0], new double[0], new double[0],
        new long[0], new int[0], new double[0]);
  }

  /** The dimension, or 0 for the snapshot of a clusterer that has learned nothing. */
  @Override
  public int dimension() {
    return d;
  }

  @Override
  public int clusterCount() {
    return labels.length;
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  /**
   * The label of the cluster whose grid contains the point, else {@link #NOISE}. Before
   * anything was learned (dimension 0) every valid point is {@link #NOISE}.
   */
  @Override
  public int predict(double[] point) {
    Points.require(point, d);
    if (d == 0) {
      return NOISE;
    }
    int i = index.find(point, gridSize);
    return i < 0 ? NOISE : cellLabels[i];
  }

  /**
   * How far outside the grid clusters {@code point} lies, in grid widths: 0 in a clustered grid;
   * otherwise the L∞ distance from the point to the nearest clustered grid's box (the largest
   * per-coordinate gap), and at least {@link Double#MIN_VALUE}, so that a point on the border of
   * a clustered grid but inside an unclustered one still scores above {@link #noiseThreshold()}
   * as {@link #predict} calls it {@link #NOISE}. {@code +infinity} when there is no cluster.
   * O(d) in a clustered grid, O(g·d) for g clustered grids elsewhere; allocates nothing.
   */
  @Override
  public double outlierScore(double[] point) {
    Points.require(point, d);
    int g = cellLabels.length;
    if (g == 0) {
      return Double.POSITIVE_INFINITY;
    }
    if (index.find(point, gridSize) >= 0) {
      return 0;
    }
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0, off = 0; i < g; i++, off += d) {
      double gap = 0;
      for (int j = 0; j < d && gap < best; j++) {
        double u = point[j] / gridSize;
        double lo = coords[off + j];
        gap = Math.max(gap, u < lo ? lo - u : Math.max(0, u - (lo + 1)));
      }
      best = Math.min(best, gap);
    }
    return Math.max(best, Double.MIN_VALUE);
  }

  /** 0: a point is {@link #NOISE} exactly when it lies outside every clustered grid. */
  @Override
  public double noiseThreshold() {
    return 0;
  }

  @Override
  public double[] center(int label) {
    int i = indexOf(label);
    return Arrays.copyOfRange(centers, i * d, (i + 1) * d);
  }

  /** The sum of the cluster's grid densities, faded to {@link #time()}. */
  @Override
  public double weight(int label) {
    return weights[indexOf(label)];
  }

  private int indexOf(int label) {
    return MacroClusters.indexOfLabel(labels, label);
  }

  /** The width of a grid in every dimension, in data units. */
  public double gridSize() {
    return gridSize;
  }

  /** The clusterer's clock when the snapshot was taken. */
  public double time() {
    return time;
  }

  /** The number of grids that belong to a cluster. */
  public int gridCount() {
    return cellLabels.length;
  }

  /** The integer coordinates of clustered grid {@code i}, as a new array. */
  public long[] grid(int i) {
    checkGrid(i);
    return Arrays.copyOfRange(coords, i * d, (i + 1) * d);
  }

  /** The label of clustered grid {@code i}. */
  public int gridLabel(int i) {
    checkGrid(i);
    return cellLabels[i];
  }

  /** The density of clustered grid {@code i}, faded to {@link #time()}. */
  public double gridDensity(int i) {
    checkGrid(i);
    return cellWeights[i];
  }

  private void checkGrid(int i) {
    if (i < 0 || i >= cellLabels.length) {
      throw new IllegalArgumentException("grid " + i + " is not in [0, " + cellLabels.length + ")");
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DstreamModel x)) {
      return false;
    }
    return x.d == d && Double.compare(x.gridSize, gridSize) == 0
        && Double.compare(x.time, time) == 0 && Arrays.equals(x.labels, labels)
        && Arrays.equals(x.centers, centers) && Arrays.equals(x.weights, weights)
        && Arrays.equals(x.coords, coords) && Arrays.equals(x.cellLabels, cellLabels)
        && Arrays.equals(x.cellWeights, cellWeights);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(labels) + Arrays.hashCode(coords);
  }

  @Override
  public String toString() {
    return "DstreamModel[d=" + d + ", clusters=" + Arrays.toString(labels) + ", grids="
        + cellLabels.length + ", time=" + time + "]";
  }

  /** The codec {@link io.eddy.io.ModelIO} uses for this model, named {@code "dstream.model"}. */
  static final StateCodec<DstreamModel> CODEC = StateCodec.of("dstream.model", 1, DstreamModel.class,
      (m, out) -> {
        out.writeInt(m.d);
        out.writeDouble(m.gridSize);
        out.writeDouble(m.time);
        out.writeInts(m.labels);
        out.writeDoubles(m.centers);
        out.writeDoubles(m.weights);
        out.writeLongs(m.coords);
        out.writeInts(m.cellLabels);
        out.writeDoubles(m.cellWeights);
      },
      (in, version) -> {
        try {
          return new DstreamModel(in.readInt(0, Integer.MAX_VALUE), in.readDouble(),
              in.readDouble(), in.readInts(), in.readDoubles(), in.readDoubles(), in.readLongs(),
              in.readInts(), in.readDoubles());
        } catch (IllegalArgumentException e) {
          throw new ModelFormatException("invalid D-Stream model: " + e.getMessage());
        }
      });
}

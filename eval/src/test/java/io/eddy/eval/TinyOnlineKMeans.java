package io.eddy.eval;

import io.eddy.OnlineClusterer;
import io.eddy.Points;
import io.eddy.kmeans.Centroids;
import io.eddy.math.Euclid;

/**
 * MacQueen's sequential k-means for the tests: the first k points become the centers, then
 * each point moves its nearest center by 1/count. No clustering (predict throws) before k
 * points.
 */
final class TinyOnlineKMeans implements OnlineClusterer<Centroids> {

  private final int k;
  private double[] centers;
  private final double[] counts;
  private int d;
  private long seen;

  TinyOnlineKMeans(int k) {
    this.k = k;
    this.counts = new double[k];
  }

  @Override
  public void learn(double[] point) {
    Points.require(point, d);
    if (centers == null) {
      d = point.length;
      centers = new double[k * d];
    }
    if (seen < k) {
      System.arraycopy(point, 0, centers, (int) seen * d, d);
      counts[(int) seen] = 1;
    } else {
      int c = Euclid.nearest(point, centers, k);
      counts[c]++;
      Euclid.moveToward(centers, c, point, 1.0 / counts[c]);
    }
    seen++;
  }

  @Override
  public int predict(double[] point) {
    if (seen < k) {
      throw new IllegalStateException("no clustering before " + k + " points");
    }
    Points.require(point, d);
    return Euclid.nearest(point, centers, k);
  }

  @Override
  public Centroids snapshot() {
    if (seen < k) {
      throw new IllegalStateException("no clustering before " + k + " points");
    }
    return new Centroids(centers, d, counts);
  }

  @Override
  public long seen() {
    return seen;
  }

  @Override
  public int dimension() {
    return d;
  }
}

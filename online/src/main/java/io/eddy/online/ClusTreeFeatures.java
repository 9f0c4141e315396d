package io.eddy.online;

import java.util.Arrays;

/**
 * A growable store of cluster features CF = (n, LS, SS) of one dimension, flat: feature i has
 * weight {@code n[i]} and sums {@code ls[i*d .. i*d+d)}, {@code ss[i*d .. i*d+d)} (SS per
 * dimension). The operations are the CF algebra: add, scale (decay), distance between means.
 * Not thread-safe.
 */
final class ClusTreeFeatures {

  final int d;
  double[] n;
  double[] ls;
  double[] ss;

  ClusTreeFeatures(int d, int capacity) {
    this.d = d;
    this.n = new double[capacity];
    this.ls = new double[capacity * d];
    this.ss = new double[capacity * d];
  }

  int capacity() {
    return n.length;
  }

  void grow(int capacity) {
    if (capacity > n.length) {
      n = Arrays.copyOf(n, capacity);
      ls = Arrays.copyOf(ls, capacity * d);
      ss = Arrays.copyOf(ss, capacity * d);
    }
  }

  void clear(int i) {
    n[i] = 0;
    Arrays.fill(ls, i * d, i * d + d, 0);
    Arrays.fill(ss, i * d, i * d + d, 0);
  }

  /** Feature i becomes the point x with weight w. */
  void setPoint(int i, double[] x, double w) {
    n[i] = w;
    for (int j = 0, o = i * d; j < d; j++) {
      ls[o + j] = w * x[j];
      ss[o + j] = w * x[j] * x[j];
    }
  }

  /** Feature i of this store becomes a copy of feature k of {@code src}. */
  void copy(int i, ClusTreeFeatures src, int k) {
    n[i] = src.n[k];
    System.arraycopy(src.ls, k * d, ls, i * d, d);
    System.arraycopy(src.ss, k * d, ss, i * d, d);
  }

  /** Adds feature k of {@code src} to feature i. */
  void add(int i, ClusTreeFeatures src, int k) {
    n[i] += src.n[k];
    for (int j = 0, o = i * d, p = k * d; j < d; j++) {
      ls[o + j] += src.ls[p + j];
      ss[o + j] += src.ss[p + j];
    }
  }

  /** Multiplies feature i by f (a decay factor). */
  void scale(int i, double f) {
    if (f == 1.0) {
      return;
    }
    n[i] *= f;
    for (int j = 0, o = i * d; j < d; j++) {
      ls[o + j] *= f;
      ss[o + j] *= f;
    }
  }

  boolean isEmpty(int i) {
    return n[i] == 0;
  }

  /**
   * The squared distance between the means of feature i and feature k of {@code other};
   * infinite when either weight is 0 (a feature faded to nothing has no mean).
   */
  double meanDistance(int i, ClusTreeFeatures other, int k) {
    double a = n[i];
    double b = other.n[k];
    if (!(a > 0) || !(b > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    double s = 0;
    for (int j = 0, o = i * d, p = k * d; j < d; j++) {
      double diff = ls[o + j] / a - other.ls[p + j] / b;
      s += diff * diff;
    }
    return s;
  }

  /** Writes the mean of feature i into {@code out} at {@code at}. */
  void mean(int i, double[] out, int at) {
    for (int j = 0, o = i * d; j < d; j++) {
      out[at + j] = ls[o + j] / n[i];
    }
  }
}

package io.eddy.hierarchy;

import io.eddy.Parameter;
import java.util.Locale;

/**
 * How the distance between two clusters is defined, and so which pair merges next.
 *
 * <p>Heights follow scipy's {@code linkage} on observations: every linkage starts from the
 * Euclidean distances between points, and Ward, centroid and median heights are Euclidean
 * distances too (not their squares). The update of the distance from cluster i to the union
 * of x and y (sizes n<sub>i</sub>, n<sub>x</sub>, n<sub>y</sub>) is the Lance–Williams formula
 * given on each constant (Müllner, arXiv:1109.2378, Figure 2).
 */
public enum Linkage implements Parameter.Choice {
  /** Nearest members: min(d(i,x), d(i,y)). Computed by a minimum spanning tree (Prim). */
  SINGLE,
  /** Farthest members: max(d(i,x), d(i,y)). NN-chain. */
  COMPLETE,
  /** Mean distance between members (UPGMA): (n<sub>x</sub>d(i,x) + n<sub>y</sub>d(i,y)) / (n<sub>x</sub>+n<sub>y</sub>). NN-chain. */
  AVERAGE,
  /** WPGMA: (d(i,x) + d(i,y)) / 2. NN-chain. */
  WEIGHTED,
  /**
   * Ward's minimum variance: the height is sqrt(2·n<sub>x</sub>n<sub>y</sub>/(n<sub>x</sub>+n<sub>y</sub>))
   * times the distance between the centroids, so that it equals the Euclidean distance for two
   * points. NN-chain on the matrix, or the generic algorithm on the vectors.
   */
  WARD,
  /** Distance between the centroids (UPGMC). Heights may decrease (inversions). Generic algorithm. */
  CENTROID,
  /**
   * Distance between the clusters' medians (WPGMC), where a merged cluster's median is the
   * midpoint of its parts' medians. Heights may decrease. Generic algorithm.
   */
  MEDIAN;

  /** The lower-case name used by the registry, in saved files and in scipy, e.g. {@code "ward"}. */
  @Override
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether clusters are represented by a center, so the vectors alone suffice (Ward, centroid, median). */
  public boolean isGeometric() {
    return this == WARD || this == CENTROID || this == MEDIAN;
  }
}

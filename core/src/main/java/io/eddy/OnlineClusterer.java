package io.eddy;

/**
 * A clusterer that learns from one point at a time and can be asked for the segment of a point
 * at any moment.
 *
 * <p>The dimension is fixed by the first point learned. A point of another length, or one
 * containing NaN or an infinity, is rejected with an {@link IllegalArgumentException} and
 * leaves the clusterer exactly as it was. Input arrays are never modified and never retained.
 * Memory is bounded by the configuration, not by the length of the stream, and
 * {@link #learn(double[])} and {@link #predict(double[])} allocate nothing in steady state.
 *
 * <p>An online clusterer is not thread-safe: use it from one thread at a time. Its
 * {@link #snapshot() snapshots} are immutable and can be shared freely.
 *
 * @param <M> the model its snapshots are
 */
public interface OnlineClusterer<M extends ClusterModel> {

  /**
   * Learns one point; the clusterer's logical clock advances by one.
   *
   * @param point a finite vector of the clusterer's dimension; not modified, not retained
   * @throws IllegalArgumentException if the point has the wrong length or is not finite
   */
  void learn(double[] point);

  /**
   * Learns one point with a weight; a weight of 2 counts as the point seen twice at once.
   *
   * <p>The default accepts only a weight of 1; clusterers with the
   * {@link Capability#WEIGHTED} capability override it.
   *
   * @param weight a finite weight &gt; 0
   * @throws IllegalArgumentException if the point or the weight is invalid
   * @throws UnsupportedOperationException if this clusterer does not support weights
   */
  default void learn(double[] point, double weight) {
    Points.requireWeight(weight);
    if (weight != 1.0) {
      throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support weights");
    }
    learn(point);
  }

  /**
   * Learns many points. Mini-batch methods treat them as one batch; the others learn them in
   * order, as repeated {@link #learn(double[])} calls. All points are checked before any is
   * learned, so an invalid point leaves the clusterer unchanged.
   *
   * @param points the points; not modified, not retained
   * @throws IllegalArgumentException if any point is invalid
   */
  default void learn(double[][] points) {
    if (points == null) {
      throw new IllegalArgumentException("points is null");
    }
    Points.requireAll(points, dimension() == 0 && points.length > 0 && points[0] != null
        ? points[0].length : dimension());
    for (double[] point : points) {
      learn(point);
    }
  }

  /**
   * The label of the cluster {@code point} belongs to now, or {@link ClusterModel#NOISE}.
   * Does not change the clusterer. Equal to {@code snapshot().predict(point)}.
   *
   * @param point a finite vector of the clusterer's dimension; not modified
   * @throws IllegalArgumentException if the point has the wrong length or is not finite
   * @throws IllegalStateException if the clusterer has no clustering yet and documents that
   *     it has no answer then
   */
  int predict(double[] point);

  /**
   * An immutable model of the clustering as it stands; later learning never changes it.
   *
   * @throws IllegalStateException if the clusterer has no clustering yet and documents that
   *     it has none then
   */
  M snapshot();

  /**
   * Whether {@link #predict(double[])} gives a meaningful answer now: a segment rather than an
   * {@link IllegalStateException} or, for clusterers with noise, a clustering that has at
   * least one segment. A service can learn until it is true before it starts answering.
   * Cheap, and never changes the clusterer.
   *
   * <p>The default is true once a point has been learned, right for clusterers that can
   * answer from their first point; clusterers with a warm-up override it and say when it
   * becomes true.
   */
  default boolean isReady() {
    return seen() > 0;
  }

  /** The number of points learned so far (weighted points count once). */
  long seen();

  /** The dimension fixed by the first point learned, or 0 before it. */
  int dimension();

  /**
   * This clusterer's parameters by name, as {@link Clusterers#online(String, java.util.Map)}
   * takes them (enum values as their ids), so that a configuration can be shown, compared and
   * rebuilt. The default is an empty map, meaning "not reported"; the contract kit requires a
   * registered clusterer to report every declared parameter. Records declared with
   * {@link ParamSpec} give it as {@code SPEC.toMap(params)}.
   */
  default java.util.Map<String, Object> configuration() {
    return java.util.Map.of();
  }
}

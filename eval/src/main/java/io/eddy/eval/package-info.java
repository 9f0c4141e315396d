/**
 * How good are these segments, how many should there be, who is in each, and how are they
 * changing: evaluation for any Eddy clusterer, built-in or plugged in.
 *
 * <ul>
 *   <li>Internal indices: {@link io.eddy.eval.InternalIndices} (WCSS, Davies–Bouldin,
 *       Calinski–Harabasz) and {@link io.eddy.eval.Silhouette} (exact on all cores, sampled
 *       with a standard error, simplified).
 *   <li>External indices: {@link io.eddy.eval.ContingencyTable} and
 *       {@link io.eddy.eval.ExternalIndices} (adjusted Rand index, normalized mutual
 *       information, purity), with a {@link io.eddy.eval.NoisePolicy} for NOISE labels.
 *   <li>Choosing k: {@link io.eddy.eval.KSweep} with the {@link io.eddy.eval.Kneedle} elbow.
 *   <li>Streams: {@link io.eddy.eval.PrequentialEvaluator}.
 *   <li>Segments: {@link io.eddy.eval.SegmentProfiles} and {@link io.eddy.eval.CentroidDrift}
 *       (with {@link io.eddy.eval.Hungarian} matching).
 * </ul>
 *
 * <p>Indices follow scikit-learn 1.2's definitions and equal its values to 1e-10 relative on
 * its bundled data sets. Bad input (labels of the wrong length, fewer than two clusters, all
 * NOISE, fewer than two points, NaN) is an {@link java.lang.IllegalArgumentException} that
 * names the problem. Inputs are never modified.
 */
package io.eddy.eval;

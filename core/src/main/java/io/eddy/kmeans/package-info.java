/**
 * The k-means family in batch: {@link io.eddy.kmeans.KMeans} (registered as {@code "kmeans"};
 * Lloyd, Hamerly or Elkan iterations with scikit-learn's semantics) and its model
 * {@link io.eddy.kmeans.KMeansModel}; the greedy k-means++ seeding
 * {@link io.eddy.kmeans.KMeansPlusPlus}, shared with the online k-means methods and Gaussian
 * mixtures; and {@link io.eddy.kmeans.Centroids}, the model of the online k-means methods.
 */
package io.eddy.kmeans;

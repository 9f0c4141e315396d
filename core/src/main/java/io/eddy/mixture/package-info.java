/**
 * Gaussian mixture models fitted by expectation-maximisation: {@link
 * io.eddy.mixture.GaussianMixture} (registered as {@code "gmm"}) and its soft-membership model
 * {@link io.eddy.mixture.GaussianMixtureModel}.
 */
package io.eddy.mixture;

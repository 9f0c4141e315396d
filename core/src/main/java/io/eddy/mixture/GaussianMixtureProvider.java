package io.eddy.mixture;

import io.eddy.Capability;
import io.eddy.Clusterer;
import io.eddy.ClustererProvider;
import io.eddy.Parameter;
import io.eddy.Parameters;
import io.eddy.io.StateCodec;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Registers {@link GaussianMixture} as {@code "gmm"}: a batch clusterer with sample weights,
 * soft memberships and centers (the component means). Stateless and thread-safe.
 */
public final class GaussianMixtureProvider implements ClustererProvider {

  private static final GaussianMixture.Params D = GaussianMixture.Params.DEFAULTS;

  private static final List<Parameter> PARAMETERS = List.of(
      Parameter.ofInt("k", D.k(), 1, Integer.MAX_VALUE, "number of mixture components"),
      Parameter.ofChoice("covariance", D.covariance().id(), CovarianceType.ids(),
          "covariance shape: full, diagonal, spherical (one variance) or tied (one shared matrix)"),
      Parameter.ofChoice("init", D.init().id(), GaussianMixture.Init.ids(),
          "initial responsibilities: k-means labels, k-means++ seeds or uniform random"),
      Parameter.ofInt("nInit", D.nInit(), 1, Integer.MAX_VALUE,
          "number of initialisations; the one with the best log-likelihood is kept"),
      Parameter.ofInt("maxIter", D.maxIter(), 1, Integer.MAX_VALUE, "maximum EM iterations per initialisation"),
      Parameter.ofDouble("tol", D.tol(), 0, true, Double.POSITIVE_INFINITY, false,
          "stop when the mean log-likelihood gains less than this"),
      Parameter.ofDouble("regCovar", D.regCovar(), 0, true, Double.POSITIVE_INFINITY, false,
          "added to every covariance diagonal to keep it positive definite"),
      Parameter.ofLong("seed", D.seed(), "seed of the initialisation"),
      Parameter.ofInt("threads", D.threads(), 0, Integer.MAX_VALUE,
          "threads for large inputs, 0 for all processors; does not change the result"));

  /** For {@link java.util.ServiceLoader}. */
  public GaussianMixtureProvider() {}

  @Override
  public String name() {
    return "gmm";
  }

  @Override
  public String description() {
    return "Gaussian mixture fitted by EM with full, diagonal, spherical or tied covariances";
  }

  @Override
  public List<Parameter> parameters() {
    return PARAMETERS;
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.BATCH, Capability.WEIGHTED, Capability.SOFT, Capability.CENTROIDS);
  }

  @Override
  public Clusterer<?> newBatch(Parameters p) {
    return new GaussianMixture(params(p));
  }

  /** The configuration described by resolved registry values. */
  static GaussianMixture.Params params(Parameters p) {
    return new GaussianMixture.Params(p.getInt("k"), CovarianceType.of(p.getString("covariance")),
        GaussianMixture.Init.of(p.getString("init")), p.getInt("nInit"), p.getInt("maxIter"),
        p.getDouble("tol"), p.getDouble("regCovar"), p.getLong("seed"), p.getInt("threads"));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(GaussianMixtureModel.CODEC);
  }
}

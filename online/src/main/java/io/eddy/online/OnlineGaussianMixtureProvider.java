package io.eddy.online;

import io.eddy.Capability;
import io.eddy.ClustererProvider;
import io.eddy.OnlineClusterer;
import io.eddy.Parameter;
import io.eddy.Parameters;
import io.eddy.io.StateCodec;
import io.eddy.mixture.CovarianceType;
import java.util.List;
import java.util.Set;

/** Registers {@link OnlineGaussianMixture} as {@code "online-gmm"}. Stateless and thread-safe. */
public final class OnlineGaussianMixtureProvider implements ClustererProvider {

  /** The registry name. */
  public static final String NAME = "online-gmm";

  private static final OnlineGaussianMixture.Params D = OnlineGaussianMixture.Params.DEFAULTS;

  private static final List<Parameter> PARAMETERS = List.of(
      Parameter.ofInt("k", D.k(), 1, Integer.MAX_VALUE, "number of mixture components"),
      Parameter.ofChoice("covariance", D.covariance().id(), CovarianceType.ids(),
          "covariance shape: full, diagonal, spherical (one variance) or tied (one shared matrix)"),
      Parameter.ofDouble("kappa", D.kappa(), 0.5, false, 1, true,
          "step size exponent: the t-th point weighs (t+2)^-kappa"),
      Parameter.ofInt("warmup", D.warmup(), 0, Integer.MAX_VALUE,
          "points fitted by batch EM before stepwise updates; 0 means 20*k"),
      Parameter.ofDouble("regCovar", D.regCovar(), 0, false, Double.POSITIVE_INFINITY, false,
          "added to every covariance diagonal to keep it positive definite"),
      Parameter.ofLong("seed", D.seed(), "seed of the warm-up fit"));

  /** For the {@link java.util.ServiceLoader}. */
  public OnlineGaussianMixtureProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Gaussian mixture learned online by stepwise EM after a batch EM warm-up";
  }

  @Override
  public List<Parameter> parameters() {
    return PARAMETERS;
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.ONLINE, Capability.SOFT, Capability.CENTROIDS, Capability.MERGEABLE);
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters p) {
    return new OnlineGaussianMixture(new OnlineGaussianMixture.Params(p.getInt("k"),
        CovarianceType.of(p.getString("covariance")), p.getDouble("kappa"), p.getInt("warmup"),
        p.getDouble("regCovar"), p.getLong("seed")));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(STATE_CODEC);
  }

  /** Writes an {@link OnlineGaussianMixture}'s configuration and full learning state. */
  static final StateCodec<OnlineGaussianMixture> STATE_CODEC = StateCodec.of(NAME + ".state", 1, OnlineGaussianMixture.class,
      (g, out) -> {
        OnlineGaussianMixture.Params p = g.params();
        out.writeInt(p.k());
        out.writeString(p.covariance().id());
        out.writeDouble(p.kappa());
        out.writeInt(p.warmup());
        out.writeDouble(p.regCovar());
        out.writeLong(p.seed());
        out.writeInt(g.dimension());
        out.writeLong(g.seen());
        if (g.dimension() == 0) {
          return;
        }
        double[] buffer = g.stateBuffer();
        out.writeBoolean(buffer != null);
        if (buffer != null) {
          out.writeDoubles(buffer);
        } else {
          out.writeDoubles(g.statePi());
          out.writeDoubles(g.stateMeans());
          out.writeDoubles(g.stateScatter());
        }
      },
      (in, version) -> {
        OnlineGaussianMixture.Params p = new OnlineGaussianMixture.Params(in.readInt(),
            CovarianceType.of(in.readString()), in.readDouble(), in.readInt(), in.readDouble(),
            in.readLong());
        int d = in.readInt(0, Integer.MAX_VALUE);
        long seen = in.readLong();
        if (d == 0) {
          return OnlineGaussianMixture.restore(p, 0, seen, null, null, null, null);
        }
        if (in.readBoolean()) {
          return OnlineGaussianMixture.restore(p, d, seen, in.readDoubles(), null, null, null);
        }
        return OnlineGaussianMixture.restore(p, d, seen, null, in.readDoubles(), in.readDoubles(),
            in.readDoubles());
      });
}

package io.eddy.online;

import io.eddy.Clusterer;
import io.eddy.Points;
import java.util.Map;

/**
 * BIRCH as a batch clusterer: scikit-learn 1.2's {@code Birch.fit}. The points are inserted in
 * their order into a new CF tree, then the global step runs once; the model's
 * {@code predict(data)} gives scikit-learn's {@code labels_}. Everything else, deviations
 * included, is as in {@link Birch}.
 *
 * <p>Deterministic (no randomness), reusable and thread-safe: each fit builds its own tree.
 * A fit costs n insertions plus one global step (see {@link Birch}).
 */
public final class BirchBatch implements Clusterer<BirchModel> {

  private final Birch.Params params;

  /** A clusterer with the given configuration. */
  public BirchBatch(Birch.Params params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
  }

  /** The configuration. */
  public Birch.Params params() {
    return params;
  }

  @Override
  public Map<String, Object> configuration() {
    return Birch.Params.SPEC.toMap(params);
  }

  @Override
  public BirchModel fit(double[][] data) {
    Points.requireData(data);
    Birch tree = new Birch(params);
    for (int i = 0; i < data.length; i++) {
      tree.learn(data[i]);
    }
    return tree.snapshot();
  }

  @Override
  public String toString() {
    return "BirchBatch[" + params + "]";
  }
}

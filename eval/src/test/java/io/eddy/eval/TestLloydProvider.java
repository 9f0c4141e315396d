package io.eddy.eval;

import io.eddy.Capability;
import io.eddy.Clusterer;
import io.eddy.ClustererProvider;
import io.eddy.Parameter;
import io.eddy.Parameters;
import java.util.List;
import java.util.Set;

/** Registers the test {@link Lloyd} clusterer so that sweeps by name can be tested. */
public final class TestLloydProvider implements ClustererProvider {

  static final String NAME = "eval-test-lloyd";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Lloyd's k-means with farthest-point seeding, for eval's tests";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.ofInt("k", 2, 1, Integer.MAX_VALUE, "number of clusters"));
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.BATCH, Capability.CENTROIDS);
  }

  @Override
  public Clusterer<?> newBatch(Parameters params) {
    return new Lloyd(params.getInt("k"));
  }
}

import io.eddy.Clusterers;
import io.eddy.OnlineClusterer;
import io.eddy.io.ModelIO;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the module descriptors: run on the module path, every built-in clusterer must be
 * found through its module's {@code provides} clause, and persistence must find its codecs.
 * Run by .ci/run as
 * {@code java --module-path examples/target/modules --add-modules ALL-MODULE-PATH .ci/ModulePathCheck.java}.
 */
public class ModulePathCheck {
  public static void main(String[] args) throws Exception {
    if (!Clusterers.class.getModule().isNamed()) {
      throw new AssertionError("io.eddy was loaded from the class path, not the module path");
    }
    Set<String> names = Clusterers.names();
    for (String expected : List.of("sequential-kmeans", "minibatch-kmeans", "kmeans", "dbstream", "denstream", "gmm", "online-gmm", "hierarchical", "birch", "clustream", "streamkm", "dstream", "clustree")) {
      if (!names.contains(expected)) {
        throw new AssertionError("'" + expected + "' is not registered on the module path; found " + names);
      }
    }
    OnlineClusterer<?> c = Clusterers.online("sequential-kmeans", Map.of("k", 2, "init", "first"));
    c.learn(new double[] {0, 0});
    c.learn(new double[] {5, 5});
    Object back = ModelIO.fromBytes(ModelIO.toBytes(c), c.getClass());
    if (!java.util.Arrays.equals(ModelIO.toBytes(back), ModelIO.toBytes(c))) {
      throw new AssertionError("module-path round trip changed the state");
    }
    io.eddy.features.StreamingStandardScaler scaler = new io.eddy.features.StreamingStandardScaler();
    scaler.learn(new double[] {1, 2});
    Object scalerBack = ModelIO.fromBytes(ModelIO.toBytes(scaler), scaler.getClass());
    if (!java.util.Arrays.equals(ModelIO.toBytes(scalerBack), ModelIO.toBytes(scaler))) {
      throw new AssertionError("features codecs were not found through io.eddy.io.CodecProvider");
    }
    System.out.println("module path: " + names.size() + " clusterers registered: " + names);
  }
}

import io.eddy.Clusterers;
import io.eddy.Mergeable;
import io.eddy.OnlineClusterer;
import io.eddy.io.ModelIO;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The cost of one merge as the Flink job's merge operator does it: read p learner states back
 * from their ModelIO bytes and merge them into a fresh clusterer, then write the model.
 *
 * <pre>java -cp flink/target/eddy-flink-job.jar benchmarks/compare/flink/MergeCost.java sequential-kmeans 8 8 4</pre>
 * (algorithm, k, dimension, learners). Prints the mean time per merge after a warm-up, and
 * the time a learner takes to read the merged state back and take its part (feedback).
 */
public class MergeCost {
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void main(String[] args) throws Exception {
    String name = args[0];
    int k = Integer.parseInt(args[1]);
    int d = Integer.parseInt(args[2]);
    int p = Integer.parseInt(args[3]);
    Map<String, String> params = Map.of("k", Integer.toString(k));
    SplittableRandom rng = new SplittableRandom(1);
    byte[][] states = new byte[p][];
    for (int s = 0; s < p; s++) {
      OnlineClusterer<?> c = Clusterers.online(name, params);
      double[] x = new double[d];
      for (int i = 0; i < 20_000; i++) {
        int blob = rng.nextInt(k);
        for (int e = 0; e < d; e++) {
          x[e] = 10 * blob * (e == blob % d ? 1 : 0) + rng.nextGaussian();
        }
        c.learn(x);
      }
      states[s] = ModelIO.toBytes(c);
    }
    long sink = 0;
    for (int round = 0; round < 2; round++) {
      int n = round == 0 ? 2_000 : 10_000;
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        OnlineClusterer<?> merged = Clusterers.online(name, params);
        for (byte[] b : states) {
          ((Mergeable) merged).merge((Mergeable) ModelIO.fromBytes(b, OnlineClusterer.class));
        }
        sink += ModelIO.toBytes(merged.snapshot()).length;
      }
      double us = (System.nanoTime() - start) / 1e3 / n;
      if (round == 1) {
        System.out.printf("%s k=%d d=%d learners=%d: %.1f us per merge (state %d bytes each) [%d]%n",
            name, k, d, p, us, states[0].length, sink % 7);
      }
    }
    // With feedback each learner then reads the merged state and takes its part of it.
    OnlineClusterer<?> merged = Clusterers.online(name, params);
    for (byte[] b : states) {
      ((Mergeable) merged).merge((Mergeable) ModelIO.fromBytes(b, OnlineClusterer.class));
    }
    byte[] mergedState = ModelIO.toBytes(merged);
    for (int round = 0; round < 2; round++) {
      int n = round == 0 ? 2_000 : 10_000;
      int split = 0;
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        OnlineClusterer<?> whole = ModelIO.fromBytes(mergedState, OnlineClusterer.class);
        OnlineClusterer<?> part = Clusterers.online(name, params);
        split += ((Mergeable) part).takePart((Mergeable) whole, i % p, p) ? 1 : 0;
        sink += part.seen();
      }
      double us = (System.nanoTime() - start) / 1e3 / n;
      if (round == 1) {
        System.out.printf("%s: %.1f us per learner to read the merged state and take its part (%s) [%d]%n",
            name, us, split == n ? "split" : "not split: taken whole by one learner", sink % 7);
      }
    }
  }
}

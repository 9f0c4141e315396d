import io.eddy.flink.Event;
import io.eddy.flink.JobSpec;
import io.eddy.flink.SegmentationJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Throughput of the segmentation topology at parallelism 1, 2 and 4 in one JVM, outputs
 * discarded, so that neither the JVM's start nor collecting results to the client is counted.
 * Each parallelism runs a small and a large stream; events/s = (N - n) / (t_N - t_n) removes
 * the mini-cluster's start and the job's submission.
 *
 * <pre>java -cp flink/target/eddy-flink-job.jar benchmarks/compare/flink/Scale.java 200000</pre>
 */
public class Scale {
  public static void main(String[] args) throws Exception {
    int big = Integer.parseInt(args[0]);
    int small = 10_000;
    List<Event> bigEvents = events(big);
    List<Event> smallEvents = events(small);
    run(1, smallEvents); // warm-up of the JVM
    for (int p : new int[] {1, 2, 4}) {
      double ts = run(p, smallEvents);
      double tb = run(p, bigEvents);
      System.out.printf("p=%d: n=%d %.2f s, N=%d %.2f s -> %.0f events/s%n", p, small, ts, big, tb,
          (big - small) / (tb - ts));
    }
  }

  static double run(int p, List<Event> events) throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(p, conf);
    JobSpec spec = new JobSpec("sequential-kmeans", Map.of("k", "8"), p, 100_000, 0, false);
    SegmentationJob.Outputs out = SegmentationJob.build(
        env.fromData(events, SegmentationJob.EVENT).setParallelism(1), spec, null);
    out.assignments().sinkTo(new DiscardingSink<>());
    out.snapshots().sinkTo(new DiscardingSink<>()).setParallelism(1);
    long start = System.nanoTime();
    env.execute("scale p=" + p);
    return (System.nanoTime() - start) / 1e9;
  }

  static List<Event> events(int n) {
    SplittableRandom rng = new SplittableRandom(7);
    double[][] centers = new double[8][8];
    for (double[] c : centers) {
      for (int e = 0; e < 8; e++) {
        c[e] = rng.nextDouble(-10, 10);
      }
    }
    List<Event> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double[] c = centers[rng.nextInt(8)];
      double[] x = new double[8];
      for (int e = 0; e < 8; e++) {
        x[e] = c[e] + 0.7 * rng.nextGaussian();
      }
      out.add(new Event(i, x, i));
    }
    return out;
  }
}

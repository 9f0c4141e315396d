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
 * Each round runs, for p = 1, 2, 4 in turn, a small and a large stream; events/s =
 * (N - n) / (t_N - t_n) removes the mini-cluster's start and the job's submission. Rounds
 * interleave the parallelisms so that a change of the machine's load hits all of them alike;
 * the median and the range over the rounds are printed at the end.
 *
 * <pre>java -cp flink/target/eddy-flink-job.jar benchmarks/compare/flink/Scale.java 200000 [rounds]</pre>
 */
public class Scale {
  public static void main(String[] args) throws Exception {
    int big = Integer.parseInt(args[0]);
    int small = 10_000;
    List<Event> bigEvents = events(big);
    List<Event> smallEvents = events(small);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int[] ps = {1, 2, 4};
    double[][] total = new double[ps.length][rounds];
    double[][] rate = new double[ps.length][rounds];
    run(1, smallEvents); // warm-up of the JVM
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < ps.length; i++) {
        double ts = run(ps[i], smallEvents);
        double tb = run(ps[i], bigEvents);
        total[i][r] = tb;
        rate[i][r] = (big - small) / (tb - ts);
        System.out.printf("round %d p=%d: n=%d %.2f s, N=%d %.2f s -> %.0f events/s%n", r + 1, ps[i], small, ts,
            big, tb, rate[i][r]);
      }
    }
    for (int i = 0; i < ps.length; i++) {
      double[] t = total[i].clone();
      double[] e = rate[i].clone();
      java.util.Arrays.sort(t);
      java.util.Arrays.sort(e);
      System.out.printf("p=%d over %d rounds: N total median %.2f s [%.2f, %.2f]; events/s median %.0f [%.0f, %.0f]%n",
          ps[i], rounds, median(t), t[0], t[rounds - 1], median(e), e[0], e[rounds - 1]);
    }
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
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

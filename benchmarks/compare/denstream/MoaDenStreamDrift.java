import com.yahoo.labs.samoa.instances.Attribute;
import com.yahoo.labs.samoa.instances.DenseInstance;
import com.yahoo.labs.samoa.instances.Instance;
import com.yahoo.labs.samoa.instances.Instances;
import io.eddy.ClusterModel;
import io.eddy.online.DenStream;
import io.eddy.testkit.DriftingMixture;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import moa.cluster.Cluster;
import moa.cluster.Clustering;
import moa.clusterers.denstream.WithDBSCAN;

/**
 * MOA 2024.07.0's DenStream (moa.clusterers.denstream.WithDBSCAN) and Eddy's DenStream side by
 * side in one JVM on the same DriftingMixture stream (d = 8, twelve moving Gaussian clusters,
 * sd 0.015–0.035, born and vanishing, 5 % uniform noise): learning throughput, and quality per
 * window.
 *
 * <p>Protocol: n points (default 60,000), one tick per point for both (MOA's processingSpeed 1,
 * so lambda is per point). After 20,000 points, every 5,000-point window is predicted with the
 * clustering as it stands before the window, then learned; learning time excludes the
 * predictions; the whole run is done twice in one JVM, cold then warm. Per window: ARI over the non-noise points (a predicted NOISE is a label of its
 * own) and the share of noise points predicted NOISE; the mean and the worst window are
 * printed. MOA has no per-point prediction: a point gets the first macro cluster whose
 * getInclusionProbability is positive, else noise.
 *
 * <p>Arguments: n, MOA epsilon, mu, beta, lambda, then Eddy's epsilon ("auto" or a number).
 * MOA's epsilon bounds a micro-cluster's largest per-dimension standard deviation; Eddy's, as
 * in the paper, the root-mean-square distance over all d dimensions, about sqrt(d) times more
 * for round clusters. Run with {@code benchmarks/compare/denstream/run.sh}.
 */
public final class MoaDenStreamDrift {

  private static final int D = 8;
  private static final int WARMUP = 20_000;
  private static final int WINDOW = 5_000;

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
    double moaEps = args.length > 1 ? Double.parseDouble(args[1]) : 0.04;
    double mu = args.length > 2 ? Double.parseDouble(args[2]) : 10;
    double beta = args.length > 3 ? Double.parseDouble(args[3]) : 0.2;
    double lambda = args.length > 4 ? Double.parseDouble(args[4]) : 0.0025;
    String eddyEps = args.length > 5 ? args[5] : "auto";
    DriftingMixture stream = new DriftingMixture(2024);
    double[][] pts = new double[n][D];
    int[] truth = new int[n];
    for (int i = 0; i < n; i++) {
      truth[i] = stream.next(pts[i]);
    }

    for (String round : new String[] {"cold", "warm"}) {
      run(round, n, pts, truth, moaEps, mu, beta, lambda, eddyEps);
    }
  }

  private static void run(String round, int n, double[][] pts, int[] truth, double moaEps,
      double mu, double beta, double lambda, String eddyEps) {
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int j = 0; j < D; j++) {
      atts.add(new Attribute("x" + j));
    }
    Instances header = new Instances("stream", atts, 0);
    Instance[] insts = new Instance[n];
    for (int i = 0; i < n; i++) {
      insts[i] = new DenseInstance(1.0, pts[i]);
      insts[i].setDataset(header);
    }
    WithDBSCAN moa = new WithDBSCAN();
    moa.epsilonOption.setValue(moaEps);
    moa.muOption.setValue(mu);
    moa.betaOption.setValue(beta);
    moa.lambdaOption.setValue(lambda);
    moa.initPointsOption.setValue(1000);
    moa.offlineOption.setValue(2);
    moa.speedOption.setValue(1);
    moa.prepareForUse();
    moa.resetLearning();
    DenStream eddy = new DenStream(DenStream.Params.SPEC.from(Map.of("epsilon", eddyEps, "mu", mu,
        "beta", beta, "lambda", lambda, "initPoints", 1000, "offlineFactor", 2)));

    double[] moaQ = new double[4];
    double[] eddyQ = new double[4];
    moaQ[1] = moaQ[3] = eddyQ[1] = eddyQ[3] = 1;
    long moaNs = 0;
    long eddyNs = 0;
    int windows = 0;
    int[] labels = new int[WINDOW];
    int[] wTruth = new int[WINDOW];
    for (int start = 0; start < n; start += WINDOW) {
      int end = Math.min(n, start + WINDOW);
      if (start >= WARMUP && end - start == WINDOW) {
        System.arraycopy(truth, start, wTruth, 0, WINDOW);
        Clustering macro = moa.getClusteringResult();
        for (int i = 0; i < WINDOW; i++) {
          labels[i] = ClusterModel.NOISE;
          for (int c = 0; c < macro.size(); c++) {
            Cluster cl = macro.get(c);
            if (cl.getInclusionProbability(insts[start + i]) > 0) {
              labels[i] = c;
              break;
            }
          }
        }
        score(moaQ, wTruth, labels);
        ClusterModel model = eddy.snapshot();
        for (int i = 0; i < WINDOW; i++) {
          labels[i] = model.predict(pts[start + i]);
        }
        score(eddyQ, wTruth, labels);
        windows++;
      }
      long t0 = System.nanoTime();
      for (int i = start; i < end; i++) {
        moa.trainOnInstance(insts[i]);
      }
      long t1 = System.nanoTime();
      for (int i = start; i < end; i++) {
        eddy.learn(pts[i]);
      }
      long t2 = System.nanoTime();
      moaNs += t1 - t0;
      eddyNs += t2 - t1;
    }
    System.out.println(String.format(Locale.ROOT,
        "%s: n=%d mu=%s beta=%s lambda=%s, %d windows of %d after %d%n"
            + "MOA  (epsilon %s): %.0f points/s, macro=%d, ARI mean %.4f worst %.4f, noise recall mean %.4f worst %.4f%n"
            + "Eddy (epsilon %s, in effect %.4f): %.0f points/s, macro=%d, ARI mean %.4f worst %.4f, noise recall mean %.4f worst %.4f%n"
            + "throughput ratio Eddy/MOA = %.1f",
        round, n, mu, beta, lambda, windows, WINDOW, WARMUP,
        moaEps, n / (moaNs / 1e9), moa.getClusteringResult().size(), moaQ[0] / windows, moaQ[1],
        moaQ[2] / windows, moaQ[3],
        eddyEps, eddy.epsilon(), n / (eddyNs / 1e9), eddy.snapshot().clusterCount(),
        eddyQ[0] / windows, eddyQ[1], eddyQ[2] / windows, eddyQ[3], (double) moaNs / eddyNs));
  }

  /** Adds a window's ARI and noise recall to the sums q[0], q[2] and the minima q[1], q[3]. */
  private static void score(double[] q, int[] truth, int[] labels) {
    double ari = MoaDenStreamCompare.ari(truth, labels);
    double recall = MoaDenStreamCompare.noiseRecall(truth, labels);
    q[0] += ari;
    q[1] = Math.min(q[1], ari);
    q[2] += recall;
    q[3] = Math.min(q[3], recall);
  }
}

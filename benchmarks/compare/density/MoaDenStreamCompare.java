import com.yahoo.labs.samoa.instances.Attribute;
import com.yahoo.labs.samoa.instances.DenseInstance;
import com.yahoo.labs.samoa.instances.Instance;
import com.yahoo.labs.samoa.instances.Instances;
import io.eddy.ClusterModel;
import io.eddy.online.DenStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import moa.cluster.Cluster;
import moa.cluster.Clustering;
import moa.clusterers.denstream.WithDBSCAN;

/**
 * MOA's DenStream (moa.clusterers.denstream.WithDBSCAN, MOA 2024.07.0) and Eddy's DenStream on
 * the same stream: throughput of learning and the ARI of the final macro clustering on the last
 * window of non-noise points, plus the share of noise points each labels as noise.
 *
 * <p>The stream: n points in [0, 1]^d, five Gaussian clusters (sd 0.01) at random centres, plus
 * 10% uniform noise (MOA's options cap epsilon at 1, so the data live in the unit cube as in
 * its RandomRBFGenerator). Shared settings: epsilon 0.05, mu 10 and beta 0.2 (or the third and
 * fourth arguments), lambda 0.25 per time
 * unit of 1000 points (MOA's processingSpeed; Eddy gets the event time i/1000), initPoints 1000,
 * offline factor 2.
 *
 * <p>MOA has no per-point prediction: a point gets the first macro cluster whose
 * getInclusionProbability is positive, else noise; a second figure gives every point the macro
 * cluster with the nearest centre (never noise), as River's predict does.
 *
 * <p>Run from the repository root (outside the Maven build):
 * <pre>
 * ./mvnw -q -B -o -pl benchmarks -am package -DskipTests
 * ./mvnw -q -B dependency:get -Dartifact=nz.ac.waikato.cms.moa:moa:2024.07.0 -Dtransitive=false
 * MOA=~/.m2/repository/nz/ac/waikato/cms/moa/moa/2024.07.0/moa-2024.07.0.jar
 * javac -cp benchmarks/target/benchmarks.jar:$MOA -d /tmp/moacmp benchmarks/compare/density/MoaDenStreamCompare.java
 * java -cp /tmp/moacmp:benchmarks/target/benchmarks.jar:$MOA MoaDenStreamCompare 100000 8 10 0.2
 * java -cp /tmp/moacmp:benchmarks/target/benchmarks.jar:$MOA MoaDenStreamCompare 100000 8 2 0.6
 * </pre>
 */
public final class MoaDenStreamCompare {

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int d = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    double mu = args.length > 2 ? Double.parseDouble(args[2]) : 10;
    double beta = args.length > 3 ? Double.parseDouble(args[3]) : 0.2;
    int speed = 1000;
    double eps = 0.05;
    double[][] pts = new double[n][d];
    int[] truth = new int[n];
    SplittableRandom rng = new SplittableRandom(42);
    double[][] centres = new double[5][d];
    for (double[] c : centres) {
      for (int j = 0; j < d; j++) {
        c[j] = rng.nextDouble(0.15, 0.85);
      }
    }
    for (int i = 0; i < n; i++) {
      if (rng.nextDouble() < 0.1) {
        for (int j = 0; j < d; j++) {
          pts[i][j] = rng.nextDouble();
        }
        truth[i] = -1;
      } else {
        int k = rng.nextInt(5);
        for (int j = 0; j < d; j++) {
          pts[i][j] = centres[k][j] + 0.01 * rng.nextGaussian();
        }
        truth[i] = k;
      }
    }

    // MOA
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      atts.add(new Attribute("x" + j));
    }
    Instances header = new Instances("stream", atts, 0);
    Instance[] insts = new Instance[n];
    for (int i = 0; i < n; i++) {
      DenseInstance inst = new DenseInstance(1.0, pts[i]);
      inst.setDataset(header);
      insts[i] = inst;
    }
    // MOA prints a line about unclustered micro-clusters from its DBSCAN; it is not ours.
    WithDBSCAN moa = new WithDBSCAN();
    moa.epsilonOption.setValue(eps);
    moa.muOption.setValue(mu);
    moa.betaOption.setValue(beta);
    moa.lambdaOption.setValue(0.25);
    moa.initPointsOption.setValue(1000);
    moa.offlineOption.setValue(2);
    moa.speedOption.setValue(speed);
    moa.prepareForUse();
    moa.resetLearning();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      moa.trainOnInstance(insts[i]);
    }
    double moaSeconds = (System.nanoTime() - t0) / 1e9;
    Clustering macro = moa.getClusteringResult();
    int window = Math.min(20_000, n);
    int[] moaLabels = new int[window];
    int[] moaNearest = new int[window];
    for (int i = 0; i < window; i++) {
      Instance inst = insts[n - window + i];
      moaLabels[i] = ClusterModel.NOISE;
      moaNearest[i] = ClusterModel.NOISE;
      double best = Double.POSITIVE_INFINITY;
      for (int c = 0; c < macro.size(); c++) {
        Cluster cl = macro.get(c);
        if (moaLabels[i] == ClusterModel.NOISE && cl.getInclusionProbability(inst) > 0) {
          moaLabels[i] = c;
        }
        double[] centre = cl.getCenter();
        double dist = 0;
        for (int j = 0; j < d; j++) {
          dist += (centre[j] - pts[n - window + i][j]) * (centre[j] - pts[n - window + i][j]);
        }
        if (dist < best) {
          best = dist;
          moaNearest[i] = c;
        }
      }
    }

    // Eddy
    DenStream eddy = new DenStream(DenStream.Params.SPEC.from(Map.of("epsilon", eps, "mu", mu, "beta", beta, "lambda", 0.25, "initPoints", 1000, "offlineFactor", 2)));
    long t1 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      eddy.learn(pts[i], 1.0, (double) (i / speed));
    }
    double eddySeconds = (System.nanoTime() - t1) / 1e9;
    ClusterModel model = eddy.snapshot();
    int[] eddyLabels = new int[window];
    for (int i = 0; i < window; i++) {
      eddyLabels[i] = model.predict(pts[n - window + i]);
    }

    int[] wTruth = new int[window];
    System.arraycopy(truth, n - window, wTruth, 0, window);
    System.out.println(String.format(Locale.ROOT,
        "n=%d d=%d mu=%s beta=%s%nMOA  : %.2f s, %.0f points/s, macro=%d, p-mc=%d, ARI(non-noise)=%.4f, noise->NOISE=%.4f,"
            + " ARI(nearest macro centre)=%.4f%n"
            + "Eddy : %.2f s, %.0f points/s, macro=%d, p-mc=%d, ARI(non-noise)=%.4f, noise->NOISE=%.4f%n"
            + "throughput ratio Eddy/MOA = %.1f",
        n, d, mu, beta, moaSeconds, n / moaSeconds, macro.size(), moa.getMicroClusteringResult().size(),
        ari(wTruth, moaLabels), noiseRecall(wTruth, moaLabels), ari(wTruth, moaNearest),
        eddySeconds, n / eddySeconds, model.clusterCount(), eddy.potentialCount(),
        ari(wTruth, eddyLabels), noiseRecall(wTruth, eddyLabels), moaSeconds / eddySeconds));
  }

  static double noiseRecall(int[] truth, int[] labels) {
    int noise = 0;
    int caught = 0;
    for (int i = 0; i < truth.length; i++) {
      if (truth[i] < 0) {
        noise++;
        caught += labels[i] == ClusterModel.NOISE ? 1 : 0;
      }
    }
    return (double) caught / noise;
  }

  /** ARI over the points whose truth is not noise; a predicted NOISE is one more label. */
  static double ari(int[] truth, int[] labels) {
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < truth.length; i++) {
      if (truth[i] >= 0) {
        pairs.add(new int[] {truth[i], labels[i]});
      }
    }
    Map<Long, Long> cells = new HashMap<>();
    Map<Integer, Long> rows = new HashMap<>();
    Map<Integer, Long> cols = new HashMap<>();
    for (int[] p : pairs) {
      cells.merge(((long) p[0] << 32) ^ (p[1] & 0xffffffffL), 1L, Long::sum);
      rows.merge(p[0], 1L, Long::sum);
      cols.merge(p[1], 1L, Long::sum);
    }
    double index = 0;
    for (long v : cells.values()) {
      index += v * (v - 1) / 2.0;
    }
    double a = 0;
    for (long v : rows.values()) {
      a += v * (v - 1) / 2.0;
    }
    double b = 0;
    for (long v : cols.values()) {
      b += v * (v - 1) / 2.0;
    }
    double total = pairs.size() * (pairs.size() - 1) / 2.0;
    double expected = a * b / total;
    double max = (a + b) / 2;
    return max == expected ? 1.0 : (index - expected) / (max - expected);
  }
}

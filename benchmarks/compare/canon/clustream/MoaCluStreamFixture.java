import com.yahoo.labs.samoa.instances.Attribute;
import com.yahoo.labs.samoa.instances.DenseInstance;
import com.yahoo.labs.samoa.instances.Instances;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.SplittableRandom;
import moa.cluster.CFCluster;
import moa.cluster.Clustering;
import moa.clusterers.clustream.Clustream;

/**
 * Golden fixture for Eddy's CluStream from MOA 2024.07.0's moa.clusterers.clustream.Clustream
 * (GPL: run here as an oracle, outside the build; only its output is committed).
 *
 * <p>What must agree: in one dimension MOA's radius (1.8 times the mean per-dimension standard
 * deviation; its kernelRadiFactor option is not used by getRadius) equals Eddy's maximum boundary
 * (t times the RMS deviation) with t = 1.8, and with a horizon too long for any deletion the
 * relevance stamps (where MOA takes the wrong quantile) never decide anything. Then both keep the
 * same micro-clusters slot for slot: same nearest-kernel rule, same singleton boundary, same
 * closest-pair merge into the lower slot with the new point in the higher. Time features differ
 * (MOA stamps its initial kernels with the time of point q + 1) and are not compared.
 *
 * <p>The stream: 3000 one-dimensional points from four Gaussian clusters (sd 0.5) whose centres
 * drift, SplittableRandom seed 2003. The fixture lists the points, then each kernel's N, LS, SS.
 *
 * <p>Run from the repository root: {@code benchmarks/compare/canon/clustream/run.sh}
 */
public final class MoaCluStreamFixture {

  public static void main(String[] args) throws Exception {
    int n = 3000;
    int q = 20;
    double[] xs = new double[n];
    SplittableRandom rng = new SplittableRandom(2003);
    double[] centres = {-12, -3, 4, 11};
    double[] drift = {0.002, -0.001, 0.0015, -0.002};
    for (int i = 0; i < n; i++) {
      int c = rng.nextInt(4);
      xs[i] = centres[c] + drift[c] * i + 0.5 * rng.nextGaussian();
    }
    Clustream moa = new Clustream();
    moa.timeWindowOption.setValue(Integer.MAX_VALUE);
    moa.maxNumKernelsOption.setValue(q);
    moa.kernelRadiFactorOption.setValue(2);
    moa.resetLearning();
    ArrayList<Attribute> atts = new ArrayList<>();
    atts.add(new Attribute("x"));
    Instances header = new Instances("s", atts, 0);
    for (double x : xs) {
      DenseInstance inst = new DenseInstance(1.0, new double[] {x});
      inst.setDataset(header);
      moa.trainOnInstanceImpl(inst);
    }
    Clustering micro = moa.getMicroClusteringResult();
    Field ls = CFCluster.class.getField("LS");
    Field ss = CFCluster.class.getField("SS");
    Path out = Path.of(args.length > 0 ? args[0] : "moa_clustream_1d.csv");
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
      w.println("# MOA 2024.07.0 Clustream, maxNumKernels=" + q + ", horizon=Integer.MAX_VALUE; "
          + "benchmarks/compare/canon/clustream/MoaCluStreamFixture.java");
      w.println("points," + n);
      for (double x : xs) {
        w.println(Double.toString(x));
      }
      w.println("kernels," + micro.size());
      for (int j = 0; j < micro.size(); j++) {
        CFCluster k = (CFCluster) micro.get(j);
        w.println(String.format(Locale.ROOT, "%s,%s,%s", Double.toString(k.getWeight()),
            Double.toString(((double[]) ls.get(k))[0]), Double.toString(((double[]) ss.get(k))[0])));
      }
    }
  }
}

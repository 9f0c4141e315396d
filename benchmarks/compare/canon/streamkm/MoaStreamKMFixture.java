import com.yahoo.labs.samoa.instances.Attribute;
import com.yahoo.labs.samoa.instances.DenseInstance;
import com.yahoo.labs.samoa.instances.Instances;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.SplittableRandom;
import moa.clusterers.streamkm.StreamKM;

/**
 * Golden fixture for Eddy's StreamKM++ from MOA 2024.07.0's moa.clusterers.streamkm.StreamKM
 * (GPL: run here as an oracle, outside the build; only its output is committed).
 *
 * <p>What must agree: both draw random coresets, so no two runs agree point for point; what should
 * agree is the quality of the coreset. The fixture is MOA's final coreset (its bucket manager's
 * reduction of all buckets, read by reflection) for a stream Eddy's test regenerates; the test
 * clusters both coresets with the same weighted k-means and compares their cost on the whole
 * stream, and checks that MOA's coreset weights add up to the stream's length.
 *
 * <p>The stream (also in StreamKMTest.driftingBlobs): 20,000 points in 4-D from five Gaussian
 * blobs (sd 0.5) whose centres, drawn in [0, 20]^4, drift by up to 2 per coordinate over the
 * stream; SplittableRandom seed 2012. MOA: sizeCoreset 200, numClusters 5, randomSeed 1, and
 * length 40,000, twice the stream, so that MOA extracts its coreset only once, here: extracting
 * reduces the buckets in place and the coreset points alias bucket points, so a second
 * extraction counts weights again (with length 20,000, MOA extracts once when the stream ends
 * and this second extraction's weights add up to 26,961 instead of 20,000). MOA's
 * getClusteringResult extracts on every call, so every evaluation corrupts its summary.
 *
 * <p>Run from the repository root: {@code benchmarks/compare/canon/streamkm/run.sh}
 */
public final class MoaStreamKMFixture {

  static double[][] driftingBlobs() {
    int n = 20_000;
    int d = 4;
    SplittableRandom rng = new SplittableRandom(2012);
    double[][] centres = new double[5][d];
    double[][] drift = new double[5][d];
    for (int c = 0; c < 5; c++) {
      for (int j = 0; j < d; j++) {
        centres[c][j] = rng.nextDouble(0, 20);
        drift[c][j] = rng.nextDouble(-2, 2);
      }
    }
    double[][] xs = new double[n][d];
    for (int i = 0; i < n; i++) {
      int c = rng.nextInt(5);
      for (int j = 0; j < d; j++) {
        xs[i][j] = centres[c][j] + drift[c][j] * i / n + 0.5 * rng.nextGaussian();
      }
    }
    return xs;
  }

  public static void main(String[] args) throws Exception {
    double[][] xs = driftingBlobs();
    int d = xs[0].length;
    StreamKM moa = new StreamKM();
    moa.sizeCoresetOption.setValue(200);
    moa.numClustersOption.setValue(5);
    moa.lengthOption.setValue(2 * xs.length);
    moa.randomSeedOption.setValue(1);
    moa.resetLearning();
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      atts.add(new Attribute("x" + j));
    }
    Instances header = new Instances("s", atts, 0);
    for (double[] x : xs) {
      DenseInstance inst = new DenseInstance(1.0, x);
      inst.setDataset(header);
      moa.trainOnInstanceImpl(inst);
    }
    Field managerField = StreamKM.class.getDeclaredField("manager");
    managerField.setAccessible(true);
    Object manager = managerField.get(moa);
    Method coreset = manager.getClass().getDeclaredMethod("getCoresetFromManager", int.class);
    coreset.setAccessible(true);
    Object[] points = (Object[]) coreset.invoke(manager, d);
    Class<?> pointClass = Class.forName("moa.clusterers.streamkm.Point");
    Field coords = pointClass.getDeclaredField("coordinates");
    Field weight = pointClass.getDeclaredField("weight");
    coords.setAccessible(true);
    weight.setAccessible(true);
    Path out = Path.of(args.length > 0 ? args[0] : "moa_streamkm_coreset.csv");
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
      w.println("# MOA 2024.07.0 StreamKM, sizeCoreset=200, numClusters=5, length=40000, randomSeed=1; "
          + "benchmarks/compare/canon/streamkm/MoaStreamKMFixture.java");
      w.println("coreset," + points.length);
      for (Object p : points) {
        double wt = weight.getDouble(p);
        double[] c = (double[]) coords.get(p);
        StringBuilder row = new StringBuilder(Double.toString(wt));
        for (int j = 0; j < d; j++) {
          // MOA keeps cluster features: coordinates are weighted sums.
          row.append(',').append(wt == 0 ? c[j] : c[j] / wt);
        }
        w.println(row);
      }
    }
  }
}

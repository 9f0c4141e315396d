import io.eddy.*;
import io.eddy.io.ModelIO;
import io.eddy.online.*;
import io.eddy.kmeans.*;
import io.eddy.mixture.*;
import io.eddy.hierarchy.*;
import java.nio.file.*;
import java.util.*;

/**
 * Wrote the files in src/test/resources/io/eddy/online/legacy with the code of 2026-12-03
 * (commit 71b1be4), one per record kind, and expected.txt: what each must read back as after
 * the same continuation. Kept to show how they were made; it compiles against that commit only:
 * java -cp core.jar:online.jar LegacyFixtures.java OUT_DIR
 */
public class LegacyFixtures {
  static double[] point(int i, int d) {
    double[] p = new double[d];
    int c = i % 3;
    for (int j = 0; j < d; j++) {
      p[j] = 4.0 * c * (j % 2 == 0 ? 1 : -1) + Math.sin(i * 0.7 + j * 1.3) * 0.8;
    }
    return p;
  }
  static StringBuilder exp = new StringBuilder();
  static Path dir;

  static void online(String file, OnlineClusterer<?> c, int before, int after) throws Exception {
    for (int i = 0; i < before; i++) c.learn(point(i, 3));
    ModelIO.write(c, dir.resolve(file));
    for (int i = before; i < before + after; i++) c.learn(point(i, 3));
    record(file, c.snapshot(), c.seen());
  }

  static void record(String file, ClusterModel m, long seen) {
    StringBuilder s = new StringBuilder(file).append(" seen=").append(seen).append(" labels=");
    for (int i = 0; i < 60; i++) s.append(m.predict(point(1000 + i, 3))).append(i < 59 ? "," : "");
    if (m instanceof CentroidModel) {
      CentroidModel cm = (CentroidModel) m;
      s.append(" centers=");
      for (int l = 0; l < cm.clusterCount(); l++) {
        for (double v : cm.center(cm.labels()[l])) s.append(Long.toHexString(Double.doubleToRawLongBits(v))).append(';');
      }
    }
    exp.append(s).append('\n');
  }

  public static void main(String[] a) throws Exception {
    dir = Paths.get(a[0]);
    Files.createDirectories(dir);
    online("sequential-kmeans-v1.eddy", new SequentialKMeans(SequentialKMeans.Params.DEFAULTS.withK(3)
        .withInit(SequentialKMeans.Init.FIRST)
        .withWarmup(40).withLearningRate(0.05).withSeed(7)), 25, 300);
    online("minibatch-kmeans-v2.eddy", new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(3)
        .withBatchSize(32).withMaxIter(50).withInitSize(60).withReassignmentRatio(0.02)
        .withMaxNoImprovement(5).withTol(1e-4).withSeed(11).withParallelism(1)), 100, 300);
    online("dbstream-v1.eddy", new Dbstream(Dbstream.Params.DEFAULTS.withR(1.5).withLambda(0.002)
        .withTGap(50).withWMin(2.5).withAlpha(0.2).withSeed(5)), 400, 300);
    online("denstream-v1.eddy", new DenStream(DenStream.Params.DEFAULTS.withEpsilon(1.2).withMu(6)
        .withBeta(0.3).withLambda(0.002).withInitPoints(100).withOfflineFactor(2.5).withSeed(3)), 300, 300);
    online("online-gmm-v1.eddy", new OnlineGaussianMixture(OnlineGaussianMixture.Params.DEFAULTS.withK(3)
        .withCovariance(CovarianceType.DIAGONAL).withKappa(0.7).withWarmup(60).withRegCovar(1e-5).withSeed(9)), 300, 300);
    // snapshots of the density clusterers
    Dbstream db = new Dbstream(Dbstream.Params.DEFAULTS.withR(1.5).withTGap(50));
    for (int i = 0; i < 500; i++) db.learn(point(i, 3));
    ModelIO.write(db.snapshot(), dir.resolve("dbstream-model-v1.eddy"));
    record("dbstream-model-v1.eddy", db.snapshot(), 500);
    DenStream ds = new DenStream(DenStream.Params.DEFAULTS.withEpsilon(1.2).withInitPoints(100));
    for (int i = 0; i < 500; i++) ds.learn(point(i, 3));
    ModelIO.write(ds.snapshot(), dir.resolve("denstream-model-v1.eddy"));
    record("denstream-model-v1.eddy", ds.snapshot(), 500);

    double[][] data = new double[300][];
    for (int i = 0; i < 300; i++) data[i] = point(i, 3);
    KMeansModel km = new KMeans(KMeans.Params.DEFAULTS.withK(3).withSeed(1)).fit(data);
    ModelIO.write(km, dir.resolve("kmeans-model-v1.eddy"));
    record("kmeans-model-v1.eddy", km, 0);
    Centroids cen = new Centroids(new double[] {0, 0, 0, 4, -4, 4, 8, -8, 8}, 3, new double[] {1, 2, 3});
    ModelIO.write(cen, dir.resolve("centroids-v1.eddy"));
    record("centroids-v1.eddy", cen, 0);
    GaussianMixtureModel gm = new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(3)
        .withCovariance(CovarianceType.TIED).withSeed(2)).fit(data);
    ModelIO.write(gm, dir.resolve("gmm-model-v1.eddy"));
    record("gmm-model-v1.eddy", gm, 0);
    HierarchicalModel hm = new HierarchicalClustering(HierarchicalClustering.Params.DEFAULTS
        .withLinkage(Linkage.AVERAGE).withK(3)).fit(Arrays.copyOf(data, 60));
    ModelIO.write(hm, dir.resolve("hierarchical-model-v1.eddy"));
    record("hierarchical-model-v1.eddy", hm, 0);
    ModelIO.write(hm.dendrogram(), dir.resolve("hierarchical-dendrogram-v1.eddy"));
    exp.append("hierarchical-dendrogram-v1.eddy heights=");
    for (double h : hm.dendrogram().heights()) exp.append(Long.toHexString(Double.doubleToRawLongBits(h))).append(';');
    exp.append('\n');
    Files.writeString(dir.resolve("expected.txt"), exp.toString());
  }
}

import io.eddy.OnlineClusterer;
import io.eddy.ParamSpec;
import io.eddy.testkit.DriftingMixture;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Two builds of Eddy's DBSTREAM side by side in one JVM, for a loaded machine where JMH's wall
 * clock cannot separate them: each is loaded from its own directory of compiled
 * {@code io.eddy.online} classes ("old", "new"), and the rounds alternate between them. Per
 * round a fresh clusterer learns the 262,144 points of {@code DriftingMixture} seed 1 (warm-up),
 * then the thread CPU time (which leaves out the time other processes hold the core) of
 * learning 150,000 more, replayed from the start, is taken, with the bytes the thread
 * allocated; beside it the plain loop: the full squared distance from each of the same 150,000
 * points to every micro-cluster centre then held, compared with r^2.
 *
 * <p>Run (outside the build; the two directories are {@code javac} output of
 * {@code online/src/main/java} at the two commits, without {@code module-info.java}):
 * <pre>
 * javac -cp core/target/classes:testkit/target/classes -d /tmp/sbs benchmarks/compare/density/DbstreamSideBySide.java
 * java -cp core/target/classes:testkit/target/classes:/tmp/sbs DbstreamSideBySide OLD_DIR NEW_DIR 0.08 5
 * </pre>
 */
public class DbstreamSideBySide {
  public static void main(String[] a) throws Exception {
    String[] dirs = {a[0], a[1]};
    String r = a[2];
    int rounds = Integer.parseInt(a[3]);
    String[] names = {"old", "new"};
    ClassLoader[] loaders = new ClassLoader[2];
    for (int v = 0; v < 2; v++) {
      loaders[v] = new URLClassLoader(new URL[] {Path.of(dirs[v]).toUri().toURL()}, DbstreamSideBySide.class.getClassLoader());
    }
    int N = 1 << 18;
    int T = 150_000;
    double[][] pts = new double[N][8];
    DriftingMixture s = new DriftingMixture(1);
    for (double[] p : pts) s.next(p);
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    double[][] learn = new double[2][rounds];
    double[][] plain = new double[2][rounds];
    double[][] bytes = new double[2][rounds];
    long sink = 0;
    for (int round = 0; round < rounds; round++) {
      for (int v = 0; v < 2; v++) {
        Class<?> dbs = loaders[v].loadClass("io.eddy.online.Dbstream");
        Class<?> params = loaders[v].loadClass("io.eddy.online.Dbstream$Params");
        ParamSpec<?> spec = (ParamSpec<?>) params.getField("SPEC").get(null);
        Object p = spec.from(Map.of("r", r));
        OnlineClusterer<?> c = (OnlineClusterer<?>) dbs.getConstructor(params).newInstance(p);
        for (int i = 0; i < N; i++) c.learn(pts[i]);
        long a0 = mx.getThreadAllocatedBytes(id);
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < T; i++) c.learn(pts[i]);
        long t1 = mx.getCurrentThreadCpuTime();
        long a1 = mx.getThreadAllocatedBytes(id);
        Object model = c.snapshot();
        Method count = model.getClass().getMethod("microClusterCount");
        Method center = model.getClass().getMethod("microCenter", int.class);
        int m = (Integer) count.invoke(model);
        double[] centres = new double[m * 8];
        for (int k = 0; k < m; k++) System.arraycopy((double[]) center.invoke(model, k), 0, centres, k * 8, 8);
        double rad = (Double) dbs.getMethod("radius").invoke(c);
        double r2 = rad * rad;
        long p0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < T; i++) {
          double[] x = pts[i];
          for (int k = 0; k < m; k++) {
            double q = 0;
            for (int t = 0; t < 8; t++) {
              double diff = x[t] - centres[k * 8 + t];
              q += diff * diff;
            }
            if (q <= r2) sink++;
          }
        }
        long p1 = mx.getCurrentThreadCpuTime();
        learn[v][round] = (t1 - t0) / (double) T;
        plain[v][round] = (p1 - p0) / (double) T;
        bytes[v][round] = (a1 - a0) / (double) T;
        System.out.printf("round %d %s: learn %.0f ns, plain %.0f ns, ratio %.2f, %.3f B/pt, m=%d%n", round, names[v],
            learn[v][round], plain[v][round], learn[v][round] / plain[v][round], bytes[v][round], m);
      }
    }
    for (int v = 0; v < 2; v++) {
      double[] l = learn[v].clone(), pl = plain[v].clone();
      Arrays.sort(l); Arrays.sort(pl);
      System.out.printf("%s r=%s: learn median %.0f (min %.0f) ns/pt, plain median %.0f ns, learn/plain %.2f%n",
          names[v], r, l[rounds / 2], l[0], pl[rounds / 2], l[rounds / 2] / pl[rounds / 2]);
    }
    double[] ratio = new double[rounds];
    for (int k = 0; k < rounds; k++) ratio[k] = learn[1][k] / learn[0][k];
    Arrays.sort(ratio);
    System.out.printf("new/old per round: median %.2f, range %.2f-%.2f (%d)%n", ratio[rounds / 2], ratio[0], ratio[rounds - 1], sink % 2);
  }
}

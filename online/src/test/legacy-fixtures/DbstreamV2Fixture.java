import io.eddy.io.ModelIO;
import io.eddy.online.*;
import java.nio.file.*;

/**
 * Wrote src/test/resources/io/eddy/online/dbstream/dbstream-v2.eddy (a DBSTREAM learning state
 * in version 2 of its codec: r stored by name as a number, shared densities each with its own
 * time) with the code of commit ba38a5b, and dbstream-v2.txt: the micro-clusters after the same
 * continuation, as that code computed them. Kept to show how they were made; it compiles
 * against that commit only: java -cp core.jar:online.jar DbstreamV2Fixture.java OUT_DIR
 */
public class DbstreamV2Fixture {
  static double[] point(int i) {
    double[] p = new double[3];
    for (int j = 0; j < 3; j++) {
      p[j] = 4.0 * (i % 3) * (j % 2 == 0 ? 1 : -1) + Math.sin(i * 0.7 + j * 1.3) * 0.8;
    }
    return p;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Paths.get(args[0]);
    Dbstream c = new Dbstream(Dbstream.Params.DEFAULTS.withR(1.5).withLambda(0.01).withTGap(50));
    for (int i = 0; i < 400; i++) c.learn(point(i));
    ModelIO.write(c, dir.resolve("dbstream-v2.eddy"));
    for (int i = 400; i < 700; i++) c.learn(point(i));
    DbstreamModel m = c.snapshot();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < m.microClusterCount(); i++) {
      for (double v : m.microCenter(i)) s.append(Long.toHexString(Double.doubleToRawLongBits(v))).append(' ');
      s.append(Long.toHexString(Double.doubleToRawLongBits(m.microWeight(i)))).append(' ');
      s.append(m.microLabel(i)).append('\n');
    }
    Files.writeString(dir.resolve("dbstream-v2.txt"), s.toString());
  }
}

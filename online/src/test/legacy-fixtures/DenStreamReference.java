import io.eddy.io.ModelIO;
import io.eddy.online.DenStream;
import io.eddy.testkit.DriftingMixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Wrote the reference learning states in {@code online/src/test/resources/io/eddy/online/reference}
 * with the DenStream of commit 111ecd3 (one power per absorbed point), compiled without
 * module-info together with the testkit's DriftingMixture and Blobs:
 * {@code java -cp ref-classes:. DenStreamReference online/src/test/resources/io/eddy/online/reference}.
 * {@code DenStreamReferenceTest} learns the same streams with today's code and compares bytes.
 */
public class DenStreamReference {

  /** name, epsilon, lambda, seed, points, event time per point (0 for one tick per point). */
  static final Object[][] CASES = {
      {"tick-eps0.1", "0.1", 0.001, 3L, 30_000, 0.0},
      {"tick-auto", "auto", 0.0025, 4L, 30_000, 0.0},
      {"event-eps0.08", "0.08", 0.001, 5L, 20_000, 0.37},
  };

  public static void main(String[] args) throws Exception {
    for (Object[] c : CASES) {
      DenStream d = new DenStream(DenStream.Params.SPEC.from(Map.of("epsilon", c[1], "lambda", c[2])));
      DriftingMixture s = new DriftingMixture((Long) c[3]);
      double[] x = new double[8];
      double step = (Double) c[5];
      for (int i = 0; i < (Integer) c[4]; i++) {
        s.next(x);
        if (step == 0) {
          d.learn(x);
        } else {
          d.learn(x, 1.0, i * step);
        }
      }
      Files.write(Path.of(args[0], c[0] + ".eddy"), ModelIO.toBytes(d));
      System.out.println(c[0] + ": " + d);
    }
  }
}

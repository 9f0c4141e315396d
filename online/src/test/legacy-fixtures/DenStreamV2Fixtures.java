import io.eddy.io.ModelIO;
import io.eddy.online.DenStream;
import java.io.*;
import java.util.Map;
/**
 * Wrote {@code denstream-v2.eddy} and {@code denstream-v2-buffering.eddy} (codec version 2, epsilon
 * stored as a number) with the code of commit ba38a5b, compiled without module-info:
 * {@code java -cp old-classes:. DenStreamV2Fixtures A.eddy B.eddy}.
 */
public class DenStreamV2Fixtures {
  public static void main(String[] a) throws Exception {
    DenStream c = new DenStream(DenStream.Params.SPEC.from(Map.of("epsilon", 1.5, "lambda", 0.01, "initPoints", 50)));
    for (int i = 0; i < 400; i++) c.learn(point(i, 3));
    try (OutputStream o = new FileOutputStream(a[0])) { ModelIO.write(c, o); }
    DenStream b = new DenStream(DenStream.Params.SPEC.from(Map.of("epsilon", 1.5, "lambda", 0.01, "initPoints", 50)));
    for (int i = 0; i < 30; i++) b.learn(point(i, 3));
    try (OutputStream o = new FileOutputStream(a[1])) { ModelIO.write(b, o); }
    System.out.println(c + " " + b);
  }
  static double[] point(int i, int d) {
    double[] p = new double[d];
    int c = i % 3;
    for (int j = 0; j < d; j++) p[j] = 4.0 * c * (j % 2 == 0 ? 1 : -1) + Math.sin(i * 0.7 + j * 1.3) * 0.8;
    return p;
  }
}

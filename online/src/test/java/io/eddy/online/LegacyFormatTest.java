package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.CentroidModel;
import io.eddy.ClusterModel;
import io.eddy.OnlineClusterer;
import io.eddy.hierarchy.Dendrogram;
import io.eddy.io.ModelIO;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files written before parameters were persisted by name still load, and read back as exactly
 * what they held: a restored learning state continues to the same snapshot, bit for bit, and a
 * model predicts and reports the same centres. The files and {@code expected.txt} were written
 * by {@code src/test/legacy-fixtures/LegacyFixtures.java} with the code of that time.
 */
class LegacyFormatTest {

  private static final int PROBES = 60;

  /** The same deterministic stream the fixtures were made with. */
  static double[] point(int i, int d) {
    double[] p = new double[d];
    int c = i % 3;
    for (int j = 0; j < d; j++) {
      p[j] = 4.0 * c * (j % 2 == 0 ? 1 : -1) + Math.sin(i * 0.7 + j * 1.3) * 0.8;
    }
    return p;
  }

  static Stream<String> files() throws IOException {
    return expected().keySet().stream();
  }

  private static Map<String, String> expected() throws IOException {
    Map<String, String> byFile = new LinkedHashMap<>();
    for (String line : new String(resource("expected.txt").readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
      int space = line.indexOf(' ');
      byFile.put(line.substring(0, space), line.substring(space + 1));
    }
    return byFile;
  }

  private static InputStream resource(String name) {
    InputStream in = LegacyFormatTest.class.getResourceAsStream("legacy/" + name);
    assertThat(in).as("fixture %s", name).isNotNull();
    return in;
  }

  /** How many points each learning state had seen when saved, and how many the fixture added. */
  private static final Map<String, int[]> CONTINUATION = Map.of(
      "sequential-kmeans-v1.eddy", new int[] {25, 300},
      "minibatch-kmeans-v2.eddy", new int[] {100, 300},
      "dbstream-v1.eddy", new int[] {400, 300},
      "denstream-v1.eddy", new int[] {300, 300},
      "online-gmm-v1.eddy", new int[] {300, 300});

  @ParameterizedTest
  @MethodSource("files")
  void read_legacyFile_givesWhatItHeld(String file) throws IOException {
    Object read;
    try (InputStream in = resource(file)) {
      read = ModelIO.read(in);
    }
    String actual;
    if (read instanceof Dendrogram) {
      StringBuilder s = new StringBuilder("heights=");
      for (double h : ((Dendrogram) read).heights()) {
        s.append(Long.toHexString(Double.doubleToRawLongBits(h))).append(';');
      }
      actual = s.toString();
    } else if (read instanceof OnlineClusterer) {
      OnlineClusterer<?> c = (OnlineClusterer<?>) read;
      int[] span = CONTINUATION.get(file);
      assertThat(c.seen()).as("%s seen when saved", file).isEqualTo(span[0]);
      for (int i = span[0]; i < span[0] + span[1]; i++) {
        c.learn(point(i, 3));
      }
      actual = describe(c.snapshot(), c.seen());
    } else {
      actual = describe((ClusterModel) read, file.contains("-model-") && file.startsWith("d") ? 500 : 0);
    }
    assertThat(actual).as(file).isEqualTo(expected().get(file));
  }

  private static String describe(ClusterModel m, long seen) {
    StringBuilder s = new StringBuilder("seen=").append(seen).append(" labels=");
    for (int i = 0; i < PROBES; i++) {
      s.append(m.predict(point(1000 + i, 3))).append(i < PROBES - 1 ? "," : "");
    }
    if (m instanceof CentroidModel) {
      CentroidModel cm = (CentroidModel) m;
      s.append(" centers=");
      for (int l = 0; l < cm.clusterCount(); l++) {
        for (double v : cm.center(cm.labels()[l])) {
          s.append(Long.toHexString(Double.doubleToRawLongBits(v))).append(';');
        }
      }
    }
    return s.toString();
  }
}

package io.eddy.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.Clusterers;
import io.eddy.eval.KSweep;
import io.eddy.kmeans.KMeans;
import io.eddy.kmeans.KMeansModel;
import io.eddy.testkit.Blobs;
import io.eddy.OnlineClusterer;
import io.eddy.features.StreamingStandardScaler;
import io.eddy.io.ModelIO;
import io.eddy.online.SequentialKMeans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's online example, as written there, compiles and does what it says. */
class ReadmeSnippetTest {

  @Test
  public void onlineExample_runsAsWritten(@TempDir Path dir) throws IOException {
    AudienceStream source = new AudienceStream(1, 30_000);
    List<double[]> sessions = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      double[] s = new double[5];
      source.next(s);
      sessions.add(s);
    }
    double[] newSession = {3, 480, 6, 19, 20};
    Path file = dir.resolve("segments.eddy");

    // --- README snippet ---
    OnlineClusterer<?> segments = Clusterers.online("sequential-kmeans",
        Map.of("k", 5, "learningRate", "0.005", "seed", 42L));
    StreamingStandardScaler scaler = new StreamingStandardScaler();
    double[] z = new double[5];
    for (double[] session : sessions) {          // items, value, products, minutes, hour
      scaler.learn(session);
      scaler.transform(session, z);
      segments.learn(z);                         // O(k·d), allocation-free
    }
    int segment = segments.predict(scaler.transform(newSession));
    ModelIO.write(segments, file);   // resume later, bit for bit
    // --- end ---

    SequentialKMeans restored = ModelIO.read(file, SequentialKMeans.class);
    assertThat(restored.predict(scaler.transform(newSession))).isEqualTo(segment);
    assertThat(ModelIO.toBytes(restored)).isEqualTo(Files.readAllBytes(file));
    // A big spender's session lands with the other big spenders.
    double[] bigSpender = scaler.transform(new double[] {3.2, 450, 6.5, 19, 19.5});
    assertThat(segments.predict(bigSpender)).isEqualTo(segment);
  }

  @Test
  public void batchExample_runsAsWritten() {
    Blobs planted = Blobs.generate(4, 600, 3, 4, 0.6);
    double[][] customers = planted.points();
    java.io.PrintStream out = System.out;
    System.setOut(new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8));
    KMeansModel segments;
    try {
      // --- README snippet ---
      KSweep.Result sweep = KSweep.run("kmeans", Map.of("seed", 1L), customers,
          KSweep.Params.DEFAULTS.withRange(2, 10));
      System.out.println(sweep);            // WCSS, silhouette, Davies–Bouldin, Calinski–Harabasz per k
      int k = sweep.bestSilhouette().getAsInt();
      segments = new KMeans(KMeans.Params.DEFAULTS.withK(k).withSeed(1)).fit(customers);
      // --- end ---
    } finally {
      System.setOut(out);
    }
    assertThat(segments.clusterCount()).isEqualTo(4);
    assertThat(io.eddy.testkit.Ari.of(planted.labels(), segments.predict(customers))).isGreaterThan(0.99);
  }
}

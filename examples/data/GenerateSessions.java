import io.eddy.examples.AudienceStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * Writes examples/data/sessions.csv: 4000 web sessions from Eddy's own synthetic audience
 * (io.eddy.examples.AudienceStream, seed 2026), one every 20 seconds from 2026-03-02 08:00,
 * with the planted segment's name in the last column for comparison. Regenerate with
 *
 * <pre>
 * ./mvnw -q -B -pl examples -am package -DskipTests
 * java -cp examples/target/eddy-examples.jar examples/data/GenerateSessions.java
 * </pre>
 */
public final class GenerateSessions {
  public static void main(String[] args) throws IOException {
    int n = 4000;
    AudienceStream stream = new AudienceStream(2026, n);
    double[] x = new double[AudienceStream.dimension()];
    LocalDateTime t = LocalDateTime.of(2026, 3, 2, 8, 0);
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of("examples/data/sessions.csv"),
        StandardCharsets.UTF_8))) {
      out.print("time,session," + String.join(",", AudienceStream.FEATURES) + ",planted\n");
      for (int i = 0; i < n; i++) {
        int s = stream.next(x);
        out.printf(Locale.ROOT, "%s,s%05d,%.2f,%.2f,%.2f,%.2f,%.2f,%s%n", t.plusSeconds(20L * i), i + 1, x[0], x[1],
            x[2], x[3], x[4], AudienceStream.SEGMENTS[s]);
      }
    }
  }
}

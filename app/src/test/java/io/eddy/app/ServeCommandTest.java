package io.eddy.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.features.SegmentationBundle;
import io.eddy.io.ModelIO;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code eddy serve}, started in process on a free port and stopped as Ctrl-C would. */
@Timeout(60)
class ServeCommandTest {

  @TempDir
  Path dir;

  /** A running {@code eddy serve}: its address, its stderr, and a way to stop it. */
  static final class Serving implements AutoCloseable {
    final Thread thread;
    final StringWriter err = new StringWriter();
    final AtomicInteger code = new AtomicInteger(-1);
    URI uri;

    Serving(String... args) throws InterruptedException {
      CommandLine cl = Eddy.commandLine();
      cl.setOut(new PrintWriter(new StringWriter()));
      cl.setErr(new PrintWriter(err, true));
      thread = new Thread(() -> code.set(cl.execute(args)));
      thread.start();
      Pattern at = Pattern.compile("dashboard at (http://\\S+/)");
      for (int i = 0; i < 400 && uri == null && thread.isAlive(); i++) {
        Matcher m = at.matcher(err.toString());
        if (m.find()) {
          uri = URI.create(m.group(1));
        } else {
          Thread.sleep(50);
        }
      }
    }

    @Override
    public void close() throws InterruptedException {
      thread.interrupt();
      thread.join(10_000);
    }
  }

  static String http(URI uri, String method, String type, String body, int expected) throws IOException {
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
    c.setRequestMethod(method);
    if (body != null) {
      c.setDoOutput(true);
      c.setRequestProperty("Content-Type", type);
      try (OutputStream out = c.getOutputStream()) {
        out.write(body.getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThat(c.getResponseCode()).isEqualTo(expected);
    try (InputStream in = expected < 400 ? c.getInputStream() : c.getErrorStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static long number(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":(-?\\d+)").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void streamModeLearnsAtThePaceWhileServing() throws Exception {
    Path data = TestData.sessions(dir, 3_000);
    try (Serving s = new Serving("serve", "--stream", data.toString(), "--columns", "items,value,minutes",
        "--param", "k=3", "--rate", "2000", "--warmup", "500", "--port", "0")) {
      assertThat(s.uri).as(s.err.toString()).isNotNull();
      assertThat(s.uri.getHost()).isEqualTo("127.0.0.1");
      assertThat(s.err.toString()).contains("this machine only");
      String model = null;
      for (int i = 0; i < 100; i++) {
        model = http(s.uri.resolve("/api/model"), "GET", null, null, 200);
        if (model.contains("\"ready\":true")) {
          break;
        }
        Thread.sleep(50);
      }
      assertThat(model).contains("\"ready\":true").contains("\"features\":[\"items\",\"value\",\"minutes\"]");
      long seen1 = number(model, "seen");
      Thread.sleep(400);
      long seen2 = number(http(s.uri.resolve("/api/model"), "GET", null, null, 200), "seen");
      // Paced, not all at once: at 2,000 rows a second the 3,000 rows take 1.5 s.
      assertThat(seen2).isGreaterThan(seen1);
      assertThat(seen1).isLessThan(3_000);
      String score = http(s.uri.resolve("/api/score"), "POST", "application/json", "{\"point\":[2,300,8]}", 200);
      assertThat(number(score, "segment")).isBetween(0L, 2L);
      assertThat(http(s.uri.resolve("/api/score"), "POST", "application/json", "{\"point\":[2,300]}", 400))
          .isEqualTo("the point has 2 values, expected 3 in this order: \"items\", \"value\", \"minutes\"");
    }
  }

  @Test
  void modelModeServesTheSavedSegmentsAndScoresAsEddyScore() throws Exception {
    Path data = TestData.mall(dir);
    Path out = dir.resolve("out");
    CommandsTest.succeeds(CommandsTest.eddy("segment", data.toString(), "--columns", CommandsTest.COLUMNS,
        "--param", "k=5", "--out", out.toString(), "-q", "--no-charts"));
    SegmentationBundle b = ModelIO.read(out.resolve("model.eddy"), SegmentationBundle.class);
    try (Serving s = new Serving("serve", "--model", out.resolve("model.eddy").toString(), "--data", data.toString(),
        "--port", "0", "-q")) {
      assertThat(s.uri).as(s.err.toString()).isNotNull();
      String model = http(s.uri.resolve("/api/model"), "GET", null, null, 200);
      for (SegmentationBundle.Segment seg : b.segments()) {
        assertThat(model).contains("\"name\":\"" + seg.name() + "\"");
      }
      Path predictions = dir.resolve("predictions.csv");
      CommandsTest.succeeds(CommandsTest.eddy("score", out.resolve("model.eddy").toString(), data.toString(),
          "--out", predictions.toString(), "-q"));
      String scored = http(s.uri.resolve("/api/score"), "POST", "text/csv",
          java.nio.file.Files.readString(data), 200);
      // The same rows, the same four columns, the same numbers as eddy score.
      assertThat(scored).isEqualTo(java.nio.file.Files.readString(predictions));
    }
  }

  @Test
  void modeIsRequired() {
    CommandsTest.Run r = CommandsTest.eddy("serve", "--port", "0");
    assertThat(r.code()).isEqualTo(Eddy.USAGE);
    assertThat(r.err()).contains("give either --model or --stream");
  }
}

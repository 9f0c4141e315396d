package io.eddy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eddy.features.SegmentationBundle;
import io.eddy.io.ModelIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command end to end, in process, on data the tests write. */
class CommandsTest {

  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  static Run eddy(String... args) {
    // As main builds it: only the named command's model when there is one.
    CommandLine cl = Eddy.commandLine(args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static void succeeds(Run r) {
    assertThat(r.code()).as(r.err()).isZero();
  }

  /** Runs a command with {@code -o dir/sub -q}, checks it succeeds, and returns its output directory. */
  Path quietly(String sub, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("-o", dir.resolve(sub).toString(), "-q"));
    succeeds(eddy(all.toArray(new String[0])));
    return dir.resolve(sub);
  }

  static BufferedImage chart(Path out, String png) throws Exception {
    return Images.check(out.resolve(png), Charts.WIDTH, Charts.HEIGHT);
  }

  static final String COLUMNS = "Annual Income (k$),Spending Score (1-100)";

  static List<String> lines(Path f) throws Exception {
    return Files.readAllLines(f, StandardCharsets.UTF_8);
  }

  @Test
  void segment_findsThePlantedGroupsAndWritesEveryFile() throws Exception {
    Path data = TestData.mall(dir);
    Path out = dir.resolve("out");
    Run r = eddy("segment", data.toString(), "--columns", COLUMNS, "--param", "k=5", "--out", out.toString(), "-q");
    succeeds(r);
    assertThat(out).isDirectoryContaining(p -> p.getFileName().toString().equals("model.eddy"));
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("assignments.csv", "model.eddy",
          "profiles.csv", "scatter.png", "sizes.png", "profiles.png", "report.html");
    }
    List<String> a = lines(out.resolve("assignments.csv"));
    assertThat(a).hasSize(201);
    assertThat(a.get(0)).isEqualTo("CustomerID,\"Gender, self-described\",Annual Income (k$),Spending Score (1-100),"
        + "segment,name,distance,confidence");
    // Rows 40 apart come from one planted group: each group is one segment, five segments in all.
    Set<String> segments = new HashSet<>();
    for (int g = 0; g < 5; g++) {
      Set<String> inGroup = new HashSet<>();
      for (int i = 1 + 40 * g; i <= 40 * (g + 1); i++) {
        List<String> cells = csv(a.get(i));
        inGroup.add(cells.get(4) + "|" + cells.get(5));
        double confidence = Double.parseDouble(cells.get(7));
        assertThat(confidence).isBetween(0.0, 1.0);
      }
      assertThat(inGroup).hasSize(1);
      segments.addAll(inGroup);
    }
    assertThat(segments).hasSize(5);
    // Personas name the groups by their distinctive features.
    assertThat(String.join("\n", a)).contains("high annual income · high spending score")
        .contains("average annual income · average spending score");
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("data:image/png;base64,").contains("kmeans").contains("k=5")
        .doesNotContain("src=\"http").doesNotContain("<script");
    Matcher m = Pattern.compile("silhouette[^<]*</th><td>([0-9.]+)").matcher(html);
    assertThat(m.find()).isTrue();
    assertThat(Double.parseDouble(m.group(1))).isGreaterThan(0.6);
    // The profiles are in original units: the high-income groups' mean income is near 88 k$.
    assertThat(lines(out.resolve("profiles.csv")).stream().filter(l -> l.contains(",high annual income · high spending score")
        && l.contains("Annual Income")).findFirst().orElseThrow()).containsPattern(",8[5-9]\\.");
    // Charts: size, ink, and each of the five segments in its own colour in the scatter.
    BufferedImage scatter = Images.check(out.resolve("scatter.png"), Charts.WIDTH, Charts.HEIGHT);
    for (int s = 0; s < 5; s++) {
      assertThat(Images.count(scatter, Charts.color(s))).as("segment %d's colour", s).isGreaterThan(100);
    }
    assertThat(Images.count(scatter, Charts.color(5))).isZero();
    BufferedImage sizes = Images.check(out.resolve("sizes.png"), Charts.WIDTH, Charts.HEIGHT);
    for (int s = 0; s < 5; s++) {
      assertThat(Images.count(sizes, Charts.color(s))).as("bar %d", s).isGreaterThan(1000);
    }
    Images.check(out.resolve("profiles.png"), 0, 0);
  }

  static List<String> csv(String line) throws Exception {
    try (var p = org.apache.commons.csv.CSVParser.parse(line, org.apache.commons.csv.CSVFormat.RFC4180)) {
      return p.getRecords().get(0).toList();
    }
  }

  @Test
  void score_givesTheSegmentsOfSegmentAndScoresAPoint() throws Exception {
    Path data = TestData.mall(dir);
    Path out = dir.resolve("out");
    assertThat(eddy("segment", data.toString(), "-c", COLUMNS, "-p", "k=5", "-o", out.toString(), "-q").code())
        .isZero();
    Path scored = dir.resolve("scored.csv");
    Run r = eddy("score", out.resolve("model.eddy").toString(), data.toString(), "--out", scored.toString(), "-q");
    succeeds(r);
    assertThat(lines(scored)).isEqualTo(lines(out.resolve("assignments.csv")));

    Run p = eddy("score", out.resolve("model.eddy").toString(), "--point", "88,82");
    succeeds(p);
    List<String> l = p.out().lines().toList();
    assertThat(l.get(0)).isEqualTo("segment,name,distance,confidence");
    assertThat(l.get(1)).contains("high annual income · high spending score");
    SegmentationBundle b = ModelIO.read(out.resolve("model.eddy"), SegmentationBundle.class);
    SegmentationBundle.Score s = b.score(new double[] {88, 82});
    assertThat(csv(l.get(1)).get(0)).isEqualTo(Integer.toString(s.segment()));
    assertThat(Double.parseDouble(csv(l.get(1)).get(2))).isCloseTo(s.distance(), within(1e-5));

    Run wrong = eddy("score", out.resolve("model.eddy").toString(), "--point", "88");
    assertThat(wrong.code()).isEqualTo(Eddy.USAGE);
    assertThat(wrong.err()).contains("expected 2").contains("\"Annual Income (k$)\", \"Spending Score (1-100)\"");
    Run corrupt = eddy("score", data.toString(), "--point", "1,2");
    assertThat(corrupt.code()).isEqualTo(Eddy.DATA);
    assertThat(corrupt.err()).contains("not a valid model file");
  }

  @Test
  void chooseK_printsThePlantedKAndDrawsTheCurves() throws Exception {
    Path data = TestData.mall(dir);
    Path out = dir.resolve("k");
    Run r = eddy("choose-k", data.toString(), "-c", COLUMNS, "--k", "2..8", "-o", out.toString(), "-q");
    succeeds(r);
    assertThat(r.out().trim()).isEqualTo("5");
    List<String> sweep = lines(out.resolve("sweep.csv"));
    assertThat(sweep).hasSize(8);
    assertThat(sweep.get(0)).startsWith("k,clusters,noise,wcss,silhouette");
    Images.check(out.resolve("elbow.png"), Charts.WIDTH, Charts.HEIGHT);
    Images.check(out.resolve("silhouette.png"), Charts.WIDTH, Charts.HEIGHT);
    assertThat(out.resolve("report.html")).exists();

    chart(quietly("g", "choose-k", data.toString(), "-c", COLUMNS, "-a", "gmm", "--k", "3..6"), "bic.png");
  }

  @Test
  void segment_hierarchicalDrawsADendrogramAndGmmGivesProbabilities() throws Exception {
    Path data = TestData.mall(dir);
    Run h = eddy("segment", data.toString(), "-c", COLUMNS, "-a", "hierarchical", "-p", "k=5", "-p", "linkage=ward",
        "-o", dir.resolve("h").toString(), "-q");
    succeeds(h);
    chart(dir.resolve("h"), "dendrogram.png");

    Run g = eddy("segment", data.toString(), "-c", COLUMNS, "-a", "gmm", "-p", "k=5", "-o",
        dir.resolve("g").toString(), "-q");
    succeeds(g);
    for (String line : lines(dir.resolve("g").resolve("assignments.csv")).subList(1, 201)) {
      assertThat(Double.parseDouble(csv(line).get(7))).isBetween(0.2, 1.0);
    }
  }

  @Test
  void stream_learnsInOrderAndChartsDriftBirthsAndQuality() throws Exception {
    Path data = TestData.sessions(dir, 3000);
    Path out = dir.resolve("s");
    Run r = eddy("stream", data.toString(), "-c", "items,value,minutes", "-p", "k=3", "--checkpoints", "20",
        "--window", "500", "-o", out.toString(), "-q");
    succeeds(r);
    for (String png : List.of("drift.png", "segments-over-time.png", "quality-over-time.png", "scatter.png")) {
      Images.check(out.resolve(png), Charts.WIDTH, Charts.HEIGHT);
    }
    List<String> checkpoints = lines(out.resolve("checkpoints.csv"));
    assertThat(checkpoints).hasSize(21);
    List<String> centres = lines(out.resolve("centres.csv"));
    assertThat(centres.get(0)).isEqualTo("seen,x,segment,weight,items,value,minutes");
    // The drifting segment's spend rises from about 300 towards 500 in original units (MacQueen's
    // running means lag behind: they average the segment's whole history).
    double firstMax = 0;
    double lastMax = 0;
    for (String line : centres.subList(1, centres.size())) {
      List<String> c = csv(line);
      double value = Double.parseDouble(c.get(5));
      if (c.get(0).equals(csv(centres.get(1)).get(0))) {
        firstMax = Math.max(firstMax, value);
      }
      if (c.get(0).equals("3000")) {
        lastMax = Math.max(lastMax, value);
      }
    }
    assertThat(firstMax).isBetween(250.0, 350.0);
    assertThat(lastMax).isGreaterThan(firstMax + 60);
    assertThat(ModelIO.read(out.resolve("model.eddy"), SegmentationBundle.class).segments()).hasSize(3);

    Run d = eddy("stream", data.toString(), "-c", "items,value,minutes", "-a", "dbstream", "-p", "r=0.6",
        "--time-column", "time", "-o", dir.resolve("d").toString(), "-q");
    succeeds(d);
    assertThat(lines(dir.resolve("d").resolve("events.csv")).get(1)).contains("birth");
    assertThat(Files.readString(dir.resolve("d").resolve("report.html"))).contains("decay by event time");
  }

  @Test
  void rfm_namesSegmentsFromTheMapInCsvAndCdnowFormats() throws Exception {
    for (boolean cdnow : new boolean[] {false, true}) {
      Path data = TestData.purchases(dir, cdnow);
      Path out = dir.resolve(cdnow ? "cdnow" : "csv");
      List<String> args = new ArrayList<>(List.of("rfm", data.toString(), "--k", "3", "-o", out.toString(), "-q"));
      if (cdnow) {
        args.addAll(List.of("--format", "cdnow"));
      }
      Run r = eddy(args.toArray(new String[0]));
      succeeds(r);
      List<String> rows = lines(out.resolve("rfm.csv"));
      assertThat(rows).hasSize(121);
      assertThat(rows.get(0)).isEqualTo("customer_id,recency_days,frequency,monetary,mean_spend,tenure_days,"
          + "r_score,f_score,m_score,rfm_code,rfm_segment,segment,name");
      // Every third customer is a frequent recent buyer: all of them in one segment, named champions.
      Set<String> frequent = new HashSet<>();
      Set<String> oneOff = new HashSet<>();
      for (int i = 1; i <= 120; i++) {
        List<String> c = csv(rows.get(i));
        ((i - 1) % 3 == 0 ? frequent : (i - 1) % 3 == 2 ? oneOff : new HashSet<String>()).add(c.get(12));
      }
      assertThat(frequent).containsExactly("champions");
      assertThat(oneOff).hasSize(1);
      assertThat(oneOff.iterator().next()).isIn("lost", "hibernating");
      Images.check(out.resolve("rfm-map.png"), Charts.WIDTH, Charts.HEIGHT);
      Images.check(out.resolve("scatter.png"), Charts.WIDTH, Charts.HEIGHT);
      assertThat(Files.readString(out.resolve("report.html"))).contains("RFM segment map").contains("champions");
    }
    Path map = dir.resolve("map.txt");
    Files.writeString(map, "# two cells\nbest = [45].\nrest = ..\n");
    Run custom = eddy("rfm", TestData.purchases(dir, false).toString(), "--k", "2", "--segment-map", map.toString(),
        "-o", dir.resolve("m").toString(), "-q");
    succeeds(custom);
    assertThat(lines(dir.resolve("m").resolve("rfm.csv")).stream().skip(1).map(l -> l.split(",")[10]).distinct())
        .containsExactlyInAnyOrder("best", "rest");
    chart(quietly("auto", "rfm", TestData.purchases(dir, false).toString(), "--k", "2..5"), "silhouette.png");
  }

  @Test
  void withoutColumns_theTimeIdentifiersAndRowNumbersAreNotFeatures() throws Exception {
    // Events with a numeric time (epoch seconds), a user id, a row number and two features in
    // two planted groups.
    java.util.SplittableRandom r = new java.util.SplittableRandom(9);
    StringBuilder sb = new StringBuilder("t,user_id,n,x,y\n");
    for (int i = 0; i < 1500; i++) {
      int g = r.nextInt(2);
      sb.append(1_700_000_000L + 60L * i).append(',').append(1000 + r.nextInt(9000)).append(',').append(i + 1)
          .append(',').append(String.format(java.util.Locale.ROOT, "%.3f,%.3f%n", 10 * g + r.nextGaussian(),
              -5 * g + r.nextGaussian()));
    }
    Path events = dir.resolve("events.csv");
    Files.writeString(events, sb.toString());
    Run run = eddy("stream", events.toString(), "--time-column", "t", "-p", "k=2", "--checkpoints", "10", "-o",
        dir.resolve("s").toString(), "-q");
    succeeds(run);
    Path s = dir.resolve("s");
    SegmentationBundle b = ModelIO.read(s.resolve("model.eddy"), SegmentationBundle.class);
    assertThat(b.featureNames()).containsExactly("x", "y");
    assertThat(b.model().dimension()).isEqualTo(2);
    for (SegmentationBundle.Segment seg : b.segments()) {
      assertThat(seg.name()).doesNotContain(" t").doesNotContain("user_id").doesNotContain(" n");
    }
    Set<String> profiled = new java.util.TreeSet<>();
    for (String l : lines(s.resolve("profiles.csv")).subList(1, lines(s.resolve("profiles.csv")).size())) {
      profiled.add(csv(l).get(4));
    }
    assertThat(profiled).containsExactly("x", "y");
    assertThat(lines(s.resolve("centres.csv")).get(0)).isEqualTo("seen,x,segment,weight,x,y");
    assertThat(Files.readString(s.resolve("report.html"))).contains("left out as not features: t, user_id, n");
    // Named in --columns, the time column is a feature.
    Path listed = quietly("listed", "stream", events.toString(), "--time-column", "t", "-c", "t,x,y", "-p", "k=2",
        "--no-charts");
    assertThat(ModelIO.read(listed.resolve("model.eddy"), SegmentationBundle.class).featureNames())
        .containsExactly("t", "x", "y");

    // segment and choose-k without --columns leave out the mall table's CustomerID.
    Path mall = TestData.mall(dir);
    Path seg = quietly("seg", "segment", mall.toString(), "-p", "k=5", "--no-charts");
    assertThat(ModelIO.read(seg.resolve("model.eddy"), SegmentationBundle.class).featureNames())
        .containsExactly("Annual Income (k$)", "Spending Score (1-100)");
    assertThat(eddy("choose-k", mall.toString(), "--k", "2..6", "-o", dir.resolve("k").toString(), "-q",
        "--no-charts").out().trim()).isEqualTo("5");
    // A table of nothing but identifiers says so.
    Path ids = dir.resolve("ids.csv");
    Files.writeString(ids, "id,text\n1,a\n2,b\n3,c\n");
    Run none = eddy("segment", ids.toString(), "-o", dir.resolve("none").toString());
    assertThat(none.code()).isEqualTo(Eddy.USAGE);
    assertThat(none.err()).contains("\"id\", left out as not features");
  }

  @Test
  void stream_shorterThanAWarmUpSaysSoAndOneLongerWaitsForIt() throws Exception {
    // Sequential k-means with k-means++ seeding has no model for its first 10 k rows: the
    // checkpoints before then show no segment (they failed with an internal error).
    Path mall = TestData.mall(dir);
    Path out = quietly("warm", "stream", mall.toString(), "-p", "k=5", "-p", "init=kmeans++", "--checkpoints", "20",
        "--no-charts");
    List<String> events = lines(out.resolve("events.csv"));
    assertThat(events).hasSizeGreaterThan(1);
    assertThat(Long.parseLong(csv(events.get(1)).get(0))).isGreaterThanOrEqualTo(50);
    Path shortTable = dir.resolve("short.csv");
    Files.writeString(shortTable, String.join("\n", lines(mall).subList(0, 31)) + "\n");
    Run r = eddy("stream", shortTable.toString(), "-p", "k=5", "-p", "init=kmeans++", "-o",
        dir.resolve("short").toString(), "-q");
    assertThat(r.code()).as(r.err()).isEqualTo(Eddy.DATA);
    assertThat(r.err()).contains("has no model after 30 rows").contains("warm-up");
    assertThat(dir.resolve("short")).doesNotExist();
  }

  @Test
  void errors_haveTheirExitCodesListWhatIsValidAndLeaveNoHalfWrittenOutput() throws Exception {
    Path data = TestData.mall(dir);
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "previous run");

    Run column = eddy("segment", data.toString(), "-c", "Income", "-o", out.toString());
    assertThat(column.code()).isEqualTo(Eddy.USAGE);
    assertThat(column.err()).contains("no column 'Income'").contains("\"Annual Income (k$)\"")
        .contains("\"Gender, self-described\"");

    Run param = eddy("segment", data.toString(), "-c", COLUMNS, "-p", "kk=3", "-o", out.toString());
    assertThat(param.code()).isEqualTo(Eddy.USAGE);
    assertThat(param.err()).contains("unknown parameter 'kk'").contains("valid parameters: k ");

    Run algorithm = eddy("segment", data.toString(), "-a", "kmeanz", "-o", out.toString());
    assertThat(algorithm.code()).isEqualTo(Eddy.USAGE);
    assertThat(algorithm.err()).contains("valid names").contains("dbstream");

    Run option = eddy("segment", data.toString(), "--scale", "zscore", "-o", out.toString());
    assertThat(option.code()).isEqualTo(Eddy.USAGE);
    assertThat(option.err()).contains("standard, minmax, robust, none");

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "a,b\n1,2\n3,x\n5,6\n");
    Run cell = eddy("segment", bad.toString(), "-c", "a,b", "-p", "k=2", "-o", out.toString());
    assertThat(cell.code()).isEqualTo(Eddy.DATA);
    assertThat(cell.err()).contains("line 3").contains("'b' is 'x'");

    // A failure after the output directory is staged (k larger than the rows) leaves DIR as it was.
    Run late = eddy("segment", data.toString(), "-c", COLUMNS, "-p", "k=500", "-o", out.toString(), "-q");
    assertThat(late.code()).isNotZero();
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
    }
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
    }
    assertThat(eddy("segment", dir.resolve("none.csv").toString(), "-o", out.toString()).code())
        .isEqualTo(Eddy.USAGE);
    // rfm lists the columns in the file's order and names the options that choose them.
    Run rfm = eddy("rfm", data.toString(), "-o", out.toString(), "-q");
    assertThat(rfm.code()).isEqualTo(Eddy.USAGE);
    assertThat(rfm.err()).contains("no column 'customer_id'")
        .contains("available columns: [CustomerID, Gender, self-described, Annual Income (k$), Spending Score (1-100)]")
        .contains("--customer-column");
  }

  @Test
  void missingValues_followTheStatedPolicy() throws Exception {
    Path f = dir.resolve("gaps.csv");
    StringBuilder sb = new StringBuilder("x,y\n");
    for (int i = 0; i < 60; i++) {
      sb.append(i % 2 == 0 ? i : i + 100).append(',').append(i % 10 == 3 ? "NA" : Integer.toString(i % 2 * 50))
          .append('\n');
    }
    Files.writeString(f, sb.toString());
    Run fail = eddy("segment", f.toString(), "-p", "k=2", "--missing", "fail", "-o", dir.resolve("a").toString());
    assertThat(fail.code()).isEqualTo(Eddy.DATA);
    assertThat(fail.err()).contains("line 5").contains("'y' is missing");
    assertThat(eddy("segment", f.toString(), "-p", "k=2", "-o", dir.resolve("b").toString(), "-q").code()).isZero();
    assertThat(lines(dir.resolve("b").resolve("assignments.csv"))).hasSize(61 - 6);
    assertThat(eddy("segment", f.toString(), "-p", "k=2", "--missing", "impute-mean", "-o",
        dir.resolve("c").toString(), "-q").code()).isZero();
    assertThat(lines(dir.resolve("c").resolve("assignments.csv"))).hasSize(61);
    // The saved model imputes too: a row with a missing value scores.
    Path one = dir.resolve("one.csv");
    Files.writeString(one, "x,y\n7,\n");
    Path scored = dir.resolve("one-scored.csv");
    Run r = eddy("score", dir.resolve("c").resolve("model.eddy").toString(), one.toString(), "-o", scored.toString(),
        "-q");
    succeeds(r);
    assertThat(lines(scored)).hasSize(2);
    assertThat(eddy("segment", f.toString(), "--missing", "sometimes", "-o", dir.resolve("d").toString()).err())
        .contains("drop, fail, impute-mean");
  }

  @Test
  void everyCommandHasHelpAndListAndCompletionWork() {
    for (String c : List.of("list", "segment", "choose-k", "score", "stream", "rfm", "generate-completion")) {
      Run r = eddy(c, "--help");
      assertThat(r.code()).as(c).isZero();
      assertThat(r.out()).as(c).contains("Usage: eddy " + c);
    }
    assertThat(eddy("--help").out()).contains("Exit codes").contains("choose-k");
    Run list = eddy("list");
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("kmeans").contains("dbstream").contains("--param k=").contains("capabilities");
    Run completion = eddy("generate-completion");
    assertThat(completion.code()).isZero();
    assertThat(completion.out()).contains("complete -F").contains("choose-k").contains("--algorithm");
    assertThat(eddy().code()).isEqualTo(Eddy.USAGE);
    // A known command builds only its own model; anything else sees every command.
    assertThat(Eddy.commandLine("segment", "x.csv").getSubcommands().keySet()).containsExactly("segment");
    Run typo = eddy("segmnt", "x.csv");
    assertThat(typo.code()).isEqualTo(Eddy.USAGE);
    assertThat(typo.err()).contains("segment");
  }
}

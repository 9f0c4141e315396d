package io.eddy.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SVG charts: well-formed XML of the chart's size, the chart's words present, each
 * segment's colour used, small next to the PNG; and the commands' --chart-format.
 */
class SvgChartsTest {

  @TempDir
  Path dir;

  private static final List<String> NAMES = List.of("high income · low spending", "young & thrifty", "<loyal>");

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void sizes_isWellFormedWithTitleNamesAndColours() throws Exception {
    Charts.Image c = Charts.sizes("sizes.png", "Segment sizes", "rows", NAMES, new long[] {120, 60, 20});
    String svg = c.svg();
    Document d = parse(svg);
    Element root = d.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getAttribute("width")).isEqualTo(Integer.toString(Charts.WIDTH));
    assertThat(root.getAttribute("height")).isEqualTo(Integer.toString(Charts.HEIGHT));
    assertThat(d.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Segment sizes");
    assertThat(d.getElementsByTagName("desc").item(0).getTextContent()).contains(NAMES);
    for (int s = 0; s < NAMES.size(); s++) {
      assertThat(svg).as("segment %d's colour", s).contains(hex(Charts.color(s)));
    }
    // XChart draws its text as glyph outlines: a few hundred paths, still far below the PNG
    assertThat(svg.length()).isLessThan(400_000);
    assertThat(c.hasPng()).isFalse();
  }

  @Test
  void profiles_writesItsOwnTextAsText() throws Exception {
    Charts.Image c = Charts.profiles(NAMES, List.of("income", "spending"), new double[][] {{80, 20}, {30, 70}, {50, 50}},
        new double[] {55, 45});
    Document d = parse(c.svg());
    NodeList texts = d.getElementsByTagName("text");
    List<String> words = new ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) {
      words.add(texts.item(i).getTextContent());
    }
    assertThat(words).contains("Segment profiles: mean of each feature, original units", "1: " + NAMES.get(0),
        "2: " + NAMES.get(1), "3: " + NAMES.get(2));
    assertThat(d.getDocumentElement().getAttribute("height")).isEqualTo(Integer.toString(c.height()));
    // the two panels are clipped to their own rectangles
    assertThat(d.getElementsByTagName("clipPath").getLength()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void scatter_ofManyPointsStaysSmall() throws Exception {
    int n = 2000;
    double[][] pts = new double[n][];
    int[] slots = new int[n];
    for (int i = 0; i < n; i++) {
      pts[i] = new double[] {i % 100, i / 20.0};
      slots[i] = i % 3;
    }
    Charts.Image c = Charts.scatter("Segments", "x", "y", i -> pts[i], slots, NAMES, new double[][] {{1, 1}, {2, 2}, {3, 3}}, 1);
    String svg = c.svg();
    parse(svg);
    // one short <circle> per marker rather than a path of curves
    assertThat(svg.split("<circle", -1).length - 1).isGreaterThanOrEqualTo(n);
    assertThat(svg.length()).isLessThan(n * 120 + 300_000);
  }

  @Test
  void segment_chartFormatSvg_writesSvgOnlyAndTheReportEmbedsIt() throws Exception {
    Path out = segment("svg");
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString())).contains("scatter.svg", "sizes.svg", "profiles.svg")
          .noneMatch(f -> f.endsWith(".png"));
    }
    for (String f : List.of("scatter.svg", "sizes.svg", "profiles.svg")) {
      parse(Files.readString(out.resolve(f)));
    }
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("data:image/svg+xml;base64,").doesNotContain("data:image/png");
  }

  @Test
  void segment_chartFormatBoth_writesBoth_andABadFormatFailsBeforeWork() throws Exception {
    Path out = segment("both");
    Path data = dir.resolve("mall.csv");
    assertThat(out.resolve("sizes.png")).exists();
    assertThat(out.resolve("sizes.svg")).exists();
    assertThat(Files.readString(out.resolve("report.html"))).contains("data:image/png;base64,");
    CommandsTest.Run bad = CommandsTest.eddy("segment", data.toString(), "--columns", CommandsTest.COLUMNS,
        "--chart-format", "pdf", "--out", dir.resolve("bad").toString(), "-q");
    assertThat(bad.code()).isNotZero();
    assertThat(bad.err()).contains("png, svg, both");
    assertThat(dir.resolve("bad")).doesNotExist();
  }

  /** Segments the test mall table into k = 5 with the given chart format; returns the output directory. */
  private Path segment(String format) throws Exception {
    Path data = TestData.mall(dir);
    Path out = dir.resolve(format);
    CommandsTest.succeeds(CommandsTest.eddy("segment", data.toString(), "--columns", CommandsTest.COLUMNS,
        "--param", "k=5", "--chart-format", format, "--out", out.toString(), "-q"));
    return out;
  }

  private static String hex(java.awt.Color c) {
    return String.format("#%06x", c.getRGB() & 0xFFFFFF);
  }
}

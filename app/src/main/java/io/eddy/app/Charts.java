package io.eddy.app;

import io.eddy.hierarchy.Dendrogram;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.SplittableRandom;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts, drawn with XChart into images (Java2D, headless). Every segment has one colour
 * across all charts of a run ({@link #color(int)}); noise is light grey. Fonts are the JDK's
 * logical SansSerif, which maps to whatever the system has (DejaVu on Debian).
 */
final class Charts {

  /** Width and height of a chart, pixels. */
  static final int WIDTH = 900;
  static final int HEIGHT = 600;
  /** Points drawn at most in a scatter (a seeded sample above). */
  static final int MAX_POINTS = 5000;

  // Tableau 10 without its grey (kept for noise), then golden-angle hues for more segments.
  private static final Color[] PALETTE = {
    new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
    new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F)};
  static final Color NOISE = new Color(0xC8C8C8);
  private static final Color INK = new Color(0x333333);

  private Charts() {}

  /** The colour of the segment at position {@code i} (not its label) in the run's segment list. */
  static Color color(int i) {
    if (i < PALETTE.length) {
      return PALETTE[i];
    }
    float hue = (float) ((i * 0.618033988749895) % 1.0);
    return Color.getHSBColor(hue, 0.65f, 0.8f);
  }

  /** Which files each chart is written as. */
  enum Format {
    PNG("png"), SVG("svg"), BOTH("both");

    final String id;

    Format(String id) {
      this.id = id;
    }

    boolean png() {
      return this != SVG;
    }

    boolean svg() {
      return this != PNG;
    }

    /** From the command line's {@code --format}. */
    static Format parse(String s) {
      for (Format f : values()) {
        if (f.id.equalsIgnoreCase(s)) {
          return f;
        }
      }
      throw new IllegalArgumentException("'" + s + "' is not a chart format, expected one of png, svg, both");
    }
  }

  /**
   * A chart: how to paint it, its size, and the file name it is saved under. Nothing is drawn
   * until a PNG or an SVG is asked for; each is drawn once. Thread-safe: the encodings are
   * made under the chart's lock, and different charts draw in parallel.
   */
  static final class Image {
    private final String name;
    private final String title;
    private final String description;
    private final int width;
    private final int height;
    private final java.util.function.Consumer<Graphics2D> painter;
    private BufferedImage image;
    private byte[] png;
    private String svg;

    /**
     * @param file the PNG file name; the SVG's is the same with {@code .svg}
     * @param description the names the chart shows (segments, series) for the SVG's
     *     {@code <desc>}, or null
     * @param painter paints the whole chart on a {@code width x height} surface
     */
    Image(String file, String title, String description, int width, int height,
        java.util.function.Consumer<Graphics2D> painter) {
      this.name = file.endsWith(".png") ? file.substring(0, file.length() - 4) : file;
      this.title = title;
      this.description = description;
      this.width = width;
      this.height = height;
      this.painter = painter;
    }

    /** The PNG file name. */
    String file() {
      return name + ".png";
    }

    /** The SVG file name. */
    String svgFile() {
      return name + ".svg";
    }

    String title() {
      return title;
    }

    int width() {
      return width;
    }

    int height() {
      return height;
    }

    /** The chart drawn into pixels. */
    synchronized BufferedImage image() {
      if (image == null) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        painter.accept(g);
        g.dispose();
        image = img;
      }
      return image;
    }

    /** Whether the SVG has been drawn. */
    synchronized boolean hasSvg() {
      return svg != null;
    }

    /** Whether the PNG has been encoded. */
    synchronized boolean hasPng() {
      return png != null;
    }

    /** The PNG encoding. */
    synchronized byte[] png() throws IOException {
      if (png == null) {
        png = PngEncoder.encode(image());
        image = null; // the pixels are no longer needed; 2 MB per chart
      }
      return png;
    }

    /** The SVG document. */
    synchronized String svg() {
      if (svg == null) {
        SvgGraphics g = new SvgGraphics(width, height);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        painter.accept(g);
        g.dispose();
        svg = g.document(title, description);
      }
      return svg;
    }
  }

  static void save(Image chart, Path file) throws IOException {
    Files.write(file, chart.png());
  }

  /**
   * Draws and writes every chart in the given format, the charts in parallel (each chart is
   * drawn on one thread; Java2D and XChart keep no shared state between charts).
   */
  static void saveAll(List<Image> charts, OutputDir dir, Format format) throws IOException {
    List<Path> pngs = new ArrayList<>();
    List<Path> svgs = new ArrayList<>();
    for (Image c : charts) {
      pngs.add(format.png() ? dir.file(c.file()) : null);
      svgs.add(format.svg() ? dir.file(c.svgFile()) : null);
    }
    try {
      java.util.stream.IntStream.range(0, charts.size()).parallel().forEach(i -> {
        try {
          if (pngs.get(i) != null) {
            Files.write(pngs.get(i), charts.get(i).png());
          }
          if (svgs.get(i) != null) {
            Files.writeString(svgs.get(i), charts.get(i).svg(), java.nio.charset.StandardCharsets.UTF_8);
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Loads the graphics stack (Java2D, fonts, the PNG encoder) on a daemon thread, so that its
   * one-off start-up cost overlaps reading and fitting instead of following them.
   */
  static void warmUpInBackground() {
    Thread t = new Thread(() -> {
      try {
        new Image("", "", null, 8, 8, g -> {
          g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
          g.drawString("0", 1, 7);
        }).png();
      } catch (IOException | RuntimeException e) {
        // Only a warm-up: the real drawing reports any failure.
      }
    }, "eddy-graphics-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** A chart painted by XChart. */
  private static Image image(String file, String title, String description, Chart<?, ?> c, int w, int h) {
    return new Image(file, title, description, w, h, g -> c.paint(g, w, h));
  }

  private static void style(org.knowm.xchart.style.Styler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setAntiAlias(true);
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
  }

  private static XYChart xy(String title, String x, String y) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
    style(c.getStyler());
    c.getStyler().setPlotGridLinesColor(new Color(0xE6E6E6));
    c.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    c.getStyler().setXAxisDecimalPattern("#,##0.###");
    c.getStyler().setYAxisDecimalPattern("#,##0.###");
    return c;
  }

  /**
   * Segments in two dimensions with their centres (black diamonds).
   *
   * @param point the 2-D point of row i, asked only for the rows drawn: all of them, or a
   *     seeded uniform sample of {@link #MAX_POINTS} when there are more
   * @param slots each row's position in {@code names}, or -1 for noise; its length is the
   *     number of rows
   * @param names the segment names, in colour order
   * @param centres one 2-D centre per segment, or null
   */
  static Image scatter(String title, String x, String y, IntFunction<double[]> point, int[] slots,
      List<String> names, double[][] centres, long seed) {
    XYChart c = xy(title, x, y);
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    c.getStyler().setMarkerSize(6);
    int n = slots.length;
    int[] rows = sample(n, MAX_POINTS, seed);
    List<List<double[]>> bySlot = new ArrayList<>();
    for (int s = 0; s <= names.size(); s++) {
      bySlot.add(new ArrayList<>());
    }
    for (int i : rows) {
      bySlot.get(slots[i] < 0 ? names.size() : slots[i]).add(point.apply(i));
    }
    if (!bySlot.get(names.size()).isEmpty()) {
      add(c, "noise", bySlot.get(names.size()), NOISE);
    }
    for (int s = 0; s < names.size(); s++) {
      if (!bySlot.get(s).isEmpty()) {
        add(c, names.get(s), bySlot.get(s), color(s));
      }
    }
    if (centres != null) {
      XYSeries cs = c.addSeries("centres", column(centres, 0), column(centres, 1));
      cs.setMarker(SeriesMarkers.DIAMOND);
      cs.setMarkerColor(Color.BLACK);
    }
    String file = n > rows.length ? String.format(java.util.Locale.ROOT,
        "%s (a uniform sample: %,d of %,d rows)", title, rows.length, n) : title;
    c.setTitle(file);
    return image("scatter.png", title, "segments: " + String.join(", ", names), c, WIDTH, HEIGHT);
  }

  private static void add(XYChart c, String name, List<double[]> pts, Color color) {
    double[][] a = pts.toArray(new double[0][]);
    XYSeries s = c.addSeries(uniqueSeries(c, name), column(a, 0), column(a, 1));
    s.setMarker(DOT);
    s.setMarkerColor(color);
  }

  /** The scatter's marker. */
  static final Dot DOT = new Dot();

  /**
   * A filled circle, as XChart's own, stamped from a cached antialiased image on a raster
   * surface. Why: a scatter of 5,000 points took 0.2-0.25 s to paint warm, nearly all of it
   * in rasterising 5,000 small ellipses one by one; stamping is a copy of a few dozen pixels.
   * Positions are kept to a quarter pixel (one image per colour, size and quarter-pixel
   * offset). Other surfaces (SVG), and transforms other than a translation, get the ellipse.
   */
  static final class Dot extends org.knowm.xchart.style.markers.Marker {
    private static final int STEPS = 4;
    private final java.util.Map<Long, BufferedImage> stamps = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void paint(Graphics2D g, double x, double y, int size) {
      java.awt.geom.AffineTransform t = g.getTransform();
      Color c = g.getColor();
      boolean raster = g.getDeviceConfiguration().getDevice().getType() == java.awt.GraphicsDevice.TYPE_IMAGE_BUFFER
          && !(g instanceof SvgGraphics);
      if (!raster || (t.getType() & ~java.awt.geom.AffineTransform.TYPE_TRANSLATION) != 0 || size <= 0 || size > 64
          || g.getComposite() != java.awt.AlphaComposite.SrcOver) {
        double r = size / 2.0;
        g.fill(new java.awt.geom.Ellipse2D.Double(x - r, y - r, size, size));
        return;
      }
      // The circle's left and top edges in device space, split into whole pixels and quarters.
      double left = x - size / 2.0 + t.getTranslateX();
      double top = y - size / 2.0 + t.getTranslateY();
      long px = (long) Math.floor(left);
      long py = (long) Math.floor(top);
      int fx = (int) Math.min(STEPS - 1, Math.round((left - px) * STEPS));
      int fy = (int) Math.min(STEPS - 1, Math.round((top - py) * STEPS));
      long key = ((long) c.getRGB() << 32) | ((long) size << 8) | (fx << 4) | fy;
      BufferedImage stamp = stamps.computeIfAbsent(key, k -> stamp(c, size, (double) fx / STEPS, (double) fy / STEPS));
      g.drawImage(stamp, (int) (px - Math.round(t.getTranslateX())), (int) (py - Math.round(t.getTranslateY())), null);
    }

    private static BufferedImage stamp(Color c, int size, double dx, double dy) {
      BufferedImage img = new BufferedImage(size + 2, size + 2, BufferedImage.TYPE_INT_ARGB);
      Graphics2D g = img.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(c);
      g.fill(new java.awt.geom.Ellipse2D.Double(dx, dy, size, size));
      g.dispose();
      return img;
    }
  }

  private static String uniqueSeries(XYChart c, String name) {
    String n = name;
    for (int i = 2; c.getSeries(n) != null; i++) {
      n = name + " #" + i;
    }
    return n;
  }

  static double[] column(double[][] a, int j) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i][j];
    }
    return out;
  }

  /** Up to {@code max} row indices, sorted; all rows when there are few enough. */
  static int[] sample(int n, int max, long seed) {
    if (n <= max) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      return all;
    }
    // Partial Fisher-Yates over the indices: a uniform sample without repeats.
    int[] idx = new int[n];
    Arrays.setAll(idx, i -> i);
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < max; i++) {
      int j = i + r.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] out = Arrays.copyOf(idx, max);
    Arrays.sort(out);
    return out;
  }

  /**
   * A line of values against k, the chosen k marked.
   *
   * @param file the file name
   * @param marked the k to mark, or -1
   */
  static Image againstK(String file, String title, String yTitle, int[] ks, double[] values, int marked,
      String markLabel) {
    XYChart c = xy(title, "k (number of segments)", yTitle);
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    c.getStyler().setXAxisDecimalPattern("0");
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < ks.length; i++) {
      if (Double.isFinite(values[i])) {
        xs.add((double) ks[i]);
        ys.add(values[i]);
      }
    }
    if (xs.isEmpty()) {
      xs.add((double) ks[0]);
      ys.add(0.0);
    }
    XYSeries s = c.addSeries(yTitle, xs, ys);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setLineColor(color(0));
    s.setMarkerColor(color(0));
    int at = -1;
    for (int i = 0; i < ks.length; i++) {
      if (ks[i] == marked && Double.isFinite(values[i])) {
        at = i;
      }
    }
    if (at >= 0) {
      XYSeries m = c.addSeries(markLabel, new double[] {ks[at]}, new double[] {values[at]});
      m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      m.setMarker(SeriesMarkers.DIAMOND);
      m.setMarkerColor(color(2));
    }
    return image(file, title, null, c, WIDTH, HEIGHT);
  }

  private static CategoryChart bars(String title, String x, String y, int w, int h) {
    CategoryChart c = new CategoryChartBuilder().width(w).height(h).title(title).xAxisTitle(x).yAxisTitle(y).build();
    style(c.getStyler());
    c.getStyler().setLegendVisible(false);
    c.getStyler().setOverlapped(true);
    c.getStyler().setPlotGridVerticalLinesVisible(false);
    c.getStyler().setXAxisLabelRotation(20);
    // XChart labels every n-th category when categories are closer than this hint (74 px by
    // default), which left every other segment unlabelled in the small profile panels.
    c.getStyler().setXAxisTickMarkSpacingHint(12);
    return c;
  }

  /**
   * One bar per segment, each in the segment's colour: one series per segment, overlapped, so
   * the legend maps colours to names while the axis shows short keys.
   */
  private static void coloured(CategoryChart c, List<String> keys, List<String> names, double[] values) {
    double hi = 0;
    double lo = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        hi = Math.max(hi, v);
        lo = Math.min(lo, v);
      }
    }
    // Headroom: XChart ends the axis at the tallest bar, which then touched the frame above
    // the last labelled tick.
    if (hi > 0) {
      c.getStyler().setYAxisMax(hi * 1.08);
    }
    if (lo < 0) {
      c.getStyler().setYAxisMin(lo * 1.08);
    }
    for (int s = 0; s < names.size(); s++) {
      // The segment's own bar; no bar (null) at the other keys, which XChart then skips
      // instead of painting a zero-height bar: k x k bars per panel otherwise.
      List<Double> v = new ArrayList<>(java.util.Collections.nCopies(names.size(), (Double) null));
      v.set(s, Double.isFinite(values[s]) ? values[s] : 0);
      String series = keys.get(s).equals(names.get(s)) ? names.get(s) : keys.get(s) + ": " + names.get(s);
      c.addSeries(series, keys, v).setFillColor(color(s));
    }
  }

  /** Short category keys: 1, 2, 3... in segment order. */
  static List<String> keys(int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      out.add(Integer.toString(i));
    }
    return out;
  }

  /** Segment sizes, keyed 1, 2, 3... with the names in the legend. */
  static Image sizes(String file, String title, String yTitle, List<String> names, long[] sizes) {
    CategoryChart c = bars(title, "segment", yTitle, WIDTH, HEIGHT);
    c.getStyler().setLegendVisible(true);
    // Below the plot for a few names, beside it when a long list would squash the plot.
    c.getStyler().setLegendPosition(names.size() > 6 ? Styler.LegendPosition.OutsideE : Styler.LegendPosition.OutsideS);
    c.getStyler().setXAxisLabelRotation(0);
    double[] v = new double[sizes.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = sizes[i];
    }
    coloured(c, keys(names.size()), names, v);
    return image(file, title, "segments: " + String.join(", ", names), c, WIDTH, HEIGHT);
  }

  /**
   * Each feature's segment means in original units, one small bar chart per feature, laid out
   * in a grid; the population mean is given in each panel's title.
   *
   * @param means {@code [segment][feature]}
   */
  static Image profiles(List<String> names, List<String> features, double[][] means, double[] population) {
    int p = features.size();
    int cols = Math.min(3, p);
    int rows = (p + cols - 1) / cols;
    int w = 420;
    int h = 300;
    int legendRows = (names.size() + 1) / 2;
    int top = 44 + 22 * legendRows;
    int width = Math.max(cols * w, 840);
    // The panels are built now, painted when an encoding is asked for.
    List<CategoryChart> panels = new ArrayList<>();
    List<String> keys = keys(names.size());
    for (int j = 0; j < p; j++) {
      double[] v = new double[names.size()];
      for (int s = 0; s < v.length; s++) {
        v[s] = means[s][j];
      }
      CategoryChart c = bars(features.get(j) + " (all: " + Report.num(population[j]) + ")", "segment", "mean", w, h);
      c.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
      c.getStyler().setXAxisLabelRotation(0);
      coloured(c, keys, names, v);
      panels.add(c);
    }
    List<String> names2 = List.copyOf(names);
    return new Image("profiles.png", "Segment profiles", "segments: " + String.join(", ", names2)
        + "; features: " + String.join(", ", features), width, rows * h + top, g -> {
          g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
          g.setColor(INK);
          g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
          g.drawString("Segment profiles: mean of each feature, original units", 12, 24);
          g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
          for (int s = 0; s < names2.size(); s++) {
            int x = 16 + (s % 2) * (width / 2);
            int y = 40 + (s / 2) * 22;
            g.setColor(color(s));
            g.fillRect(x, y, 14, 14);
            g.setColor(INK);
            g.drawString((s + 1) + ": " + names2.get(s), x + 22, y + 12);
          }
          for (int j = 0; j < panels.size(); j++) {
            Graphics2D panel = (Graphics2D) g.create((j % cols) * w, top + (j / cols) * h, w, h);
            panels.get(j).paint(panel, w, h);
            panel.dispose();
          }
        });
  }

  /**
   * Lines over time, one per series.
   *
   * @param ys one array per series, NaN where undefined
   * @param colours one colour per series
   */
  static Image lines(String file, String title, String xTitle, String yTitle, double[] x, List<String> series,
      List<double[]> ys, List<Color> colours) {
    XYChart c = xy(title, xTitle, yTitle);
    c.getStyler().setMarkerSize(4);
    // A few series stack below the plot, where long names take no width from it; many go
    // beside it, where a tall list does not push the plot up.
    if (series.size() <= 6) {
      c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    }
    for (int s = 0; s < series.size(); s++) {
      List<Double> xs = new ArrayList<>();
      List<Double> vs = new ArrayList<>();
      double[] y = ys.get(s);
      for (int i = 0; i < x.length; i++) {
        if (Double.isFinite(y[i])) {
          xs.add(x[i]);
          vs.add(y[i]);
        }
      }
      if (xs.isEmpty()) {
        continue;
      }
      XYSeries line = c.addSeries(uniqueSeries(c, series.get(s)), xs, vs);
      line.setMarker(SeriesMarkers.NONE);
      line.setLineColor(colours.get(s));
      line.setLineStyle(new BasicStroke(2f));
    }
    double hi = Double.NEGATIVE_INFINITY;
    double lo = Double.POSITIVE_INFINITY;
    for (double[] y : ys) {
      for (double v : y) {
        if (Double.isFinite(v)) {
          hi = Math.max(hi, v);
          lo = Math.min(lo, v);
        }
      }
    }
    if (hi > lo) {
      // Headroom: XChart ends the axis at the highest value, which then ran along the frame.
      c.getStyler().setYAxisMax(hi + 0.05 * (hi - lo));
    }
    if (c.getSeriesCollection().isEmpty()) {
      c.addSeries("none", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
    } else {
      XYSeries first = c.getSeriesCollection().iterator().next();
      streamAxis(c, x, first.getYData()[0]);
    }
    return image(file, title, "series: " + String.join(", ", series), c, WIDTH, HEIGHT);
  }

  /**
   * Readable x-axis ticks on a chart over a stream (x = rows seen or event time, often
   * hundreds of thousands or epoch seconds). When the x values of all series are equally
   * spaced, as checkpoints every n rows are, XChart puts its ticks on every m-th data value
   * (150, 2,400, 4,650...) and packs long labels edge to edge; with one x value off that
   * grid it picks round steps instead. So a hidden point (no marker, no line, not in the
   * legend) is added a third of the way between the first two x values, at an existing
   * height; and the tick spacing is widened to the longest label's width plus a gap.
   *
   * @param x the chart's x values, ascending
   * @param y a height inside the chart's y range
   */
  static void streamAxis(XYChart c, double[] x, double y) {
    if (x.length >= 2 && x[1] > x[0]) {
      XYSeries off = c.addSeries(uniqueSeries(c, " "), new double[] {x[0] + (x[1] - x[0]) / 3}, new double[] {y});
      off.setMarker(SeriesMarkers.NONE);
      off.setLineStyle(SeriesLines.NONE);
      off.setShowInLegend(false);
      off.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    }
    double far = 0;
    for (double v : x) {
      far = Math.max(far, Math.abs(v));
    }
    String longest = new java.text.DecimalFormat("#,##0.###", java.text.DecimalFormatSymbols.getInstance(
        java.util.Locale.ROOT)).format(-far);
    // About 8 px per character of the 12 px tick font, and a gap of 4 characters.
    c.getStyler().setXAxisTickMarkSpacingHint(Math.max(80, 8 * (longest.length() + 4)));
  }

  /** Integer labels only (counts): the ticks between integers keep their grid line, unlabelled. */
  static void countAxis(XYChart c) {
    c.getStyler().setYAxisTickLabelsFormattingFunction(v -> v == Math.rint(v) ? Long.toString(Math.round(v)) : "");
  }

  /** Adds event markers (births, deaths) to a line chart's data: x positions at height y. */
  static Image countWithEvents(String title, String xTitle, double[] x, double[] count, double[] bornX,
      double[] bornY, double[] goneX, double[] goneY) {
    XYChart c = xy(title, xTitle, "segments");
    double most = 0;
    for (double[] v : new double[][] {count, bornY, goneY}) {
      for (double y : v) {
        most = Math.max(most, y);
      }
    }
    // A fixed range: with a constant count XChart labelled only 0 and the count. Headroom keeps
    // the line off the frame, and at least 0..5 gives several integer ticks for small counts.
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisMax(Math.max(5, Math.ceil(most * 1.15)));
    XYSeries line = c.addSeries("segments", x, count);
    line.setMarker(SeriesMarkers.NONE);
    line.setLineColor(color(0));
    line.setLineStyle(new BasicStroke(2f));
    if (bornX.length > 0) {
      XYSeries b = c.addSeries("births", bornX, bornY);
      b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      b.setMarker(SeriesMarkers.TRIANGLE_UP);
      b.setMarkerColor(color(4));
    }
    if (goneX.length > 0) {
      XYSeries d = c.addSeries("deaths", goneX, goneY);
      d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      d.setMarker(SeriesMarkers.TRIANGLE_DOWN);
      d.setMarkerColor(color(2));
    }
    streamAxis(c, x, count.length > 0 ? count[0] : 0);
    countAxis(c);
    return image("segments-over-time.png", title, null, c, WIDTH, HEIGHT);
  }

  /**
   * The top of a dendrogram: the last {@code shown} merges, each earlier subtree drawn as one
   * leaf at height 0 (scipy's "lastp" truncation), and the cut height as a dashed line.
   */
  static Image dendrogram(Dendrogram d, int shown, double cut) {
    int n = d.leafCount();
    int m = d.mergeCount();
    int first = Math.max(0, m - shown);
    XYChart c = xy("Dendrogram (last " + (m - first) + " merges)", "subtrees", "merge height");
    c.getStyler().setLegendVisible(false);
    c.getStyler().setXAxisTicksVisible(false);
    double[] pos = new double[1];
    double[][] xy = new double[n + m][];
    place(d, n + m - 1, n, first, xy, pos);
    for (int row = first; row < m; row++) {
      double[] l = xy[d.left(row)];
      double[] r = xy[d.right(row)];
      double h = d.height(row);
      XYSeries s = c.addSeries("m" + row, new double[] {l[0], l[0], r[0], r[0]}, new double[] {l[1], h, h, r[1]});
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(color(0));
      s.setLineStyle(new BasicStroke(1.5f));
    }
    if (cut > 0) {
      XYSeries s = c.addSeries("cut", new double[] {0, pos[0] - 1}, new double[] {cut, cut});
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(color(2));
      s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }
    return image("dendrogram.png", "Dendrogram", null, c, WIDTH, HEIGHT);
  }

  // Positions every node drawn: collapsed subtrees left to right, a merge midway above its two.
  private static void place(Dendrogram d, int id, int n, int first, double[][] xy, double[] next) {
    int row = id - n;
    if (row < first) {
      xy[id] = new double[] {next[0]++, 0};
      return;
    }
    place(d, d.left(row), n, first, xy, next);
    place(d, d.right(row), n, first, xy, next);
    xy[id] = new double[] {(xy[d.left(row)][0] + xy[d.right(row)][0]) / 2, d.height(row)};
  }
}

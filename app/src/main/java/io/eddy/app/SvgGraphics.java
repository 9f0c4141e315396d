package io.eddy.app;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedCharacterIterator;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link Graphics2D} that writes SVG 1.1 instead of pixels: enough of Java2D for what the
 * charts draw (filled and stroked shapes with solid colours and alpha, dashed strokes,
 * transforms, rectangular or any clips, strings, images as embedded PNG).
 *
 * <p>Geometry is written in device coordinates (the current transform applied), to 0.01 px.
 * Rectangles, lines and ellipses under a translation become {@code <rect>}, {@code <line>},
 * {@code <circle>} or {@code <ellipse>}, anything else a {@code <path>} in relative commands. {@link #drawString} writes {@code <text>};
 * text that the caller turns into outlines itself (as XChart does) stays outlines, so such an
 * SVG renders identically without its fonts. XOR mode and gradient paints are not supported:
 * a non-colour paint is drawn in the colour last set.
 *
 * <p>Exists because the well-kept SVG back ends for Java2D are large (Batik's SVG generator
 * brings 1.6 MB in 8 jars) or LGPL (VectorGraphics2D). Not thread-safe; {@link #create()}
 * copies share one document.
 */
final class SvgGraphics extends Graphics2D {

  /** The document all copies write to. */
  private static final class Doc {
    final StringBuilder out = new StringBuilder(64 * 1024);
    final int width;
    final int height;
    final StringBuilder defs = new StringBuilder();
    final Map<Shape, Integer> clipIds = new HashMap<>();
    /** The clip id of the open {@code <g>}, or -1 if none is open (0 is "no clip" group). */
    int openGroup = -1;

    Doc(int width, int height) {
      this.width = width;
      this.height = height;
    }
  }

  /** Metrics come from a 1x1 image: Java2D needs some device to measure text against. */
  private static final Graphics2D MEASURE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();

  private final Doc doc;
  private AffineTransform transform;
  private Color color = Color.BLACK;
  private Paint paint = Color.BLACK;
  private Color background = Color.WHITE;
  private Stroke stroke = new BasicStroke(1f);
  private Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private Composite composite = AlphaComposite.SrcOver;
  /** In device space, or null for none. */
  private Shape clip;
  private final RenderingHints hints;

  /** A blank page of the given size, pixels. */
  SvgGraphics(int width, int height) {
    this.doc = new Doc(width, height);
    this.transform = new AffineTransform();
    this.hints = new RenderingHints(null);
  }

  private SvgGraphics(SvgGraphics g) {
    this.doc = g.doc;
    this.transform = new AffineTransform(g.transform);
    this.color = g.color;
    this.paint = g.paint;
    this.background = g.background;
    this.stroke = g.stroke;
    this.font = g.font;
    this.composite = g.composite;
    this.clip = g.clip;
    this.hints = (RenderingHints) g.hints.clone();
  }

  /**
   * The finished document.
   *
   * @param title the document's title, for screen readers and search
   * @param description a longer description (for example the segment names), or null
   */
  String document(String title, String description) {
    StringBuilder s = new StringBuilder(doc.out.length() + doc.defs.length() + 512);
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
        .append(doc.width).append("\" height=\"").append(doc.height).append("\" viewBox=\"0 0 ").append(doc.width)
        .append(' ').append(doc.height).append("\">\n<title>").append(Report.esc(title)).append("</title>\n");
    if (description != null) {
      s.append("<desc>").append(Report.esc(description)).append("</desc>\n");
    }
    if (doc.defs.length() > 0) {
      s.append("<defs>\n").append(doc.defs).append("</defs>\n");
    }
    s.append(doc.out);
    if (doc.openGroup >= 0) {
      s.append("</g>\n");
    }
    return s.append("</svg>\n").toString();
  }

  // ---- output ----

  /** Opens the group of the current clip if another is open; returns the builder to write to. */
  private StringBuilder element() {
    int id = 0;
    if (clip != null) {
      Integer known = doc.clipIds.get(clip);
      if (known == null) {
        known = doc.clipIds.size() + 1;
        doc.clipIds.put(clip, known);
        doc.defs.append("<clipPath id=\"c").append(known).append("\"><path d=\"");
        path(doc.defs, clip.getPathIterator(null));
        doc.defs.append("\"/></clipPath>\n");
      }
      id = known;
    }
    if (id != doc.openGroup) {
      if (doc.openGroup >= 0) {
        doc.out.append("</g>\n");
      }
      doc.out.append(id == 0 ? "<g>\n" : "<g clip-path=\"url(#c" + id + ")\">\n");
      doc.openGroup = id;
    }
    return doc.out;
  }

  private static void num(StringBuilder s, double v) {
    hundredths(s, Math.round(v * 100));
  }

  /** Writes {@code r / 100} in the fewest characters: no trailing zeros, no decimal point if whole. */
  private static void hundredths(StringBuilder s, long r) {
    if (r < 0) {
      s.append('-');
      r = -r;
    }
    s.append(r / 100);
    long frac = r % 100;
    if (frac != 0) {
      s.append('.').append(frac / 10);
      if (frac % 10 != 0) {
        s.append(frac % 10);
      }
    }
  }

  /**
   * Path data in relative commands ({@code m l q c z}; the first move absolute), a command
   * letter only where it changes, and no separator before a negative number: a glyph outline
   * takes about half the characters of absolute coordinates. Deltas are taken between
   * positions already rounded to 0.01 px, so rounding does not accumulate along a path.
   */
  private static void path(StringBuilder s, PathIterator it) {
    double[] c = new double[6];
    long curX = 0;
    long curY = 0;
    long startX = 0;
    long startY = 0;
    char last = 0;
    boolean first = true;
    while (!it.isDone()) {
      int type = it.currentSegment(c);
      char cmd;
      int n;
      switch (type) {
        case PathIterator.SEG_MOVETO -> {
          cmd = first ? 'M' : 'm';
          n = 1;
        }
        case PathIterator.SEG_LINETO -> {
          cmd = 'l';
          n = 1;
        }
        case PathIterator.SEG_QUADTO -> {
          cmd = 'q';
          n = 2;
        }
        case PathIterator.SEG_CUBICTO -> {
          cmd = 'c';
          n = 3;
        }
        default -> {
          cmd = 'z';
          n = 0;
        }
      }
      // After a move, a repeated pair would mean "line to": the letter is written again then.
      boolean letter = cmd != last || cmd == 'm' || cmd == 'M' || cmd == 'z';
      if (letter) {
        s.append(cmd);
      }
      long baseX = cmd == 'M' ? 0 : curX;
      long baseY = cmd == 'M' ? 0 : curY;
      for (int p = 0; p < n; p++) {
        long x = Math.round(c[2 * p] * 100);
        long y = Math.round(c[2 * p + 1] * 100);
        long dx = x - baseX;
        long dy = y - baseY;
        if (!(letter && p == 0) && dx >= 0) {
          s.append(' ');
        }
        hundredths(s, dx);
        if (dy >= 0) {
          s.append(',');
        }
        hundredths(s, dy);
        if (p == n - 1) {
          curX = x;
          curY = y;
        }
      }
      if (type == PathIterator.SEG_MOVETO) {
        startX = curX;
        startY = curY;
      } else if (n == 0) {
        curX = startX;
        curY = startY;
      }
      last = cmd == 'M' ? 'm' : cmd;
      first = false;
      it.next();
    }
  }

  private double alpha() {
    double a = color.getAlpha() / 255.0;
    if (composite instanceof AlphaComposite) {
      a *= ((AlphaComposite) composite).getAlpha();
    }
    return a;
  }

  private static void hex(StringBuilder s, Color c) {
    s.append('#');
    int rgb = c.getRGB() & 0xFFFFFF;
    String h = Integer.toHexString(rgb);
    for (int i = h.length(); i < 6; i++) {
      s.append('0');
    }
    s.append(h);
  }

  private boolean translationOnly() {
    int t = transform.getType();
    return (t & ~AffineTransform.TYPE_TRANSLATION) == 0;
  }

  private void shape(Shape shape, boolean fill) {
    double a = alpha();
    if (a <= 0) {
      return;
    }
    StringBuilder s = element();
    double tx = transform.getTranslateX();
    double ty = transform.getTranslateY();
    if (translationOnly() && shape instanceof Rectangle2D) {
      Rectangle2D r = (Rectangle2D) shape;
      s.append("<rect x=\"");
      num(s, r.getX() + tx);
      s.append("\" y=\"");
      num(s, r.getY() + ty);
      s.append("\" width=\"");
      num(s, r.getWidth());
      s.append("\" height=\"");
      num(s, r.getHeight());
      s.append('"');
    } else if (translationOnly() && shape instanceof Ellipse2D) {
      Ellipse2D e = (Ellipse2D) shape;
      boolean circle = e.getWidth() == e.getHeight();
      s.append(circle ? "<circle cx=\"" : "<ellipse cx=\"");
      num(s, e.getCenterX() + tx);
      s.append("\" cy=\"");
      num(s, e.getCenterY() + ty);
      s.append(circle ? "\" r=\"" : "\" rx=\"");
      num(s, e.getWidth() / 2);
      if (!circle) {
        s.append("\" ry=\"");
        num(s, e.getHeight() / 2);
      }
      s.append('"');
    } else if (!fill && translationOnly() && shape instanceof Line2D) {
      Line2D l = (Line2D) shape;
      s.append("<line x1=\"");
      num(s, l.getX1() + tx);
      s.append("\" y1=\"");
      num(s, l.getY1() + ty);
      s.append("\" x2=\"");
      num(s, l.getX2() + tx);
      s.append("\" y2=\"");
      num(s, l.getY2() + ty);
      s.append('"');
    } else {
      s.append("<path d=\"");
      path(s, shape.getPathIterator(transform));
      s.append('"');
      if (fill && shape.getPathIterator(null).getWindingRule() == PathIterator.WIND_EVEN_ODD) {
        s.append(" fill-rule=\"evenodd\"");
      }
    }
    if (fill) {
      s.append(" fill=\"");
      hex(s, color);
      s.append('"');
      if (a < 1) {
        s.append(" fill-opacity=\"").append(Math.round(a * 1000) / 1000.0).append('"');
      }
    } else {
      s.append(" fill=\"none\" stroke=\"");
      hex(s, color);
      s.append('"');
      if (a < 1) {
        s.append(" stroke-opacity=\"").append(Math.round(a * 1000) / 1000.0).append('"');
      }
      strokeAttributes(s);
    }
    s.append("/>\n");
  }

  private void strokeAttributes(StringBuilder s) {
    if (!(stroke instanceof BasicStroke)) {
      return;
    }
    BasicStroke b = (BasicStroke) stroke;
    double scale = Math.sqrt(Math.abs(transform.getDeterminant()));
    s.append(" stroke-width=\"");
    num(s, Math.max(b.getLineWidth() * scale, 0.01));
    s.append('"');
    if (b.getEndCap() != BasicStroke.CAP_BUTT) {
      s.append(b.getEndCap() == BasicStroke.CAP_ROUND ? " stroke-linecap=\"round\"" : " stroke-linecap=\"square\"");
    }
    if (b.getLineJoin() != BasicStroke.JOIN_MITER) {
      s.append(b.getLineJoin() == BasicStroke.JOIN_ROUND ? " stroke-linejoin=\"round\"" : " stroke-linejoin=\"bevel\"");
    }
    float[] dash = b.getDashArray();
    if (dash != null && dash.length > 0) {
      s.append(" stroke-dasharray=\"");
      for (int i = 0; i < dash.length; i++) {
        if (i > 0) {
          s.append(',');
        }
        num(s, dash[i] * scale);
      }
      s.append('"');
      if (b.getDashPhase() != 0) {
        s.append(" stroke-dashoffset=\"");
        num(s, b.getDashPhase() * scale);
        s.append('"');
      }
    }
  }

  // ---- Graphics2D: drawing ----

  @Override
  public void draw(Shape s) {
    shape(s, false);
  }

  @Override
  public void fill(Shape s) {
    shape(s, true);
  }

  @Override
  public void drawString(String str, float x, float y) {
    if (str.isEmpty() || alpha() <= 0) {
      return;
    }
    StringBuilder s = element();
    s.append("<text");
    if (translationOnly()) {
      s.append(" x=\"");
      num(s, x + transform.getTranslateX());
      s.append("\" y=\"");
      num(s, y + transform.getTranslateY());
      s.append('"');
    } else {
      double[] m = new double[6];
      transform.getMatrix(m);
      s.append(" transform=\"matrix(");
      for (int i = 0; i < 6; i++) {
        if (i > 0) {
          s.append(' ');
        }
        s.append(Math.round(m[i] * 1e6) / 1e6);
      }
      s.append(")\" x=\"");
      num(s, x);
      s.append("\" y=\"");
      num(s, y);
      s.append('"');
    }
    String family = font.getFamily();
    s.append(" font-family=\"").append(Report.esc(family.equals(Font.SANS_SERIF) || family.equals(Font.DIALOG)
        ? "sans-serif" : family.equals(Font.SERIF) ? "serif" : family.equals(Font.MONOSPACED) ? "monospace"
        : family + ", sans-serif")).append("\" font-size=\"");
    num(s, font.getSize2D());
    s.append('"');
    if (font.isBold()) {
      s.append(" font-weight=\"bold\"");
    }
    if (font.isItalic()) {
      s.append(" font-style=\"italic\"");
    }
    s.append(" fill=\"");
    hex(s, color);
    s.append("\">").append(Report.esc(str)).append("</text>\n");
  }

  @Override
  public void drawString(String str, int x, int y) {
    drawString(str, (float) x, (float) y);
  }

  @Override
  public void drawString(AttributedCharacterIterator iterator, int x, int y) {
    drawString(iterator, (float) x, (float) y);
  }

  @Override
  public void drawString(AttributedCharacterIterator iterator, float x, float y) {
    new TextLayout(iterator, getFontRenderContext()).draw(this, x, y);
  }

  @Override
  public void drawGlyphVector(GlyphVector g, float x, float y) {
    fill(g.getOutline(x, y));
  }

  @Override
  public boolean drawImage(Image img, AffineTransform xform, ImageObserver obs) {
    if (!(img instanceof BufferedImage)) {
      return false;
    }
    byte[] png;
    try {
      png = PngEncoder.encode((BufferedImage) img);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AffineTransform t = new AffineTransform(transform);
    if (xform != null) {
      t.concatenate(xform);
    }
    double[] m = new double[6];
    t.getMatrix(m);
    StringBuilder s = element();
    s.append("<image transform=\"matrix(");
    for (int i = 0; i < 6; i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(Math.round(m[i] * 1e6) / 1e6);
    }
    s.append(")\" width=\"").append(img.getWidth(null)).append("\" height=\"").append(img.getHeight(null))
        .append("\" href=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
        .append("\"/>\n");
    return true;
  }

  @Override
  public void drawImage(BufferedImage img, BufferedImageOp op, int x, int y) {
    drawImage(op == null ? img : op.filter(img, null), x, y, null);
  }

  @Override
  public void drawRenderedImage(RenderedImage img, AffineTransform xform) {
    if (img instanceof Image) {
      drawImage((Image) img, xform, null);
    }
  }

  @Override
  public void drawRenderableImage(RenderableImage img, AffineTransform xform) {
    drawRenderedImage(img.createDefaultRendering(), xform);
  }

  @Override
  public boolean drawImage(Image img, int x, int y, ImageObserver observer) {
    return drawImage(img, AffineTransform.getTranslateInstance(x, y), observer);
  }

  @Override
  public boolean drawImage(Image img, int x, int y, int width, int height, ImageObserver observer) {
    AffineTransform t = AffineTransform.getTranslateInstance(x, y);
    t.scale(width / (double) img.getWidth(null), height / (double) img.getHeight(null));
    return drawImage(img, t, observer);
  }

  @Override
  public boolean drawImage(Image img, int x, int y, Color bgcolor, ImageObserver observer) {
    return drawImage(img, x, y, observer);
  }

  @Override
  public boolean drawImage(Image img, int x, int y, int width, int height, Color bgcolor, ImageObserver observer) {
    return drawImage(img, x, y, width, height, observer);
  }

  @Override
  public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2,
      ImageObserver observer) {
    if (!(img instanceof BufferedImage) || sx2 <= sx1 || sy2 <= sy1) {
      return false;
    }
    BufferedImage part = ((BufferedImage) img).getSubimage(sx1, sy1, sx2 - sx1, sy2 - sy1);
    return drawImage(part, dx1, dy1, dx2 - dx1, dy2 - dy1, observer);
  }

  @Override
  public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2,
      Color bgcolor, ImageObserver observer) {
    return drawImage(img, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, observer);
  }

  @Override
  public void drawLine(int x1, int y1, int x2, int y2) {
    draw(new Line2D.Double(x1, y1, x2, y2));
  }

  @Override
  public void fillRect(int x, int y, int width, int height) {
    fill(new Rectangle(x, y, width, height));
  }

  @Override
  public void clearRect(int x, int y, int width, int height) {
    Color c = color;
    Composite k = composite;
    color = background;
    composite = AlphaComposite.SrcOver;
    fillRect(x, y, width, height);
    color = c;
    composite = k;
  }

  @Override
  public void drawRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
    draw(new RoundRectangle2D.Double(x, y, width, height, arcWidth, arcHeight));
  }

  @Override
  public void fillRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
    fill(new RoundRectangle2D.Double(x, y, width, height, arcWidth, arcHeight));
  }

  @Override
  public void drawOval(int x, int y, int width, int height) {
    draw(new Ellipse2D.Double(x, y, width, height));
  }

  @Override
  public void fillOval(int x, int y, int width, int height) {
    fill(new Ellipse2D.Double(x, y, width, height));
  }

  @Override
  public void drawArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
    draw(new Arc2D.Double(x, y, width, height, startAngle, arcAngle, Arc2D.OPEN));
  }

  @Override
  public void fillArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
    fill(new Arc2D.Double(x, y, width, height, startAngle, arcAngle, Arc2D.PIE));
  }

  @Override
  public void drawPolyline(int[] xPoints, int[] yPoints, int nPoints) {
    if (nPoints < 2) {
      return;
    }
    java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
    p.moveTo(xPoints[0], yPoints[0]);
    for (int i = 1; i < nPoints; i++) {
      p.lineTo(xPoints[i], yPoints[i]);
    }
    draw(p);
  }

  @Override
  public void drawPolygon(int[] xPoints, int[] yPoints, int nPoints) {
    draw(new java.awt.Polygon(xPoints, yPoints, nPoints));
  }

  @Override
  public void fillPolygon(int[] xPoints, int[] yPoints, int nPoints) {
    fill(new java.awt.Polygon(xPoints, yPoints, nPoints));
  }

  @Override
  public void copyArea(int x, int y, int width, int height, int dx, int dy) {
    throw new UnsupportedOperationException("copyArea: an SVG has no pixels to copy");
  }

  @Override
  public boolean hit(Rectangle rect, Shape s, boolean onStroke) {
    Shape target = transform.createTransformedShape(onStroke ? stroke.createStrokedShape(s) : s);
    return target.intersects(rect);
  }

  // ---- state ----

  @Override
  public Graphics create() {
    return new SvgGraphics(this);
  }

  @Override
  public void dispose() {
    // Nothing to release: the document belongs to the first instance's owner.
  }

  @Override
  public GraphicsConfiguration getDeviceConfiguration() {
    return MEASURE.getDeviceConfiguration();
  }

  @Override
  public void setComposite(Composite comp) {
    composite = comp;
  }

  @Override
  public Composite getComposite() {
    return composite;
  }

  @Override
  public void setPaint(Paint p) {
    if (p == null) {
      return;
    }
    paint = p;
    if (p instanceof Color) {
      color = (Color) p;
    }
  }

  @Override
  public Paint getPaint() {
    return paint;
  }

  @Override
  public Color getColor() {
    return color;
  }

  @Override
  public void setColor(Color c) {
    if (c != null) {
      color = c;
      paint = c;
    }
  }

  @Override
  public void setPaintMode() {
    composite = AlphaComposite.SrcOver;
  }

  @Override
  public void setXORMode(Color c1) {
    // Not supported: drawing continues in paint mode.
  }

  @Override
  public void setBackground(Color c) {
    background = c;
  }

  @Override
  public Color getBackground() {
    return background;
  }

  @Override
  public void setStroke(Stroke s) {
    stroke = s;
  }

  @Override
  public Stroke getStroke() {
    return stroke;
  }

  @Override
  public Font getFont() {
    return font;
  }

  @Override
  public void setFont(Font f) {
    if (f != null) {
      font = f;
    }
  }

  @Override
  public FontMetrics getFontMetrics(Font f) {
    synchronized (MEASURE) {
      return MEASURE.getFontMetrics(f);
    }
  }

  @Override
  public FontRenderContext getFontRenderContext() {
    Object aa = hints.get(RenderingHints.KEY_TEXT_ANTIALIASING);
    Object fm = hints.get(RenderingHints.KEY_FRACTIONALMETRICS);
    return new FontRenderContext(new AffineTransform(), aa == null ? RenderingHints.VALUE_TEXT_ANTIALIAS_DEFAULT : aa,
        fm == null ? RenderingHints.VALUE_FRACTIONALMETRICS_DEFAULT : fm);
  }

  @Override
  public void setRenderingHint(RenderingHints.Key key, Object value) {
    hints.put(key, value);
  }

  @Override
  public Object getRenderingHint(RenderingHints.Key key) {
    return hints.get(key);
  }

  @Override
  public void setRenderingHints(Map<?, ?> h) {
    hints.clear();
    hints.putAll(h);
  }

  @Override
  public void addRenderingHints(Map<?, ?> h) {
    hints.putAll(h);
  }

  @Override
  public RenderingHints getRenderingHints() {
    return (RenderingHints) hints.clone();
  }

  @Override
  public void translate(int x, int y) {
    transform.translate(x, y);
  }

  @Override
  public void translate(double tx, double ty) {
    transform.translate(tx, ty);
  }

  @Override
  public void rotate(double theta) {
    transform.rotate(theta);
  }

  @Override
  public void rotate(double theta, double x, double y) {
    transform.rotate(theta, x, y);
  }

  @Override
  public void scale(double sx, double sy) {
    transform.scale(sx, sy);
  }

  @Override
  public void shear(double shx, double shy) {
    transform.shear(shx, shy);
  }

  @Override
  public void transform(AffineTransform tx) {
    transform.concatenate(tx);
  }

  @Override
  public void setTransform(AffineTransform tx) {
    transform = new AffineTransform(tx);
  }

  @Override
  public AffineTransform getTransform() {
    return new AffineTransform(transform);
  }

  // ---- clip, kept in device space ----

  @Override
  public Shape getClip() {
    if (clip == null) {
      return null;
    }
    try {
      return transform.createInverse().createTransformedShape(clip);
    } catch (NoninvertibleTransformException e) {
      return null;
    }
  }

  @Override
  public Rectangle getClipBounds() {
    Shape c = getClip();
    return c == null ? null : c.getBounds();
  }

  @Override
  public void clip(Shape s) {
    if (s == null) {
      return;
    }
    Shape device = deviceRect(s);
    if (clip == null) {
      clip = device;
    } else if (clip instanceof Rectangle2D && device instanceof Rectangle2D) {
      clip = ((Rectangle2D) clip).createIntersection((Rectangle2D) device);
    } else {
      Area a = new Area(clip);
      a.intersect(new Area(device));
      clip = a;
    }
  }

  @Override
  public void clipRect(int x, int y, int width, int height) {
    clip(new Rectangle(x, y, width, height));
  }

  @Override
  public void setClip(int x, int y, int width, int height) {
    setClip(new Rectangle(x, y, width, height));
  }

  @Override
  public void setClip(Shape s) {
    clip = s == null ? null : deviceRect(s);
  }

  /** The shape in device space; a rectangle stays a rectangle under a translation or scale. */
  private Shape deviceRect(Shape s) {
    if (s instanceof Rectangle2D && (transform.getType() & (AffineTransform.TYPE_GENERAL_ROTATION
        | AffineTransform.TYPE_QUADRANT_ROTATION | AffineTransform.TYPE_GENERAL_TRANSFORM)) == 0) {
      return transform.createTransformedShape(s).getBounds2D();
    }
    return transform.createTransformedShape(s);
  }
}

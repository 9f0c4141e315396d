package io.eddy.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DotTest {

  private static BufferedImage canvas() {
    BufferedImage img = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 200, 150);
    g.dispose();
    return img;
  }

  @Test
  void stampedDots_matchFilledEllipses() {
    BufferedImage stamped = canvas();
    BufferedImage filled = canvas();
    Graphics2D a = stamped.createGraphics();
    Graphics2D b = filled.createGraphics();
    for (Graphics2D g : new Graphics2D[] {a, b}) {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.translate(7, 3);
    }
    SplittableRandom r = new SplittableRandom(4);
    for (int i = 0; i < 300; i++) {
      // On the quarter-pixel grid the stamp is placed exactly; elsewhere it moves by at most 1/8 px.
      double x = 5 + r.nextInt(720) / 4.0;
      double y = 5 + r.nextInt(520) / 4.0;
      Color c = Charts.color(i % 5);
      a.setColor(c);
      b.setColor(c);
      new Charts.Dot().paint(a, x, y, 6);
      b.fill(new Ellipse2D.Double(x - 3, y - 3, 6, 6));
    }
    a.dispose();
    b.dispose();
    // The same pixels up to the rounding of blending a stamp instead of the shape.
    long total = 0;
    int differ = 0;
    for (int y = 0; y < 150; y++) {
      for (int x = 0; x < 200; x++) {
        int p = stamped.getRGB(x, y);
        int q = filled.getRGB(x, y);
        int d = Math.abs((p >> 16 & 255) - (q >> 16 & 255)) + Math.abs((p >> 8 & 255) - (q >> 8 & 255))
            + Math.abs((p & 255) - (q & 255));
        total += d;
        differ += d > 60 ? 1 : 0;
      }
    }
    assertThat(Images.count(stamped, Color.WHITE)).isLessThan(200 * 150);
    assertThat(differ).isLessThan(200 * 150 / 1000);
    assertThat(total / (200.0 * 150)).isLessThan(0.5);
  }
}

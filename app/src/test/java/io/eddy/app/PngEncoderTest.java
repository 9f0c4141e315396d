package io.eddy.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** PngEncoder's files decode, with ImageIO, to exactly the pixels encoded. */
class PngEncoderTest {

  @Test
  void encode_decodesToTheSamePixels() throws Exception {
    BufferedImage img = new BufferedImage(301, 97, BufferedImage.TYPE_INT_RGB);
    SplittableRandom r = new SplittableRandom(3);
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        img.setRGB(x, y, x < 150 ? r.nextInt(1 << 24) : (x * 7 + y * 131) & 0xFFFFFF);
      }
    }
    check(img);
  }

  @Test
  void encode_convertsOtherImageTypes() throws Exception {
    BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(0x4E79A7));
    g.fillRect(5, 5, 20, 10);
    g.dispose();
    check(img);
  }

  private static void check(BufferedImage img) throws Exception {
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(img)));
    assertThat(back.getWidth()).isEqualTo(img.getWidth());
    assertThat(back.getHeight()).isEqualTo(img.getHeight());
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        assertThat(back.getRGB(x, y) & 0xFFFFFF).as("(%d, %d)", x, y).isEqualTo(img.getRGB(x, y) & 0xFFFFFF);
      }
    }
  }
}

package io.eddy.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Checks on rendered charts, as images. */
final class Images {

  private Images() {}

  /** Reads a PNG and checks its size and that it is not blank (many non-white pixels, several colours). */
  static BufferedImage check(Path png, int width, int height) throws IOException {
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img).as(png + " is a PNG").isNotNull();
    if (width > 0) {
      assertThat(img.getWidth()).as(png + " width").isEqualTo(width);
      assertThat(img.getHeight()).as(png + " height").isEqualTo(height);
    }
    int ink = 0;
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        if (rgb != 0xffffff) {
          ink++;
        }
      }
    }
    assertThat(ink).as(png + " has drawn pixels").isGreaterThan(img.getWidth() * img.getHeight() / 400);
    assertThat(colours.size()).as(png + " has text and marks, not one flat colour").isGreaterThan(8);
    return img;
  }

  /** The number of pixels of exactly this colour. */
  static int count(BufferedImage img, Color c) {
    int target = c.getRGB() & 0xffffff;
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xffffff) == target) {
          n++;
        }
      }
    }
    return n;
  }
}

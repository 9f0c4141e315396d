package io.eddy.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ChartsAxisTest {

  @Test
  void streamAxis_breaksTheEqualSpacingWithAHiddenPointAndSpacesLongLabels() {
    double[] x = new double[50];
    for (int i = 0; i < x.length; i++) {
      x[i] = 1_767_225_600 + 3_700.0 * (i + 1);
    }
    XYChart c = new XYChart(900, 600);
    c.addSeries("segments", x, new double[x.length]);
    Charts.streamAxis(c, x, 0);
    List<XYSeries> all = List.copyOf(c.getSeriesCollection());
    assertThat(all).hasSize(2);
    XYSeries hidden = all.get(1);
    assertThat(hidden.isShowInLegend()).isFalse();
    assertThat(hidden.getXData()).hasSize(1);
    // Off the checkpoints' grid, inside the drawn range.
    assertThat(hidden.getXData()[0]).isStrictlyBetween(x[0], x[1]);
    // "-1,767,410,600" is 14 characters: the ticks are at least 14 + 4 characters apart.
    assertThat(c.getStyler().getXAxisTickMarkSpacingHint()).isGreaterThanOrEqualTo(8 * 18);
  }

  /**
   * The rows of y tick labels on a rendered chart: bands of dark pixels in the margin between the
   * y axis title and the plot's frame.
   */
  static List<int[]> yLabelBands(java.awt.image.BufferedImage img) {
    // The frame: the first column from the left whose pixels are not white for most of the height.
    int frame = -1;
    for (int x = 30; x < img.getWidth() / 2 && frame < 0; x++) {
      int drawn = 0;
      for (int y = 0; y < img.getHeight(); y++) {
        drawn += (img.getRGB(x, y) & 0xffffff) != 0xffffff ? 1 : 0;
      }
      if (drawn > img.getHeight() * 0.7) {
        frame = x;
      }
    }
    assertThat(frame).as("plot frame found").isPositive();
    List<int[]> bands = new java.util.ArrayList<>();
    int start = -1;
    for (int y = 0; y < img.getHeight(); y++) {
      boolean ink = false;
      for (int x = 26; x < frame - 6 && !ink; x++) {
        int rgb = img.getRGB(x, y);
        ink = ((rgb >> 16) & 0xff) < 100 && ((rgb >> 8) & 0xff) < 100 && (rgb & 0xff) < 100;
      }
      if (ink && start < 0) {
        start = y;
      } else if (!ink && start >= 0) {
        bands.add(new int[] {start, y});
        start = -1;
      }
    }
    return bands;
  }

  @Test
  void segmentsOverTime_hasSeveralEvenlySpacedIntegerTicksEvenForAConstantCount() throws Exception {
    double[] x = new double[40];
    for (int i = 0; i < x.length; i++) {
      x[i] = 100.0 * (i + 1);
    }
    for (int k : new int[] {1, 5, 12}) {
      double[] count = new double[x.length];
      java.util.Arrays.fill(count, k);
      Charts.Image image = Charts.countWithEvents("t", "rows seen", x, count, new double[] {x[0]},
          new double[] {k}, new double[0], new double[0]);
      java.nio.file.Path png = java.nio.file.Files.createTempFile("segments", ".png");
      try {
        Charts.save(image, png);
        List<int[]> bands = yLabelBands(Images.check(png, Charts.WIDTH, Charts.HEIGHT));
        // It read 0 and k only: now 0 to above k, one label per step.
        assertThat(bands).as("k = " + k).hasSizeGreaterThanOrEqualTo(5);
        int step = bands.get(1)[0] - bands.get(0)[0];
        for (int i = 2; i < bands.size(); i++) {
          assertThat(bands.get(i)[0] - bands.get(i - 1)[0]).as("k = " + k).isBetween(step - 2, step + 2);
        }
      } finally {
        java.nio.file.Files.deleteIfExists(png);
      }
    }
  }
}

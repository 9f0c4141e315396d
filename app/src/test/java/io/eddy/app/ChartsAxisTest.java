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
}

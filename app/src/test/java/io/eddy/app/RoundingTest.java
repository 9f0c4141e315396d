package io.eddy.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoundingTest {

  @Test
  void round_keepsSixSignificantDigitsAtEveryScale() {
    assertThat(Segmentation.round(0.123456789)).isEqualTo(0.123457);
    assertThat(Segmentation.round(-98765.4321)).isEqualTo(-98765.4);
    assertThat(Segmentation.round(123456789.0)).isEqualTo(123457000.0);
    assertThat(Segmentation.round(1.0000004e-7)).isEqualTo(1e-7);
    assertThat(Segmentation.round(0)).isZero();
    assertThat(Segmentation.round(Double.NaN)).isNaN();
    assertThat(Segmentation.round(Double.POSITIVE_INFINITY)).isInfinite();
    // Beyond the table of powers the value is kept as it is rather than rounded wrongly.
    assertThat(Segmentation.round(1.23456789e-40)).isEqualTo(1.23456789e-40);
  }
}

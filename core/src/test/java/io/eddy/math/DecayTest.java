package io.eddy.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DecayTest {

  @Test
  public void factor_isPowerOfTwo() {
    assertThat(Decay.factor(0.5, 0)).isEqualTo(1.0);
    assertThat(Decay.factor(0.5, 2)).isEqualTo(0.5);
    assertThat(Decay.factor(1, 3)).isEqualTo(0.125);
  }

  @Test
  public void factor_hugeGap_isZeroNotNaN() {
    assertThat(Decay.factor(0.25, 1e308)).isZero();
    assertThat(Decay.factor(10, Double.MAX_VALUE)).isZero();
    assertThat(Decay.factor(1e-300, 1e-300)).isEqualTo(1.0);
  }

  @Test
  public void complement_tinyExponent_keepsPrecision() {
    double c = Decay.complement(1e-12, 1);
    assertThat(c).isCloseTo(1e-12 * Math.log(2), within(1e-24));
    assertThat(Decay.complement(1, 2)).isCloseTo(0.75, within(1e-15));
    assertThat(Decay.complement(1, 1e308)).isEqualTo(1.0);
  }
}

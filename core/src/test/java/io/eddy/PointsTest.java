package io.eddy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PointsTest {

  @Test
  public void require_messagesSayWhatWasExpectedAndWhatCame() {
    assertThatThrownBy(() -> Points.require(new double[] {1, 2}, 3))
        .hasMessage("point has dimension 2, expected 3");
    assertThatThrownBy(() -> Points.require(new double[] {1, Double.NaN}, 2))
        .hasMessage("point has NaN at index 1, expected a finite value");
    assertThatThrownBy(() -> Points.require(new double[0], 0))
        .hasMessage("point has dimension 0, expected at least 1");
    assertThatThrownBy(() -> Points.require(null, 0)).hasMessage("point is null");
    assertThatCode(() -> Points.require(new double[] {1, 2}, 0)).doesNotThrowAnyException();
  }

  @Test
  public void requireData_namesTheRow() {
    assertThatThrownBy(() -> Points.requireData(new double[][] {{1, 2}, {1}}))
        .hasMessage("row 1: point has dimension 1, expected 2");
    assertThatThrownBy(() -> Points.requireData(new double[0][]))
        .hasMessage("data has 0 points, expected at least 1");
  }

  @Test
  public void requireWeights_rejectsNegativeNaNAndZeroSum() {
    assertThatThrownBy(() -> Points.requireWeights(new double[] {1, -1}, 2)).hasMessageContaining("weight 1 is -1.0");
    assertThatThrownBy(() -> Points.requireWeights(new double[] {0, 0}, 2)).hasMessageContaining("sum to 0");
    assertThatThrownBy(() -> Points.requireWeights(new double[] {1}, 2)).hasMessageContaining("one per point (2)");
    assertThatThrownBy(() -> Points.requireWeight(Double.NaN)).hasMessageContaining("weight is NaN");
    assertThatCode(() -> Points.requireWeights(new double[] {0, 2}, 2)).doesNotThrowAnyException();
  }
}

package io.eddy.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandardScalerConstantTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(doubles = {1e100, -1e100, 1e-300, 0.1, 3.0, 7e15, -7.3e99})
  void fit_constantFeature_transformsToExactlyZeroAndBack(double value) {
    for (int n : new int[] {1, 2, 3, 7, 10, 100, 1001}) {
      double[][] data = new double[n][];
      for (int i = 0; i < n; i++) {
        // A second, varying feature shows the constant one is handled on its own.
        data[i] = new double[] {value, i};
      }
      StandardScaler s = StandardScaler.fit(StandardScaler.Params.DEFAULTS, data, List.of("c", "i"));
      assertThat(s.mean()[0]).as("mean of %d values of %s", n, value).isEqualTo(value);
      assertThat(s.scale()[0]).isEqualTo(1.0);
      double[] out = new double[2];
      s.transform(new double[] {value, 0}, out);
      assertThat(out[0]).as("transform of %s after %d values", value, n).isEqualTo(0.0);
      double[] back = new double[2];
      s.inverseTransform(out, back);
      assertThat(back[0]).isEqualTo(value);
    }
  }
}

package io.eddy.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import org.junit.jupiter.api.Test;

class CentroidsTest {

  private final Centroids model = new Centroids(new double[] {0, 0, 10, 0, 0, 10}, 2, new double[] {5, 3, 0});

  @Test
  public void predict_nearestCenter_andAccessorsCopy() {
    assertThat(model.clusterCount()).isEqualTo(3);
    assertThat(model.labels()).containsExactly(0, 1, 2);
    assertThat(model.predict(new double[] {9, 1})).isEqualTo(1);
    assertThat(model.predict(new double[][] {{0, 1}, {1, 9}})).containsExactly(0, 2);
    double[] c = model.center(1);
    c[0] = 99;
    assertThat(model.center(1)).containsExactly(10, 0);
    assertThat(model.weight(0)).isEqualTo(5);
    assertThat(model.centers()).hasDimensions(3, 2);
    double[] out = new double[3];
    model.squaredDistances(new double[] {0, 0}, out);
    assertThat(out).containsExactly(0, 100, 100);
    assertThatThrownBy(() -> model.center(3)).hasMessageContaining("label 3 is not in [0, 3)");
  }

  @Test
  public void constructor_rejectsBadShapesAndValues() {
    assertThatThrownBy(() -> new Centroids(new double[] {1, 2, 3}, 2, new double[] {1})).hasMessageContaining("multiple");
    assertThatThrownBy(() -> new Centroids(new double[] {1, 2}, 2, new double[] {1, 1})).hasMessageContaining("weights");
    assertThatThrownBy(() -> new Centroids(new double[] {1, Double.NaN}, 2, new double[] {1})).hasMessageContaining("NaN");
    assertThatThrownBy(() -> new Centroids(new double[] {1, 2}, 2, new double[] {-1})).hasMessageContaining("weight 0");
  }

  @Test
  public void modelIO_roundTripAndErrors() throws ModelFormatException {
    byte[] bytes = ModelIO.toBytes(model);
    assertThat(ModelIO.fromBytes(bytes, Centroids.class)).isEqualTo(model);
    byte[] badMagic = bytes.clone();
    badMagic[0] = 'X';
    assertThatThrownBy(() -> ModelIO.fromBytes(badMagic, Centroids.class)).hasMessageContaining("bad magic");
    byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> ModelIO.fromBytes(longer, Centroids.class)).hasMessageContaining("1 bytes follow");
    assertThatThrownBy(() -> ModelIO.toBytes("not a model")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no codec is registered for java.lang.String");
  }
}

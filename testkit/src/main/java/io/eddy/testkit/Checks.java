package io.eddy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.Capability;
import io.eddy.ClusterModel;
import io.eddy.ClustererProvider;
import io.eddy.Clusterers;
import io.eddy.Parameter;
import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Assertions shared by the online and batch contracts. */
final class Checks {

  private Checks() {}

  /** The points that every validating method must reject for a dimension-d clusterer. */
  static List<double[]> invalidPoints(int d) {
    List<double[]> bad = new ArrayList<>();
    bad.add(null);
    bad.add(new double[0]);
    bad.add(new double[d + 1]);
    if (d > 1) {
      bad.add(new double[d - 1]);
    }
    for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      double[] p = new double[d];
      p[d - 1] = v;
      bad.add(p);
    }
    return bad;
  }

  static byte[] bytes(Object o) {
    return ModelIO.toBytes(o);
  }

  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T o) {
    try {
      return (T) ModelIO.fromBytes(ModelIO.toBytes(o), o.getClass());
    } catch (ModelFormatException e) {
      throw new AssertionError("round trip of " + o.getClass().getName() + " failed", e);
    }
  }

  static void assertRejects(String what, Consumer<double[]> call, double[] bad) {
    assertThatThrownBy(() -> call.accept(bad))
        .as(what + " of " + describe(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("null pointer");
  }

  static String describe(double[] p) {
    return p == null ? "null" : Arrays.toString(p);
  }

  /** Labels are distinct, sorted, counted by clusterCount, and predictions lie among them. */
  static void assertLabelsConsistent(ClusterModel model, double[][] points, boolean mayBeNoise) {
    int[] labels = model.labels();
    assertThat(labels).as("labels()").hasSize(model.clusterCount()).isSorted().doesNotHaveDuplicates();
    assertThat(labels).as("labels() must not contain NOISE").doesNotContain(ClusterModel.NOISE);
    int[] predicted = model.predict(points);
    for (int i = 0; i < points.length; i++) {
      int l = predicted[i];
      if (l == ClusterModel.NOISE) {
        assertThat(mayBeNoise).as("NOISE predicted by a model without the NOISE capability").isTrue();
      } else {
        assertThat(labels).as("predicted label of point " + i).contains(l);
      }
    }
  }

  static void assertProviderComplete(String name, Class<?> expectedOnline, Class<?> expectedBatch) {
    assertThat(Clusterers.names()).as("registered names").contains(name);
    ClustererProvider p = Clusterers.provider(name);
    assertThat(p.name()).isEqualTo(name).matches("[a-z0-9][a-z0-9+-]*");
    assertThat(p.description()).as("description of " + name).isNotBlank();
    assertThat(p.capabilities()).as("capabilities of " + name).isNotEmpty();
    for (Parameter param : p.parameters()) {
      assertThat(param.name()).isNotBlank();
      assertThat(param.doc()).as("doc of " + param.name()).isNotBlank();
      assertThat(param.range()).as("range of " + param.name()).isNotBlank();
      assertThat(param.defaultValue()).as("default of " + param.name()).isNotNull();
      assertThat(param.coerce(param.defaultValue())).as("default of " + param.name() + " is valid")
          .isEqualTo(param.defaultValue());
    }
    if (expectedOnline != null) {
      assertThat(p.capabilities()).contains(Capability.ONLINE);
      assertThat(Clusterers.online(name, Map.of())).isInstanceOf(expectedOnline);
      assertThat(ModelIO.canWrite(expectedOnline)).as("a codec for " + expectedOnline.getName()).isTrue();
      assertThatThrownBy(() -> Clusterers.online(name, Map.of("noSuchParameter", 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("noSuchParameter");
    }
    if (expectedBatch != null) {
      assertThat(p.capabilities()).contains(Capability.BATCH);
      assertThat(Clusterers.batch(name, Map.of())).isInstanceOf(expectedBatch);
      assertThatThrownBy(() -> Clusterers.batch(name, Map.of("noSuchParameter", 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("noSuchParameter");
    }
  }

  /** The model implements the model type of every capability its provider declares. */
  static void assertDeclaredModelTypes(String name, ClusterModel model) {
    for (Capability c : Clusterers.provider(name).capabilities()) {
      if (c.modelType() != null) {
        assertThat(model).as("a model of '" + name + "', which declares " + c).isInstanceOf(c.modelType());
      }
    }
  }
}

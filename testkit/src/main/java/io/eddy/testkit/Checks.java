package io.eddy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.Capability;
import io.eddy.ClusterModel;
import io.eddy.ClustererProvider;
import io.eddy.Clusterers;
import io.eddy.OnlineClusterer;
import io.eddy.Parameter;
import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

  /**
   * Candidate non-default values of a parameter, in order of preference; each is valid for the
   * parameter alone, though a clusterer may still reject it with its other parameters.
   */
  static List<Object> alternatives(Parameter p) {
    Object d = p.defaultValue();
    List<Object> out = new ArrayList<>();
    switch (p.type()) {
      case INT: {
        int v = (Integer) d;
        for (long c : new long[] {v + 1L, v - 1L, 2L * v, v + 10L}) {
          out.add(c);
        }
        break;
      }
      case LONG:
        out.add((Long) d + 1);
        out.add((Long) d - 1);
        break;
      case DOUBLE: {
        double v = (Double) d;
        for (double c : new double[] {v * 1.5, v * 0.5, v + 1, v - 1, 0.5, 1, 2, 0.25}) {
          out.add(c);
        }
        break;
      }
      case BOOLEAN:
        out.add(!(Boolean) d);
        break;
      case CHOICE:
        out.addAll(p.choices());
        break;
      default:
        out.addAll(List.of("0.5", "0.25", "1", "2", "10", "auto", "none"));
    }
    List<Object> valid = new ArrayList<>();
    for (Object c : out) {
      try {
        Object coerced = p.coerce(c);
        if (!coerced.equals(d) && !valid.contains(coerced)) {
          valid.add(coerced);
        }
      } catch (IllegalArgumentException e) {
        // not valid for this parameter: try the next
      }
    }
    return valid;
  }

  /**
   * Checks that the registry maps every declared parameter of {@code name} to the right field:
   * built with one parameter at a valid non-default value and the others at their defaults,
   * the clusterer reports exactly that configuration, and (online) so does its {@link ModelIO}
   * copy. A provider that sends a value to the wrong field, or a codec that restores it into
   * the wrong one, fails here.
   */
  static void assertParametersMapped(String name, boolean online) {
    ClustererProvider provider = Clusterers.provider(name);
    Map<String, Object> defaults = new LinkedHashMap<>();
    for (Parameter p : provider.parameters()) {
      defaults.put(p.name(), p.defaultValue());
    }
    Map<String, Object> reported = configuration(name, online, Map.of());
    assertThat(reported).as("configuration() of '%s' at its defaults (implement it so the registry"
        + " mapping can be checked; ParamSpec gives it as SPEC.toMap(params))", name).isEqualTo(defaults);
    int varied = 0;
    for (Parameter p : provider.parameters()) {
      for (Object value : alternatives(p)) {
        Map<String, Object> given = Map.of(p.name(), value);
        Map<String, Object> got;
        try {
          got = configuration(name, online, given);
        } catch (IllegalArgumentException rejectedWithTheOthers) {
          continue;
        }
        Map<String, Object> expected = new LinkedHashMap<>(defaults);
        expected.put(p.name(), value);
        assertThat(got).as("'%s' built with %s=%s reports", name, p.name(), value).isEqualTo(expected);
        varied++;
        break;
      }
    }
    assertThat(varied).as("parameters of '%s' that could be set to a non-default value", name)
        .isGreaterThanOrEqualTo(Math.min(1, provider.parameters().size()));
  }

  private static Map<String, Object> configuration(String name, boolean online, Map<String, Object> given) {
    if (!online) {
      return Clusterers.batch(name, given).configuration();
    }
    OnlineClusterer<?> c = Clusterers.online(name, given);
    OnlineClusterer<?> copy;
    try {
      copy = (OnlineClusterer<?>) ModelIO.fromBytes(ModelIO.toBytes(c), c.getClass());
    } catch (ModelFormatException e) {
      throw new AssertionError("'" + name + "' with " + given + " does not read back: " + e.getMessage(), e);
    }
    assertThat(copy.configuration()).as("configuration of '%s' with %s after a ModelIO round trip", name, given)
        .isEqualTo(c.configuration());
    return c.configuration();
  }
}

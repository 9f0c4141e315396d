package io.eddy.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.ParamSpec;
import io.eddy.Parameter;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class ParamSpecTest {

  /** An enum parameter's values; ids deliberately not the constants' names or order. */
  public enum Shape implements Parameter.Choice {
    ROUND("round"), SQUARE("square");

    private final String id;

    Shape(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }
  }

  /** A record declared the way every Eddy configuration is. */
  public record Conf(int k, double radius, Shape shape, boolean fast, long seed) {
    static final Parameter K = Parameter.ofInt("k", 3, 1, 100, "clusters");
    static final Parameter RADIUS = Parameter.ofDouble("radius", 0.5, 0, false, 10, true, "radius");
    static final Parameter SHAPE = Parameter.ofEnum("shape", Shape.class, Shape.SQUARE, "shape");
    static final Parameter FAST = Parameter.ofBoolean("fast", false, "fast");
    static final Parameter SEED = Parameter.ofLong("seed", Parameter.DEFAULT_SEED, "seed");
    static final ParamSpec<Conf> SPEC = ParamSpec.of(Conf.class, SEED, K, RADIUS, SHAPE, FAST);
    static final Conf DEFAULTS = SPEC.defaults();

    public Conf {
      K.check(k);
      RADIUS.check(radius);
      SHAPE.check(shape);
      if (fast && k > 50) {
        throw new IllegalArgumentException("fast needs k <= 50, got " + k);
      }
    }
  }

  /** A record whose declarations do not match its components. */
  public record Missing(int k, double radius) {}

  @Test
  public void defaults_comeFromTheDeclarations() {
    assertThat(Conf.DEFAULTS).isEqualTo(new Conf(3, 0.5, Shape.SQUARE, false, 42L));
    assertThat(Conf.SPEC.parameters()).extracting(Parameter::name)
        .containsExactly("k", "radius", "shape", "fast", "seed");
    assertThat(Conf.SPEC.parameters().get(2).choices()).containsExactly("round", "square");
    assertThat(Conf.SPEC.parameters().get(2).defaultValue()).isEqualTo("square");
  }

  @Test
  public void from_mapsByNameAndValidates() {
    Conf c = Conf.SPEC.from(Map.of("radius", "2.5", "shape", "round", "k", 7L));
    assertThat(c).isEqualTo(new Conf(7, 2.5, Shape.ROUND, false, 42L));
    assertThat(Conf.SPEC.from(Map.of("shape", Shape.ROUND)).shape()).isEqualTo(Shape.ROUND);
    assertThatThrownBy(() -> Conf.SPEC.from(Map.of("K", 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown parameter 'K'").hasMessageContaining("k [1, 100]");
    assertThatThrownBy(() -> Conf.SPEC.from(Map.of("radius", 0))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("radius must be a double in (0, 10], got 0");
    assertThatThrownBy(() -> Conf.SPEC.from((Map<String, ?>) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("k", null);
    assertThatThrownBy(() -> Conf.SPEC.from(withNull))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'k' is null");
    assertThatThrownBy(() -> Conf.SPEC.from(Map.of("fast", true, "k", 60)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fast needs k <= 50");
  }

  @Test
  public void toMap_isTheInverseOfFrom() {
    Conf c = new Conf(9, 1.25, Shape.ROUND, true, -5L);
    Map<String, Object> m = Conf.SPEC.toMap(c);
    assertThat(m).containsExactly(Map.entry("k", 9), Map.entry("radius", 1.25),
        Map.entry("shape", "round"), Map.entry("fast", true), Map.entry("seed", -5L));
    assertThat(Conf.SPEC.from(m)).isEqualTo(c);
  }

  @Test
  public void with_changesOneValueAndValidates() {
    Conf c = Conf.SPEC.with(Conf.DEFAULTS, Conf.K, 11);
    assertThat(c).isEqualTo(new Conf(11, 0.5, Shape.SQUARE, false, 42L));
    assertThatThrownBy(() -> Conf.SPEC.with(Conf.DEFAULTS, Conf.K, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter k");
    Parameter foreign = Parameter.ofInt("k", 3, 1, 100, "clusters");
    assertThatThrownBy(() -> Conf.SPEC.with(Conf.DEFAULTS, foreign, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Conf.SPEC.with(Conf.DEFAULTS, Conf.K, "five"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void of_rejectsDeclarationsThatDoNotMatchTheRecord() {
    Parameter k = Parameter.ofInt("k", 3, 1, 100, "clusters");
    Parameter radius = Parameter.ofDouble("radius", 0.5, 0, false, 10, true, "radius");
    assertThatThrownBy(() -> ParamSpec.of(Missing.class, k))
        .hasMessageContaining("component 'radius' has no declaration");
    assertThatThrownBy(() -> ParamSpec.of(Missing.class, k, radius, Parameter.ofBoolean("x", true, "x")))
        .hasMessageContaining("[x]");
    assertThatThrownBy(() -> ParamSpec.of(Missing.class, k, Parameter.ofInt("radius", 1, 0, 2, "r")))
        .hasMessageContaining("'radius' is a double");
  }

  private static byte[] payload(Conf c) throws IOException {
    StateOutput out = new StateOutput();
    Conf.SPEC.write(c, out);
    return out.toByteArray();
  }

  @Test
  public void readWrite_roundTripsEveryType() throws IOException {
    Conf c = new Conf(9, 1.25, Shape.ROUND, true, Long.MIN_VALUE);
    assertThat(Conf.SPEC.read(new StateInput(payload(c)))).isEqualTo(c);
    // doubles read back bit for bit through their text
    for (double r : new double[] {Math.nextUp(0.0), 0.1, 1 / 3.0, Math.nextDown(10.0)}) {
      Conf d = Conf.SPEC.with(Conf.DEFAULTS, Conf.RADIUS, r);
      assertThat(Double.doubleToRawLongBits(Conf.SPEC.read(new StateInput(payload(d))).radius()))
          .isEqualTo(Double.doubleToRawLongBits(r));
    }
  }

  @Test
  public void read_takesDefaultsForWhatAnOlderWriterDidNotKnow() throws IOException {
    StateOutput out = new StateOutput();
    out.writeInt(1);
    out.writeString("k");
    out.writeString("INT");
    out.writeString("4");
    assertThat(Conf.SPEC.read(new StateInput(out.toByteArray()))).isEqualTo(new Conf(4, 0.5, Shape.SQUARE, false, 42L));
  }

  @Test
  public void read_rejectsUnknownNamesWrongTypesAndInvalidValues() throws IOException {
    for (List<String> entry : List.of(List.of("colour", "INT", "3"), List.of("k", "LONG", "3"),
        List.of("k", "INT", "0"), List.of("k", "INT", "three"), List.of("shape", "CHOICE", "hexagon"),
        List.of("radius", "DOUBLE", "NaN"))) {
      StateOutput out = new StateOutput();
      out.writeInt(1);
      for (String part : entry) {
        out.writeString(part);
      }
      assertThatThrownBy(() -> Conf.SPEC.read(new StateInput(out.toByteArray())))
          .as("%s", entry).isInstanceOf(ModelFormatException.class);
    }
    StateOutput twice = new StateOutput();
    twice.writeInt(2);
    for (int i = 0; i < 2; i++) {
      twice.writeString("k");
      twice.writeString("INT");
      twice.writeString("4");
    }
    assertThatThrownBy(() -> Conf.SPEC.read(new StateInput(twice.toByteArray())))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("twice");
    StateOutput huge = new StateOutput();
    huge.writeInt(Integer.MAX_VALUE);
    assertThatThrownBy(() -> Conf.SPEC.read(new StateInput(huge.toByteArray())))
        .isInstanceOf(ModelFormatException.class);
  }
}

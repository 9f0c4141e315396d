package io.eddy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterTest {

  @Test
  public void coerce_int_acceptsExactNumbersAndStrings() {
    Parameter k = Parameter.ofInt("k", 8, 1, 100, "clusters");
    assertThat(k.coerce(5)).isEqualTo(5);
    assertThat(k.coerce(5L)).isEqualTo(5);
    assertThat(k.coerce(5.0)).isEqualTo(5);
    assertThat(k.coerce(" 7 ")).isEqualTo(7);
    assertThatThrownBy(() -> k.coerce(5.5)).hasMessage("parameter k must be an int in [1, 100], got 5.5");
    assertThatThrownBy(() -> k.coerce(0)).hasMessage("parameter k must be an int in [1, 100], got 0");
    assertThatThrownBy(() -> k.coerce("many")).hasMessage("parameter k must be an int in [1, 100], got 'many'");
    assertThatThrownBy(() -> k.coerce(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> k.coerce(1e12)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void coerce_double_respectsOpenAndClosedEnds() {
    Parameter rate = Parameter.ofDouble("rate", 0.5, 0, false, 1, true, "step");
    assertThat(rate.range()).isEqualTo("(0, 1]");
    assertThat(rate.coerce(1)).isEqualTo(1.0);
    assertThat(rate.coerce("0.25")).isEqualTo(0.25);
    assertThatThrownBy(() -> rate.coerce(0)).hasMessageContaining("(0, 1]");
    assertThatThrownBy(() -> rate.coerce(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    Parameter eps = Parameter.ofDouble("eps", 1, 0, false, Double.POSITIVE_INFINITY, false, "radius");
    assertThat(eps.range()).isEqualTo("(0, inf)");
    assertThatThrownBy(() -> eps.coerce(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void coerce_choiceBooleanLongText() {
    Parameter init = Parameter.ofChoice("init", "a", List.of("a", "b"), "how");
    assertThat(init.coerce("b")).isEqualTo("b");
    assertThatThrownBy(() -> init.coerce("c")).hasMessageContaining("one of [a, b]").hasMessageContaining("'c'");
    assertThatThrownBy(() -> Parameter.ofChoice("init", "z", List.of("a"), "how"))
        .isInstanceOf(IllegalArgumentException.class);
    Parameter flag = Parameter.ofBoolean("flag", true, "on");
    assertThat(flag.coerce("false")).isEqualTo(false);
    assertThatThrownBy(() -> flag.coerce("yes")).isInstanceOf(IllegalArgumentException.class);
    Parameter seed = Parameter.ofLong("seed", 42L, "seed");
    assertThat(seed.coerce(7)).isEqualTo(7L);
    Parameter text = Parameter.ofText("mode", "x", "'x' or 'y'", s -> {
      if (!s.equals("x") && !s.equals("y")) {
        throw new IllegalArgumentException(s);
      }
      return s;
    }, String::valueOf, "mode");
    assertThat(text.coerce("y")).isEqualTo("y");
    assertThatThrownBy(() -> text.coerce("z")).hasMessageContaining("'x' or 'y'");
  }

  private static final class Fake implements ClustererProvider {
    @Override
    public String name() {
      return "fake";
    }

    @Override
    public String description() {
      return "a fake";
    }

    @Override
    public List<Parameter> parameters() {
      return List.of(Parameter.ofInt("k", 3, 1, 10, "clusters"), Parameter.ofLong("seed", 1L, "seed"));
    }

    @Override
    public Set<Capability> capabilities() {
      return Set.of(Capability.BATCH);
    }
  }

  @Test
  public void resolve_fillsDefaultsAndRejectsUnknownNames() {
    Parameters p = Parameters.resolve(new Fake(), Map.of("k", 5));
    assertThat(p.getInt("k")).isEqualTo(5);
    assertThat(p.getLong("seed")).isEqualTo(1L);
    assertThat(p.asMap()).containsOnlyKeys("k", "seed");
    assertThatThrownBy(() -> Parameters.resolve(new Fake(), Map.of("K", 5)))
        .hasMessage("unknown parameter 'K' for clusterer 'fake'; valid parameters: k [1, 10], seed any long");
    assertThatThrownBy(() -> Parameters.resolve(new Fake(), Map.of("k", 11)))
        .hasMessage("fake: parameter k must be an int in [1, 10], got 11");
    assertThatThrownBy(() -> new Fake().newOnline(p)).isInstanceOf(UnsupportedOperationException.class);
  }
}

package io.eddy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonasTest {

  @Test
  void label_dropsUnitsAndUnderscores() {
    assertThat(Personas.label("Annual Income (k$)")).isEqualTo("annual income");
    assertThat(Personas.label("recency_days")).isEqualTo("recency days");
    assertThat(Personas.label("(x)")).isEqualTo("(x)");
  }

  @Test
  void level_hasSymmetricThresholds() {
    assertThat(List.of(Personas.level(2), Personas.level(0.6), Personas.level(0.1), Personas.level(-0.6),
        Personas.level(-1.3))).containsExactly("very high", "high", "average", "low", "very low");
  }

  @Test
  void unique_numbersRepeatsOnly() {
    Map<Integer, String> m = new LinkedHashMap<>();
    m.put(0, "a");
    m.put(3, "b");
    m.put(5, "a");
    assertThat(Personas.unique(m)).containsExactly(Map.entry(0, "a"), Map.entry(3, "b"), Map.entry(5, "a (2)"));
  }

  @Test
  void standardRfmMap_coversEveryCellWithTheUsualNames() {
    String[][] expected = {
      // F = 1..5 for R = 1
      {"lost", "lost", "at risk", "at risk", "can't lose them"},
      {"hibernating", "hibernating", "at risk", "at risk", "can't lose them"},
      {"about to sleep", "about to sleep", "need attention", "loyal customers", "loyal customers"},
      {"promising", "potential loyalists", "potential loyalists", "loyal customers", "loyal customers"},
      {"new customers", "potential loyalists", "potential loyalists", "champions", "champions"},
    };
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        assertThat(RfmSegmentMap.STANDARD.name(r, f)).as("R%d F%d", r, f).isEqualTo(expected[r - 1][f - 1]);
      }
    }
  }

  @Test
  void mapFiles_areParsedAndBadOnesRefused() {
    RfmSegmentMap m = RfmSegmentMap.parse(List.of("# c", "top = 5.", "", "else = .*"), "t");
    assertThat(m.name(5, 1)).isEqualTo("top");
    assertThat(m.name(4, 5)).isEqualTo("else");
    assertThatThrownBy(() -> RfmSegmentMap.parse(List.of("no rule here"), "t")).hasMessageContaining("line 1");
    assertThatThrownBy(() -> RfmSegmentMap.parse(List.of("x = [1"), "t")).hasMessageContaining("bad pattern");
    assertThatThrownBy(() -> RfmSegmentMap.parse(List.of("# only"), "t")).hasMessageContaining("no rule");
  }
}

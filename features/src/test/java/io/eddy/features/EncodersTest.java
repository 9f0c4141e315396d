package io.eddy.features;

import static io.eddy.features.Fixtures.lines;
import static io.eddy.features.Fixtures.matrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.io.ModelIO;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodersTest {

  private static final List<String> FIT = lines("onehot_fit.txt");
  private static final List<String> TEST = lines("onehot_test.txt");

  private static double[][] encodeAll(CategoricalEncoder e, List<String> values) {
    double[][] out = new double[values.size()][e.outputDimension()];
    for (int i = 0; i < values.size(); i++) {
      e.encode(values.get(i), out[i], 0);
    }
    return out;
  }

  @Test
  void oneHot_rareFoldingMatchesScikitLearnInfrequent() {
    OneHotEncoder e = OneHotEncoder.fit(new OneHotEncoder.Params(0.1, OneHotEncoder.Unseen.OTHER), "color", FIT);
    List<String> expectedNames = lines("onehot_infrequent_names.txt").stream()
        .map(s -> s.replace("infrequent_sklearn", OneHotEncoder.OTHER)).toList();
    assertThat(e.outputNames()).isEqualTo(expectedNames);
    assertThat(e.foldedCategories()).containsExactly("cyan", "mauve", "ochre");
    assertThat(encodeAll(e, TEST)).isDeepEqualTo(matrix("onehot_infrequent_out"));
  }

  @Test
  void oneHot_unseenAsZerosMatchesScikitLearnIgnore() {
    OneHotEncoder e = OneHotEncoder.fit(OneHotEncoder.Params.DEFAULTS.withUnseen(OneHotEncoder.Unseen.ZEROS), "color", FIT);
    assertThat(e.outputNames()).isEqualTo(lines("onehot_plain_names.txt"));
    assertThat(encodeAll(e, TEST)).isDeepEqualTo(matrix("onehot_plain_out"));
  }

  @Test
  void oneHot_unseenErrorNamesTheCategory() {
    OneHotEncoder e = OneHotEncoder.fit("color", FIT);
    assertThatThrownBy(() -> e.encode("purple", new double[e.outputDimension()], 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'purple'").hasMessageContaining("'color'");
  }

  @Test
  void oneHot_otherColumnExistsUnderOtherPolicyWithoutRareCategories() {
    OneHotEncoder e = OneHotEncoder.fit(OneHotEncoder.Params.DEFAULTS.withUnseen(OneHotEncoder.Unseen.OTHER),
        "g", List.of("m", "f", "f"));
    assertThat(e.outputNames()).containsExactly("g_f", "g_m", "g_Other");
    double[] out = new double[5];
    e.encode(null, out, 2);
    assertThat(out).containsExactly(0, 0, 0, 0, 1);
  }

  @Test
  void oneHot_writesOnlyItsRange() {
    OneHotEncoder e = OneHotEncoder.fit("g", List.of("m", "f"));
    double[] out = {7, 7, 7, 7};
    e.encode("m", out, 1);
    assertThat(out).containsExactly(7, 0, 1, 7);
    assertThatThrownBy(() -> e.encode("m", out, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ordinal_followsExplicitOrder() {
    OrdinalEncoder e = new OrdinalEncoder("tier", OrdinalEncoder.Params.of(List.of("bronze", "silver", "gold")));
    double[] out = new double[1];
    e.encode("gold", out, 0);
    assertThat(out[0]).isEqualTo(2.0);
    e.encode("bronze", out, 0);
    assertThat(out[0]).isEqualTo(0.0);
    assertThatThrownBy(() -> e.encode("platinum", out, 0)).hasMessageContaining("'platinum'");
    OrdinalEncoder lenient = new OrdinalEncoder("tier", e.params().withUnseenAsNaN(true));
    lenient.encode("platinum", out, 0);
    assertThat(out[0]).isNaN();
  }

  @Test
  void codecs_roundTrip() throws Exception {
    OneHotEncoder e = OneHotEncoder.fit(new OneHotEncoder.Params(0.1, OneHotEncoder.Unseen.OTHER), "color", FIT);
    OneHotEncoder back = ModelIO.fromBytes(ModelIO.toBytes(e), OneHotEncoder.class);
    assertThat(encodeAll(back, TEST)).isDeepEqualTo(encodeAll(e, TEST));
    assertThat(back.outputNames()).isEqualTo(e.outputNames());
    OrdinalEncoder o = new OrdinalEncoder("tier", OrdinalEncoder.Params.of(List.of("a", "b")));
    assertThat(ModelIO.fromBytes(ModelIO.toBytes(o), OrdinalEncoder.class).params()).isEqualTo(o.params());
  }
}

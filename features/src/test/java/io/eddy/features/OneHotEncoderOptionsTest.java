package io.eddy.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.io.ModelIO;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OneHotEncoder's minFrequency, minCount, maxCategories and drop against scikit-learn 1.2.1
 * (src/test/python/onehot_options_fixture.py): column names, the encoding of every fitted and
 * one unseen category, the inverse of each one-hot row, of all zeros and of a blurred row,
 * and the fits scikit-learn refuses.
 */
class OneHotEncoderOptionsTest {

  @Test
  void fitEncodeInverse_matchScikitLearn() throws Exception {
    OneHotEncoder.Params params = null;
    OneHotEncoder enc = null;
    String caseLine = null;
    int checked = 0;
    int cases = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/features/onehot_options.txt"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(" ");
        String what = caseLine + " | " + line;
        switch (f[0]) {
          case "case" -> {
            caseLine = line;
            params = params(f);
            cases++;
          }
          case "fit" -> {
            List<String> values = Arrays.asList(f).subList(1, f.length);
            OneHotEncoder.Params p = params;
            String next = r.readLine();
            if (next.equals("names ERROR")) {
              assertThatThrownBy(() -> OneHotEncoder.fit(p, "x", values)).as(what)
                  .isInstanceOf(IllegalArgumentException.class);
              enc = null;
            } else {
              enc = OneHotEncoder.fit(p, "x", values);
              List<String> names = Arrays.asList(next.split(" ")).subList(1, next.split(" ").length);
              assertThat(enc.outputNames()).as(what).isEqualTo(names);
              enc = roundTrip(enc);
              assertThat(enc.outputNames()).as(what).isEqualTo(names);
            }
            checked++;
          }
          case "enc" -> {
            String category = f[1];
            OneHotEncoder e = enc;
            double[] out = new double[e.outputDimension()];
            if (f[3].equals("ERROR")) {
              assertThatThrownBy(() -> e.encode(category, out, 0)).as(what)
                  .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not seen in fitting");
            } else {
              e.encode(category, out, 0);
              assertThat(out).as(what).containsExactly(numbers(f, 3, f.length));
            }
            checked++;
          }
          case "inv", "quirk" -> {
            int arrow = Arrays.asList(f).indexOf("->");
            double[] in = numbers(f, 1, arrow);
            String expected = f[arrow + 1];
            OneHotEncoder e = enc;
            if (expected.equals("ERROR")) {
              assertThatThrownBy(() -> e.inverseTransform(in, 0)).as(what)
                  .isInstanceOf(IllegalArgumentException.class);
            } else {
              assertThat(e.inverseTransform(in, 0)).as(what).isEqualTo(expected.equals("None") ? null : expected);
            }
            checked++;
          }
          default -> throw new AssertionError("unknown fixture line: " + line);
        }
      }
    }
    assertThat(cases).isEqualTo(360);
    assertThat(checked).isEqualTo(3984); // every fixture line but the case headers and names
  }

  @Test
  void maxCategories_keepsTheMostFrequentAndFoldsTheRestLast() {
    // counts a 2, b 5, c 3, d 3, e 1: three columns keep b and the later of the tied c, d
    List<String> fit = List.of("b", "c", "a", "d", "b", "e", "c", "b", "d", "a", "b", "c", "d", "b");
    OneHotEncoder e = OneHotEncoder.fit(OneHotEncoder.Params.DEFAULTS.withMaxCategories(3), "x", fit);
    assertThat(e.categories()).containsExactly("b", "d");
    assertThat(e.foldedCategories()).containsExactly("a", "c", "e");
    assertThat(e.outputNames()).containsExactly("x_b", "x_d", "x_Other");
  }

  @Test
  void drop_rareCategory_isRejectedAndNamesIt() {
    List<String> fit = List.of("a", "a", "a", "b", "b", "c");
    OneHotEncoder.Params p = OneHotEncoder.Params.DEFAULTS.withMinCount(2)
        .withDrop(OneHotEncoder.Drop.category("c"));
    assertThatThrownBy(() -> OneHotEncoder.fit(p, "x", fit)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'c'").hasMessageContaining("rare");
    assertThatThrownBy(() -> OneHotEncoder.fit(p.withDrop(OneHotEncoder.Drop.category("q")), "x", fit))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not seen in fitting");
  }

  @Test
  void drop_unseenUnderZeros_decodesToTheDroppedCategory() {
    OneHotEncoder e = OneHotEncoder.fit(OneHotEncoder.Params.DEFAULTS.withUnseen(OneHotEncoder.Unseen.ZEROS)
        .withDrop(OneHotEncoder.Drop.FIRST), "g", List.of("m", "f", "x"));
    double[] out = new double[e.outputDimension()];
    e.encode("unknown", out, 0);
    assertThat(out).containsOnly(0);
    assertThat(e.droppedCategory()).isEqualTo("f");
    assertThat(e.inverseTransform(out, 0)).isEqualTo("f");
  }

  @Test
  void drop_singleCategory_leavesNoColumn() {
    OneHotEncoder e = OneHotEncoder.fit(OneHotEncoder.Params.DEFAULTS.withDrop(OneHotEncoder.Drop.FIRST),
        "g", List.of("m", "m"));
    assertThat(e.outputDimension()).isZero();
    assertThat(e.inverseTransform(new double[0], 0)).isEqualTo("m");
  }

  @Test
  void codec_readsAVersion1State() throws Exception {
    // Written by the version 1 codec (before maxCategories, minCount and drop existed): an
    // encoder fitted with minFrequency 0.2 and unseen categories to Other.
    byte[] v1;
    try (var in = getClass().getResourceAsStream("/features/onehot_v1.eddy")) {
      v1 = in.readAllBytes();
    }
    OneHotEncoder e = ModelIO.fromBytes(v1, OneHotEncoder.class);
    assertThat(e.params()).isEqualTo(new OneHotEncoder.Params(0.2, OneHotEncoder.Unseen.OTHER));
    assertThat(e.outputNames()).containsExactly("color_blue", "color_red", "color_Other");
    assertThat(e.foldedCategories()).containsExactly("green", "violet");
    assertThat(e.droppedCategory()).isNull();
  }

  @Test
  void params_rejectBadValues() {
    assertThatThrownBy(() -> OneHotEncoder.Params.DEFAULTS.withMaxCategories(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxCategories");
    assertThatThrownBy(() -> OneHotEncoder.Params.DEFAULTS.withMinCount(-2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minCount");
    assertThatThrownBy(() -> OneHotEncoder.Params.DEFAULTS.withDrop(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("drop");
    assertThatThrownBy(() -> new OneHotEncoder.Drop(OneHotEncoder.Drop.Kind.FIRST, "a"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CATEGORY");
  }

  private static OneHotEncoder.Params params(String[] f) {
    OneHotEncoder.Params p = OneHotEncoder.Params.DEFAULTS;
    for (int i = 2; i < f.length; i++) {
      String key = f[i].substring(0, f[i].indexOf('='));
      String v = f[i].substring(f[i].indexOf('=') + 1);
      p = switch (key) {
        case "minFrequency" -> p.withMinFrequency(Double.parseDouble(v));
        case "minCount" -> p.withMinCount(Integer.parseInt(v));
        case "maxCategories" -> p.withMaxCategories(Integer.parseInt(v));
        case "unseen" -> p.withUnseen(OneHotEncoder.Unseen.valueOf(v));
        case "drop" -> p.withDrop(v.startsWith("CATEGORY:") ? OneHotEncoder.Drop.category(v.substring(9))
            : new OneHotEncoder.Drop(OneHotEncoder.Drop.Kind.valueOf(v), null));
        default -> throw new AssertionError(key);
      };
    }
    return p;
  }

  private static double[] numbers(String[] f, int from, int to) {
    double[] v = new double[to - from];
    for (int i = from; i < to; i++) {
      v[i - from] = Double.parseDouble(f[i]);
    }
    return v;
  }

  private static OneHotEncoder roundTrip(OneHotEncoder e) throws Exception {
    OneHotEncoder back = ModelIO.fromBytes(ModelIO.toBytes(e), OneHotEncoder.class);
    assertThat(back.params()).isEqualTo(e.params());
    assertThat(back.droppedCategory()).isEqualTo(e.droppedCategory());
    return back;
  }
}

package io.eddy.features;

import static io.eddy.features.Fixtures.assertClose;
import static io.eddy.features.Fixtures.matrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.io.ModelIO;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScalersTest {

  private static final double REL = 1e-12;
  private static final double[][] FIT = matrix("scaler_fit");
  private static final double[][] TEST = matrix("scaler_test");

  private static void assertMatches(InvertibleTransformer t, String name, boolean inverse) {
    assertClose(t.transformAll(FIT), matrix(name + "_fit_out"), REL);
    double[][] out = t.transformAll(TEST);
    assertClose(out, matrix(name + "_test_out"), REL);
    if (inverse) {
      assertClose(t.inverseTransformAll(out), matrix(name + "_inverse"), REL);
    }
  }

  @Test
  void standard_matchesScikitLearn() {
    assertMatches(StandardScaler.fit(FIT), "standard", true);
    assertMatches(StandardScaler.Params.DEFAULTS.withMean(false).fit(FIT, Features.defaultNames(5)),
        "standard_nomean", true);
  }

  @Test
  void standard_constantColumnKeepsScaleOne() {
    StandardScaler s = StandardScaler.fit(FIT);
    assertThat(s.scale()[4]).isEqualTo(1.0);
    assertThat(s.mean()[4]).isEqualTo(4.25);
  }

  @Test
  void minMax_matchesScikitLearn() {
    assertMatches(MinMaxScaler.fit(FIT), "minmax", true);
    assertMatches(MinMaxScaler.Params.DEFAULTS.withRange(-1, 2).withClip(true).fit(FIT, Features.defaultNames(5)),
        "minmax_range", false);
  }

  @Test
  void robust_matchesScikitLearn() {
    assertMatches(RobustScaler.fit(FIT), "robust", true);
    assertMatches(RobustScaler.Params.DEFAULTS.withQuantileRange(10, 90).fit(FIT, Features.defaultNames(5)),
        "robust_10_90", true);
  }

  @Test
  void maxAbs_matchesScikitLearn() {
    assertMatches(MaxAbsScaler.fit(FIT), "maxabs", true);
  }

  @Test
  void log1p_matchesNumpyAndInverts() {
    double[][] abs = new double[FIT.length][];
    for (int i = 0; i < FIT.length; i++) {
      abs[i] = FIT[i].clone();
      for (int j = 0; j < abs[i].length; j++) {
        abs[i][j] = Math.abs(abs[i][j]);
      }
    }
    Log1pTransformer t = Log1pTransformer.Params.DEFAULTS.fit(abs, Features.defaultNames(5));
    double[][] out = t.transformAll(abs);
    assertClose(out, matrix("log1p_out"), REL);
    assertClose(t.inverseTransformAll(out), abs, REL);
  }

  @Test
  void log1p_agreesWithMathLog1pToAFewUlps() {
    SplittableRandom r = new SplittableRandom(12);
    for (int i = 0; i < 200_000; i++) {
      // Log-uniform magnitudes from 1e-300 to 1e300, both signs above -1.
      double x = Math.pow(10, r.nextDouble(-300, 300));
      if (r.nextBoolean()) {
        x = -Math.min(x, 1 - 1e-9 * r.nextDouble());
      }
      double expected = Math.log1p(x);
      assertThat(Math.abs(Log1pTransformer.log1p(x) - expected)).as("x=" + x)
          .isLessThanOrEqualTo(8 * Math.ulp(expected));
    }
    assertThat(Log1pTransformer.log1p(0.0)).isEqualTo(0.0);
    assertThat(Log1pTransformer.log1p(-1)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Log1pTransformer.log1p(-2)).isNaN();
    assertThat(Log1pTransformer.log1p(Double.NaN)).isNaN();
    assertThat(Log1pTransformer.log1p(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Log1pTransformer.log1p(Double.MAX_VALUE)).isEqualTo(Math.log1p(Double.MAX_VALUE));
  }

  @Test
  void transform_inPlaceEqualsSeparateOutput() {
    StandardScaler s = StandardScaler.fit(FIT);
    double[] x = TEST[0].clone();
    double[] expected = s.transform(x);
    s.transform(x, x);
    assertThat(x).containsExactly(expected);
  }

  @Test
  void transform_wrongLengthRejected() {
    StandardScaler s = StandardScaler.fit(FIT);
    assertThatThrownBy(() -> s.transform(new double[4], new double[5]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 4, expected 5");
    assertThatThrownBy(() -> s.transform(new double[5], new double[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 3, expected 5");
  }

  @Test
  void fit_rejectsInfinityRaggedAndAllMissing() {
    assertThatThrownBy(() -> StandardScaler.fit(new double[][] {{1, 2}, {Double.POSITIVE_INFINITY, 1}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1").hasMessageContaining("index 0");
    assertThatThrownBy(() -> MinMaxScaler.fit(new double[][] {{1, 2}, {1}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
    assertThatThrownBy(() -> RobustScaler.fit(new double[][] {{1, Double.NaN}, {2, Double.NaN}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x1'");
    assertThatThrownBy(() -> StandardScaler.fit(StandardScaler.Params.DEFAULTS, FIT, List.of("a", "b", "c", "d", "a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' twice");
  }

  @Test
  void params_validateRanges() {
    assertThatThrownBy(() -> MinMaxScaler.Params.DEFAULTS.withRange(1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min=1.0, max=1.0");
    assertThatThrownBy(() -> RobustScaler.Params.DEFAULTS.withQuantileRange(80, 20))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("qLow=80.0");
  }

  @Test
  void fit_leavesInputUnchanged() {
    double[][] copy = new double[FIT.length][];
    for (int i = 0; i < FIT.length; i++) {
      copy[i] = FIT[i].clone();
    }
    StandardScaler.fit(copy);
    RobustScaler.fit(copy);
    MinMaxScaler.fit(copy);
    for (int i = 0; i < FIT.length; i++) {
      assertThat(copy[i]).containsExactly(FIT[i]);
    }
  }

  @Test
  void streamingMinMax_equalsBatchOnCompleteData() {
    double[][] data = new double[50][3];
    SplittableRandom rnd = new SplittableRandom(3);
    StreamingMinMaxScaler s = new StreamingMinMaxScaler(MinMaxScaler.Params.DEFAULTS.withRange(-1, 1));
    for (double[] row : data) {
      for (int j = 0; j < 3; j++) {
        row[j] = rnd.nextGaussian() * (j + 1) + j;
      }
      s.learn(row);
    }
    MinMaxScaler batch = MinMaxScaler.Params.DEFAULTS.withRange(-1, 1).fit(data, Features.defaultNames(3));
    double[] a = new double[3];
    double[] b = new double[3];
    for (double[] row : data) {
      s.transform(row, a);
      batch.transform(row, b);
      assertThat(a).containsExactly(b);
      s.inverseTransform(a, b);
      assertClose(b, row, 1e-12, "inverse");
    }
    assertThat(s.seen()).isEqualTo(50);
    assertThat(s.snapshot().dataMin()).containsExactly(batch.dataMin());
  }

  @Test
  void streamingMinMax_invalidPointLeavesStateUnchanged() throws Exception {
    StreamingMinMaxScaler s = new StreamingMinMaxScaler();
    assertThatThrownBy(() -> s.transform(new double[] {1}, new double[1])).isInstanceOf(IllegalStateException.class);
    s.learn(new double[] {1, 2});
    byte[] before = ModelIO.toBytes(s);
    assertThatThrownBy(() -> s.learn(new double[] {1, Double.NaN})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.learn(new double[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
    assertThat(ModelIO.toBytes(s)).isEqualTo(before);
    StreamingMinMaxScaler back = ModelIO.fromBytes(before, StreamingMinMaxScaler.class);
    back.learn(new double[] {5, -1});
    s.learn(new double[] {5, -1});
    assertThat(ModelIO.toBytes(back)).isEqualTo(ModelIO.toBytes(s));
  }

  @Test
  void streamingMaxAbs_equalsBatchAndRestoresBitForBit() throws Exception {
    double[][] data = new double[60][3];
    SplittableRandom rnd = new SplittableRandom(5);
    StreamingMaxAbsScaler s = new StreamingMaxAbsScaler();
    for (int i = 0; i < data.length; i++) {
      data[i][0] = rnd.nextGaussian() * 10 - 3;
      data[i][1] = rnd.nextGaussian();
      data[i][2] = 0; // a feature that is always 0 is left as it is
      s.learn(data[i]);
    }
    MaxAbsScaler batch = MaxAbsScaler.fit(data);
    double[] a = new double[3];
    double[] b = new double[3];
    for (double[] row : data) {
      s.transform(row, a);
      batch.transform(row, b);
      assertThat(a).containsExactly(b);
      assertThat(Math.abs(a[0])).isLessThanOrEqualTo(1.0);
      s.inverseTransform(a, b);
      assertClose(b, row, 1e-12, "inverse");
    }
    assertThat(s.snapshot().maxAbs()).containsExactly(batch.maxAbs());
    byte[] before = ModelIO.toBytes(s);
    assertThatThrownBy(() -> s.learn(new double[] {1, Double.NaN, 0})).isInstanceOf(IllegalArgumentException.class);
    assertThat(ModelIO.toBytes(s)).isEqualTo(before);
    StreamingMaxAbsScaler back = ModelIO.fromBytes(before, StreamingMaxAbsScaler.class);
    back.learn(new double[] {100, -7, 2});
    s.learn(new double[] {100, -7, 2});
    assertThat(ModelIO.toBytes(back)).isEqualTo(ModelIO.toBytes(s));
    assertThat(s.snapshot().maxAbs()).containsExactly(100, Math.max(7, batch.maxAbs()[1]), 2);
  }

  @Test
  void streamingStandard_snapshotMatchesBatchAndRestoredStateContinuesBitForBit() throws Exception {
    SplittableRandom rnd = new SplittableRandom(8);
    double[][] data = new double[400][4];
    StreamingStandardScaler s = new StreamingStandardScaler();
    for (double[] row : data) {
      for (int j = 0; j < 4; j++) {
        row[j] = 1e3 + rnd.nextGaussian() * (j + 1);
      }
    }
    for (int i = 0; i < 300; i++) {
      s.learn(data[i]);
    }
    StreamingStandardScaler restored = ModelIO.fromBytes(ModelIO.toBytes(s), StreamingStandardScaler.class);
    for (int i = 300; i < 400; i++) {
      s.learn(data[i]);
      restored.learn(data[i]);
    }
    assertThat(ModelIO.toBytes(restored)).isEqualTo(ModelIO.toBytes(s));
    StandardScaler batch = StandardScaler.fit(data);
    assertClose(s.snapshot().mean(), batch.mean(), 1e-12, "mean");
    assertClose(s.snapshot().scale(), batch.scale(), 1e-12, "scale");
    assertThat(s.seen()).isEqualTo(400);
    double[] a = new double[4];
    s.transform(data[7], a);
    assertThat(a).containsExactly(s.snapshot().transform(data[7]));
  }

  @Test
  void codecs_roundTripEveryScaler() throws Exception {
    List<InvertibleTransformer> all = List.of(StandardScaler.fit(FIT), MinMaxScaler.fit(FIT), RobustScaler.fit(FIT),
        MaxAbsScaler.fit(FIT), new Log1pTransformer(List.of("a", "b", "c", "d", "e")));
    for (InvertibleTransformer t : all) {
      byte[] bytes = ModelIO.toBytes(t);
      InvertibleTransformer back = ModelIO.fromBytes(bytes, InvertibleTransformer.class);
      assertThat(back.getClass()).isEqualTo(t.getClass());
      assertThat(back.outputNames()).isEqualTo(t.outputNames());
      assertThat(ModelIO.toBytes(back)).isEqualTo(bytes);
      assertThat(back.transform(TEST[1])).containsExactly(t.transform(TEST[1]));
    }
  }
}

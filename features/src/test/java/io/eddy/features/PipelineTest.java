package io.eddy.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PipelineTest {

  private static final List<String> NUM = List.of("age", "income", "score");
  private static final String[] GENDERS = {"f", "m", "x"};

  private static double[][] numeric(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][3];
    for (double[] row : x) {
      row[0] = 18 + r.nextInt(60);
      row[1] = Math.exp(3 + r.nextGaussian());
      row[2] = r.nextDouble(1, 100);
      if (r.nextInt(10) == 0) {
        row[r.nextInt(3)] = Double.NaN;
      }
    }
    return x;
  }

  private static String[][] categorical(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String[][] c = new String[n][1];
    for (String[] row : c) {
      // "x" is rare (about 3%): folded into Other.
      row[0] = r.nextInt(100) < 3 ? "x" : GENDERS[r.nextInt(2)];
    }
    return c;
  }

  private static Pipeline.Builder builder() {
    return Pipeline.builder(NUM)
        .oneHot("gender", new OneHotEncoder.Params(0.05, OneHotEncoder.Unseen.OTHER))
        .then(SimpleImputer.Params.DEFAULTS.withStrategy(SimpleImputer.Strategy.MEDIAN))
        .then(Log1pTransformer.Params.DEFAULTS, List.of("income"))
        .then(StandardScaler.Params.DEFAULTS, NUM)
        .then(Pca.Params.components(2));
  }

  @Test
  void fit_equalsComposingTheStepsByHand() {
    double[][] x = numeric(300, 1);
    String[][] c = categorical(300, 2);
    Pipeline p = builder().fit(x, c);
    assertThat(p.outputNames()).containsExactly("pc1", "pc2");
    assertThat(p.steps().get(0).outputNames())
        .containsExactly("age", "income", "score", "gender_f", "gender_m", "gender_Other");

    // By hand: assemble, impute, log the income, scale the numeric columns, project.
    List<String> names = List.of("age", "income", "score", "gender_f", "gender_m", "gender_Other");
    double[][] a = new double[300][6];
    for (int i = 0; i < 300; i++) {
      System.arraycopy(x[i], 0, a[i], 0, 3);
      a[i][3] = c[i][0].equals("f") ? 1 : 0;
      a[i][4] = c[i][0].equals("m") ? 1 : 0;
      a[i][5] = c[i][0].equals("x") ? 1 : 0;
    }
    double[][] b = SimpleImputer.fit(SimpleImputer.Params.DEFAULTS.withStrategy(SimpleImputer.Strategy.MEDIAN), a, names)
        .transformAll(a);
    double[][] num = new double[300][3];
    for (int i = 0; i < 300; i++) {
      b[i][1] = Log1pTransformer.log1p(b[i][1]);
      num[i] = new double[] {b[i][0], b[i][1], b[i][2]};
    }
    StandardScaler s = StandardScaler.fit(StandardScaler.Params.DEFAULTS, num, NUM);
    for (int i = 0; i < 300; i++) {
      double[] z = s.transform(num[i]);
      System.arraycopy(z, 0, b[i], 0, 3);
    }
    Pca pca = Pca.Params.components(2).fit(b, names);
    double[] out = new double[2];
    for (int i = 0; i < 300; i++) {
      p.transform(x[i], c[i], out);
      assertThat(out).containsExactly(pca.transform(b[i]));
    }
  }

  @Test
  void transform_unseenCategoryGoesToOther() {
    Pipeline p = Pipeline.builder(NUM)
        .oneHot("gender", new OneHotEncoder.Params(0.05, OneHotEncoder.Unseen.OTHER))
        .fit(numeric(100, 1), categorical(100, 2));
    double[] out = p.transform(new double[] {30, 10, 50}, new String[] {"unknown"});
    assertThat(out).containsExactly(30, 10, 50, 0, 0, 1);
  }

  @Test
  void transform_allocatesNothingInSteadyState() throws Exception {
    Pipeline p = builder().fit(numeric(200, 1), categorical(200, 2));
    double[][] x = numeric(64, 3);
    String[][] c = categorical(64, 4);
    double[] out = new double[p.outputDimension()];
    for (int i = 0; i < 20_000; i++) {
      p.transform(x[i & 63], c[i & 63], out);
    }
    long before = allocatedBytes();
    for (int i = 0; i < 100_000; i++) {
      p.transform(x[i & 63], c[i & 63], out);
    }
    long allocated = allocatedBytes() - before;
    // 100k transforms; any per-call allocation would be megabytes. The margin covers the probe.
    assertThat(allocated).isLessThan(10_000);
  }

  /** This thread's allocated bytes; reflective, as the module does not read java.management. */
  private static long allocatedBytes() throws ReflectiveOperationException {
    Object mx = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
    return (Long) Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes", long.class)
        .invoke(mx, Thread.currentThread().getId());
  }

  @Test
  void codec_roundTripTransformsIdentically() throws Exception {
    Pipeline p = builder().fit(numeric(200, 1), categorical(200, 2));
    byte[] bytes = ModelIO.toBytes(p);
    Pipeline back = ModelIO.fromBytes(bytes, Pipeline.class);
    assertThat(ModelIO.toBytes(back)).isEqualTo(bytes);
    assertThat(back.outputNames()).isEqualTo(p.outputNames());
    assertThat(back.categoricalNames()).containsExactly("gender");
    double[][] x = numeric(50, 9);
    String[][] c = categorical(50, 10);
    for (int i = 0; i < 50; i++) {
      assertThat(back.transform(x[i], c[i])).containsExactly(p.transform(x[i], c[i]));
    }
  }

  @Test
  void codec_corruptPayloadIsAFormatError() {
    Pipeline p = builder().fit(numeric(200, 1), categorical(200, 2));
    byte[] bytes = ModelIO.toBytes(p);
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length / 2);
    assertThatThrownBy(() -> ModelIO.fromBytes(cut, Pipeline.class)).isInstanceOf(ModelFormatException.class);
  }

  @Test
  void knnStep_copyIsIndependentAndPersists() throws Exception {
    double[][] x = numeric(150, 5);
    Pipeline p = Pipeline.builder(NUM).then(KnnImputer.Params.DEFAULTS).then(StandardScaler.Params.DEFAULTS).fit(x);
    Pipeline copy = p.copy();
    double[] in = {40, Double.NaN, 20};
    assertThat(copy.transform(in)).containsExactly(p.transform(in));
    assertThat(ModelIO.fromBytes(ModelIO.toBytes(p), Pipeline.class).transform(in)).containsExactly(p.transform(in));
    assertThat(p.transform(in)[1]).isFinite();
    // The caller's array may be the output, even when the only step cannot work in place.
    Pipeline knnOnly = Pipeline.builder(NUM).then(KnnImputer.Params.DEFAULTS).fit(x);
    double[] inPlace = in.clone();
    knnOnly.transform(inPlace, inPlace);
    assertThat(inPlace).containsExactly(knnOnly.transform(in));
  }

  @Test
  void fit_rejectsMismatchedShapesAndUnknownColumns() {
    assertThatThrownBy(() -> Pipeline.builder(NUM).fit(new double[][] {{1, 2}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 3");
    assertThatThrownBy(() -> Pipeline.builder(NUM).then(StandardScaler.Params.DEFAULTS, List.of("height"))
        .fit(numeric(10, 1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column 'height'");
    assertThatThrownBy(() -> Pipeline.builder(NUM).then(Pca.Params.components(2), List.of("age", "income", "score"))
        .fit(numeric(10, 1).clone())).isInstanceOf(IllegalArgumentException.class);
    Pipeline p = Pipeline.builder(NUM).oneHot("g", OneHotEncoder.Params.DEFAULTS).fit(numeric(10, 1), categorical(10, 1));
    assertThatThrownBy(() -> p.transform(new double[3], new double[p.outputDimension()]))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("[g]");
  }
}

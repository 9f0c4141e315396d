package io.eddy.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.Points;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The feature transformers against a hostile caller (issue 14): every finite input is either
 * accepted with a finite result or rejected with {@link IllegalArgumentException}, the
 * instance left as it was. Each case failed before its fix.
 */
class Issue14FeaturesAuditTest {

  private static final double[][] DATA = {{1, 2}, {3, 5}, {4, -1}};
  private static final List<String> NAMES = List.of("a", "b");

  // 1. On a column near 1e155 the sums of squares of the fits overflowed: StandardScaler took
  //    the column for a constant (scale 1, values left at 1e155) and PCA's variances and
  //    outputs were NaN. Fits accept what the clusterers accept, |x| <= Points.MAX_ABS, and
  //    name that limit otherwise.
  @TestFactory
  Stream<DynamicTest> fit_valuesBeyondMaxAbs_rejectedNamingTheLimit() {
    double[][] huge = {{1e150, 1}, {-3e150, 2}, {2e150, 3}};
    List<Map.Entry<String, Function<double[][], Object>>> fits = List.of(
        Map.entry("StandardScaler", StandardScaler::fit),
        Map.entry("MinMaxScaler", MinMaxScaler::fit),
        Map.entry("MaxAbsScaler", MaxAbsScaler::fit),
        Map.entry("RobustScaler", RobustScaler::fit),
        Map.entry("Pca", Pca::fit),
        Map.entry("KnnImputer", KnnImputer::fit),
        Map.entry("SimpleImputer", d -> SimpleImputer.fit(SimpleImputer.Params.DEFAULTS, d)),
        Map.entry("Log1pTransformer", d -> Log1pTransformer.Params.DEFAULTS.fit(d, NAMES)),
        Map.entry("Pipeline", d -> Pipeline.builder(NAMES).then(StandardScaler.Params.DEFAULTS).fit(d)));
    return fits.stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      assertThatThrownBy(() -> e.getValue().apply(huge))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("row 0")
          .hasMessageContaining("Points.MAX_ABS");
      // The limit itself is accepted, with a finite model.
      double[][] edge = {{Points.MAX_ABS, 1}, {-Points.MAX_ABS, 2}, {0.5 * Points.MAX_ABS, 3}};
      assertThat(e.getValue().apply(edge)).isNotNull();
    }));
  }

  @Test
  void standardScalerAndPca_fitAtTheLimit_finiteModels() {
    double[][] edge = {{Points.MAX_ABS, 1}, {-Points.MAX_ABS, 2}, {0.5 * Points.MAX_ABS, 3}};
    StandardScaler s = StandardScaler.fit(edge);
    assertThat(allFinite(s.mean())).isTrue();
    assertThat(allFinite(s.scale())).isTrue();
    assertThat(s.scale()).doesNotContain(0.0);
    Pca p = Pca.fit(edge);
    assertThat(allFinite(p.explainedVariance())).isTrue();
    assertThat(allFinite(p.transform(edge[0]))).isTrue();
  }

  // 2. Null arrays, rows, names and maps gave NullPointerException.
  @TestFactory
  Stream<DynamicTest> publicApi_nullArguments_throwIllegalArgument() {
    StandardScaler scaler = StandardScaler.fit(DATA);
    Pipeline pipeline = Pipeline.builder(NAMES).then(StandardScaler.Params.DEFAULTS).fit(DATA);
    OneHotEncoder oneHot = OneHotEncoder.fit("c", List.of("x", "y"));
    OrdinalEncoder ordinal = new OrdinalEncoder("c", OrdinalEncoder.Params.of(List.of("x", "y")));
    StreamingStandardScaler streaming = new StreamingStandardScaler();
    streaming.learn(new double[] {1, 2});
    StreamingMaxAbsScaler maxAbs = new StreamingMaxAbsScaler();
    maxAbs.learn(new double[] {1, 2});
    StreamingMinMaxScaler minMax = new StreamingMinMaxScaler();
    minMax.learn(new double[] {1, 2});
    SessionFeatures sessionFeatures = new SessionFeatures(SessionFeatures.Params.DEFAULTS);
    IncrementalRfm rfm = new IncrementalRfm();
    double[] two = new double[2];
    List<String> withNull = new ArrayList<>(Arrays.asList("a", null));
    Map<String, ThrowingCallable> cases = new java.util.LinkedHashMap<>();
    cases.put("transform(null, out)", () -> scaler.transform(null, two));
    cases.put("transform(in, null)", () -> scaler.transform(two, null));
    cases.put("transform(null)", () -> scaler.transform((double[]) null));
    cases.put("transformAll(null)", () -> scaler.transformAll(null));
    cases.put("transformAll(null row)", () -> scaler.transformAll(new double[][] {null}));
    cases.put("inverseTransform(null, out)", () -> scaler.inverseTransform(null, two));
    cases.put("streaming standard transform(null, out)", () -> streaming.transform(null, two));
    cases.put("streaming standard transform(in, null)", () -> streaming.transform(two, null));
    cases.put("streaming maxabs transform(null, out)", () -> maxAbs.transform(null, two));
    cases.put("streaming minmax transform(in, null)", () -> minMax.transform(two, null));
    cases.put("StandardScaler.fit(data, null names)", () -> StandardScaler.fit(StandardScaler.Params.DEFAULTS, DATA, null));
    cases.put("StandardScaler.fit(null params)", () -> StandardScaler.fit(null, DATA, NAMES));
    cases.put("StandardScaler.fit(null name)", () -> StandardScaler.fit(StandardScaler.Params.DEFAULTS, DATA, withNull));
    cases.put("Pca.fit(null params)", () -> Pca.fit(null, DATA, NAMES));
    cases.put("KnnImputer.fit(null params)", () -> KnnImputer.fit(null, DATA, NAMES));
    cases.put("SimpleImputer.fit(null params)", () -> SimpleImputer.fit(null, DATA));
    cases.put("MinMaxScaler.fit(null params)", () -> MinMaxScaler.fit(null, DATA, NAMES));
    cases.put("RobustScaler.fit(null params)", () -> RobustScaler.fit(null, DATA, NAMES));
    cases.put("StandardScaler.of(null mean)", () -> StandardScaler.of(StandardScaler.Params.DEFAULTS, NAMES, null, new double[] {1, 1}));
    cases.put("MaxAbsScaler.of(null)", () -> MaxAbsScaler.of(NAMES, null));
    cases.put("MinMaxScaler.of(null)", () -> MinMaxScaler.of(MinMaxScaler.Params.DEFAULTS, NAMES, null, null));
    cases.put("RobustScaler.of(null)", () -> RobustScaler.of(RobustScaler.Params.DEFAULTS, NAMES, null, null));
    cases.put("SimpleImputer.of(null)", () -> SimpleImputer.of(SimpleImputer.Params.DEFAULTS, NAMES, null));
    cases.put("Pipeline.builder(null)", () -> Pipeline.builder(null));
    cases.put("Pipeline.builder(null name)", () -> Pipeline.builder(withNull));
    cases.put("Pipeline.fit(null row)", () -> Pipeline.builder(NAMES).then(StandardScaler.Params.DEFAULTS)
        .fit(new double[][] {{1, 2}, null}));
    cases.put("Pipeline.oneHot(null column)", () -> Pipeline.builder(NAMES).oneHot(null, OneHotEncoder.Params.DEFAULTS)
        .fit(DATA, new String[][] {{"x"}, {"y"}, {"x"}}));
    cases.put("Pipeline.oneHot(null params)", () -> Pipeline.builder(NAMES).oneHot("c", null)
        .fit(DATA, new String[][] {{"x"}, {"y"}, {"x"}}));
    cases.put("Pipeline.ordinal(null params)", () -> Pipeline.builder(NAMES).ordinal("c", null));
    cases.put("Pipeline.then(step, null columns)", () -> Pipeline.builder(NAMES).then(StandardScaler.Params.DEFAULTS, null));
    cases.put("Pipeline.transform(null, null, out)", () -> pipeline.transform(null, null, two));
    cases.put("Pipeline.transform(in, null)", () -> pipeline.transform(two, (double[]) null));
    cases.put("Pipeline.inverseTransform(null, out)", () -> pipeline.inverseTransform(null, two));
    cases.put("new Pipeline(null, ...)", () -> new Pipeline(null, List.of(), List.of()));
    cases.put("OneHotEncoder.fit(null values)", () -> OneHotEncoder.fit("c", null));
    cases.put("OneHotEncoder.fit(null params)", () -> OneHotEncoder.fit(null, "c", List.of("x")));
    cases.put("OneHotEncoder.fit(null name)", () -> OneHotEncoder.fit(null, List.of("x")));
    cases.put("OneHotEncoder.encode(null out)", () -> oneHot.encode("x", null, 0));
    cases.put("OneHotEncoder.inverseTransform(null)", () -> oneHot.inverseTransform(null, 0));
    cases.put("OneHotEncoder.of(null categories)", () -> OneHotEncoder.of(OneHotEncoder.Params.DEFAULTS, "c", null, List.of()));
    cases.put("OrdinalEncoder(null params)", () -> new OrdinalEncoder("c", null));
    cases.put("OrdinalEncoder.encode(null out)", () -> ordinal.encode("x", null, 0));
    cases.put("Params(null order element)", () -> OrdinalEncoder.Params.of(withNull));
    cases.put("SessionFeatures(null)", () -> new SessionFeatures(null));
    cases.put("SessionFeatures.extract(null)", () -> sessionFeatures.extract(null));
    cases.put("SessionFeatures.extract(s, null)", () -> sessionFeatures.extract(
        new Session("u", 0, 0, List.of(new ClickEvent("u", 0, "view", null, 0))), null));
    cases.put("Sessionizer(null params)", () -> new Sessionizer(null, s -> { }, null));
    cases.put("Rfm.compute(null)", () -> Rfm.compute(null, IncrementalRfm.Params.DEFAULTS));
    cases.put("Rfm.compute(null params)", () -> Rfm.compute(List.of(Transaction.of("c", 0, 1, 1)), null));
    cases.put("Rfm.compute(null element)", () -> Rfm.compute(Arrays.asList(Transaction.of("c", 0, 1, 1), null),
        IncrementalRfm.Params.DEFAULTS));
    cases.put("IncrementalRfm.customer(null)", () -> rfm.customer(null, 0));
    cases.put("ColumnSubset.Params(null name)", () -> new ColumnSubset.Params(StandardScaler.Params.DEFAULTS, withNull));
    cases.put("SegmentationBundle.train(null info)", () -> SegmentationBundle.train(pipeline,
        new io.eddy.kmeans.KMeans(io.eddy.kmeans.KMeans.Params.DEFAULTS.withK(1)).fit(pipeline.transformAll(DATA)), DATA, false, null));
    SegmentationBundle bundle = SegmentationBundle.train(pipeline,
        new io.eddy.kmeans.KMeans(io.eddy.kmeans.KMeans.Params.DEFAULTS.withK(1)).fit(pipeline.transformAll(DATA)),
        DATA, false, Map.of());
    cases.put("SegmentationBundle.withNames(null)", () -> bundle.withNames(null));
    cases.put("SegmentationBundle.score(null)", () -> bundle.score(null));
    cases.put("ScoreColumns.fill(null row)", () -> ScoreColumns.fill(null, 0, bundle.score(DATA[0]), false));
    cases.put("ScoreColumns.fill(beyond the row)", () -> ScoreColumns.fill(new Object[4], 1, bundle.score(DATA[0]), false));
    return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
        () -> assertThatThrownBy(e.getValue()).isInstanceOf(IllegalArgumentException.class)));
  }

  // 3. Times ages apart wrapped around when subtracted: two events of one user at -2^63 + 1
  //    and 2^63 - 1 ms differ by "-2 ms" and were joined into one session; a gap of
  //    Long.MAX_VALUE seconds threw ArithmeticException.
  @Test
  void sessionizer_timesBeyondMaxTime_rejectedAndStateUnchanged() {
    List<Session> closed = new ArrayList<>();
    Sessionizer s = new Sessionizer(Sessionizer.Params.DEFAULTS, closed::add, null);
    s.accept(new ClickEvent("u", -Sessionizer.MAX_TIME, "view", null, 0));
    assertThatThrownBy(() -> s.accept(new ClickEvent("u", Long.MAX_VALUE - 1, "view", null, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Sessionizer.MAX_TIME");
    assertThatThrownBy(() -> s.advanceTo(Long.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
    assertThat(s.acceptedEvents()).isEqualTo(1);
    assertThat(s.latestTime()).isEqualTo(-Sessionizer.MAX_TIME);
    // The extremes of the range are ages apart: two sessions, never one.
    s.accept(new ClickEvent("u", Sessionizer.MAX_TIME, "view", null, 0));
    s.flush();
    assertThat(closed).extracting(Session::start).containsExactly(-Sessionizer.MAX_TIME, Sessionizer.MAX_TIME);
    assertThatThrownBy(() -> Sessionizer.Params.DEFAULTS.withGap(Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gap");
    assertThatThrownBy(() -> Sessionizer.Params.DEFAULTS.withAllowedLateness(Duration.ofMillis(Sessionizer.MAX_TIME + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // 4. Amounts were unbounded: two lines of 1e308 made a total of Infinity, a state that could be
  //    saved but not loaded back.
  @Test
  void rfm_amountsBeyondMaxAmount_rejectedAndTotalsStayLoadable() throws Exception {
    assertThatThrownBy(() -> Transaction.of("c", 0, 1, 1e308))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Transaction.MAX_AMOUNT");
    IncrementalRfm rfm = new IncrementalRfm(IncrementalRfm.Params.DEFAULTS.withDropDuplicates(false));
    for (int i = 0; i < 1000; i++) {
      rfm.accept(Transaction.of("c", i, 1, Transaction.MAX_AMOUNT));
    }
    IncrementalRfm back = io.eddy.io.ModelIO.fromBytes(io.eddy.io.ModelIO.toBytes(rfm), IncrementalRfm.class);
    RfmTable.Row row = back.customer("c", 2000);
    assertThat(row.monetary()).isEqualTo(rfm.customer("c", 2000).monetary()).isLessThanOrEqualTo(Points.MAX_ABS);
    // Times ages apart: the recency is a large positive number of days, not a wrapped negative.
    IncrementalRfm old = new IncrementalRfm();
    old.accept(Transaction.of("c", Long.MIN_VALUE + 1, 1, 5));
    assertThat(old.customer("c", Long.MAX_VALUE).recencyDays()).isEqualTo(0x1p64 / IncrementalRfm.MILLIS_PER_DAY);
  }

  // 5. After only subnormal values (1e-320) the streaming max-abs scale was 1e-320, and an
  //    ordinary value transformed to Infinity. Both scalers now keep scale 1 below 10 ulp(1).
  @Test
  void streamingMaxAbs_onlySubnormalValuesSeen_transformStaysFinite() {
    StreamingMaxAbsScaler s = new StreamingMaxAbsScaler();
    s.learn(new double[] {1e-320, -4e-320});
    double[] out = new double[2];
    s.transform(new double[] {1, -3}, out);
    assertThat(out).containsExactly(1, -3);
    double[] batch = s.snapshot().transform(new double[] {1, -3});
    assertThat(batch).containsExactly(out);
    s.learn(new double[] {2, 0.5});
    s.transform(new double[] {1, -3}, out);
    assertThat(out).containsExactly(0.5, -6);
  }

  // A neighbour count of 2^31 - 1 sized the imputer's scratch arrays: OutOfMemoryError at the
  // first fit. With distance weights, an input near 1e300 overflowed every distance, every
  // weight was 0 and the fill NaN; inputs are held to the range of the fit.
  @Test
  void knnImputer_hugeNeighbourCountAndInputBeyondMaxAbs() {
    double[][] data = {{0, 1}, {1, 2}, {2, Double.NaN}, {3, 5}};
    KnnImputer all = KnnImputer.Params.DEFAULTS.withNeighbors(Integer.MAX_VALUE).fit(data, NAMES);
    KnnImputer three = KnnImputer.Params.DEFAULTS.withNeighbors(3).fit(data, NAMES);
    double[] in = {1.5, Double.NaN};
    assertThat(all.transform(in)).containsExactly(three.transform(in));
    KnnImputer byDistance = KnnImputer.Params.DEFAULTS.withWeights(KnnImputer.Weights.DISTANCE).fit(data, NAMES);
    assertThatThrownBy(() -> byDistance.transform(new double[] {1e300, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Points.MAX_ABS");
    assertThat(byDistance.transform(new double[] {Points.MAX_ABS, Double.NaN})[1]).isFinite();
  }

  // A target range whose width overflows (-1e308 to 1e308) made every transform NaN.
  @Test
  void minMaxScaler_rangeWiderThanTheLargestDouble_rejected() {
    assertThatThrownBy(() -> new MinMaxScaler.Params(-1e308, 1e308, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max - min finite");
  }

  // Sessions: null events threw NullPointerException; times ages apart made a negative
  // duration; event values of 1e308 summed to an infinite total value.
  @Test
  void sessions_nullsExtremeTimesAndValues_rejected() {
    assertThatThrownBy(() -> new Session("u", 0, 1, null)).isInstanceOf(IllegalArgumentException.class);
    ClickEvent e = new ClickEvent("u", 0, "view", null, 1);
    assertThatThrownBy(() -> new Session("u", Long.MIN_VALUE, Long.MAX_VALUE, List.of(e)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Sessionizer.MAX_TIME");
    assertThatThrownBy(() -> new ClickEvent("u", 0, "view", null, 1e308))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Transaction.MAX_AMOUNT");
    ClickEvent big = new ClickEvent("u", 0, "view", null, Transaction.MAX_AMOUNT);
    Session s = new Session("u", -Sessionizer.MAX_TIME, Sessionizer.MAX_TIME, List.of(big, big));
    assertThat(s.durationMillis()).isEqualTo(2 * Sessionizer.MAX_TIME);
    assertThat(allFinite(new SessionFeatures(SessionFeatures.Params.DEFAULTS).extract(s))).isTrue();
  }

  private static boolean allFinite(double[] v) {
    return Arrays.stream(v).allMatch(Double::isFinite);
  }
}

package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.Clusterers;
import io.eddy.Parameter;
import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import io.eddy.kmeans.Centroids;
import io.eddy.kmeans.KMeansModel;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MiniBatchKMeansTest {

  private static double[][] fixtureData() throws IOException {
    List<double[]> rows = new ArrayList<>();
    try (InputStream in = MiniBatchKMeansTest.class.getResourceAsStream("/kmeans/minibatch_data.csv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
        }
      }
    }
    return rows.toArray(new double[0][]);
  }

  private static Properties fixtureProperties() throws IOException {
    Properties p = new Properties();
    try (InputStream in = MiniBatchKMeansTest.class.getResourceAsStream("/kmeans/minibatch.properties")) {
      p.load(in);
    }
    return p;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  @ParameterizedTest
  @ValueSource(ints = {1024, 100})
  void fit_finalInertiaWithinTwoPercentOfScikitLearn(int batch) throws IOException {
    double[][] data = fixtureData();
    double sklearn = Double.parseDouble(fixtureProperties().getProperty("batch" + batch + ".sklearn_median_inertia"));
    double[] inertias = new double[10];
    for (int seed = 0; seed < 10; seed++) {
      KMeansModel m = new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(10)
          .withBatchSize(batch).withSeed(seed)).fit(data);
      inertias[seed] = m.inertia();
      assertThat(m.trainingLabels()).hasSize(data.length);
      assertThat(m.iterations()).isBetween(1, 100);
    }
    assertThat(median(inertias)).isLessThanOrEqualTo(1.02 * sklearn);
  }

  private static double[] doubles(String list) {
    return Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
  }

  @Test
  void learn_fromInitialCenters_matchesScikitLearnPartialFitExactly() throws IOException {
    // scikit-learn's partial_fit from init = the first 10 rows, reassignment off: no random
    // numbers, so every center and count must agree to rounding.
    double[][] data = fixtureData();
    Properties p = fixtureProperties();
    MiniBatchKMeans mb = MiniBatchKMeans.withInitialCenters(MiniBatchKMeans.Params.DEFAULTS.withK(10)
        .withReassignmentRatio(0), Arrays.copyOf(data, 10));
    assertThat(mb.isReady()).isTrue();
    assertThat(mb.predict(data[3])).isEqualTo(3);
    for (int from = 0; from < 2000; from += 100) {
      double[] w = new double[100];
      for (int i = 0; i < 100; i++) {
        w[i] = 0.5 + ((from + i) % 7) / 7.0;
      }
      mb.learn(Arrays.copyOfRange(data, from, from + 100), w);
    }
    double[] centers = doubles(p.getProperty("partial.centers"));
    double[] counts = doubles(p.getProperty("partial.counts"));
    Centroids c = mb.snapshot();
    for (int j = 0; j < 10; j++) {
      assertThat(c.weight(j)).as("count %d", j).isCloseTo(counts[j], within(1e-9 * counts[j]));
      for (int t = 0; t < 4; t++) {
        assertThat(c.center(j)[t]).as("center %d[%d]", j, t).isCloseTo(centers[j * 4 + t], within(1e-9));
      }
    }
    // The explicit start persists like any other state.
    MiniBatchKMeans back = ModelIO.fromBytes(ModelIO.toBytes(mb), MiniBatchKMeans.class);
    assertThat(back.snapshot().flatCenters()).containsExactly(c.flatCenters());
  }

  @ParameterizedTest
  @ValueSource(ints = {1024, 100})
  void fit_fromInitialCenters_finalInertiaWithinTwoPercentOfScikitLearn(int batch) throws IOException {
    double[][] data = fixtureData();
    double sklearn = Double.parseDouble(fixtureProperties().getProperty("first10.batch" + batch + ".sklearn_median_inertia"));
    double[] inertias = new double[10];
    for (int seed = 0; seed < 10; seed++) {
      MiniBatchKMeans mb = new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(10).withBatchSize(batch).withSeed(seed));
      inertias[seed] = mb.fit(data, null, Arrays.copyOf(data, 10)).inertia();
    }
    assertThat(median(inertias)).isLessThanOrEqualTo(1.02 * sklearn);
  }

  @ParameterizedTest
  @ValueSource(ints = {1024, 100})
  void fit_randomInit_finalInertiaWithinTwoPercentOfScikitLearn(int batch) throws IOException {
    double[][] data = fixtureData();
    double sklearn = Double.parseDouble(fixtureProperties().getProperty("random.batch" + batch + ".sklearn_median_inertia"));
    double[] inertias = new double[10];
    for (int seed = 0; seed < 10; seed++) {
      inertias[seed] = new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(10).withBatchSize(batch)
          .withInit(MiniBatchKMeans.Init.RANDOM).withSeed(seed)).fit(data).inertia();
    }
    assertThat(median(inertias)).isLessThanOrEqualTo(1.02 * sklearn);
  }

  @Test
  void registry_mapsEveryParameterByName_andPersistsIt() throws IOException {
    Map<String, Object> values = Map.of("k", 4, "init", "random", "batchSize", 50, "maxIter", 7,
        "initSize", 120, "reassignmentRatio", 0.05, "maxNoImprovement", 3, "tol", 1e-3, "seed", 5L, "threads", 2);
    MiniBatchKMeans.Params expected = MiniBatchKMeans.Params.DEFAULTS.withK(4).withInit(MiniBatchKMeans.Init.RANDOM)
        .withBatchSize(50).withMaxIter(7).withInitSize(120).withReassignmentRatio(0.05).withMaxNoImprovement(3)
        .withTol(1e-3).withSeed(5).withThreads(2);
    MiniBatchKMeans online = (MiniBatchKMeans) Clusterers.online(MiniBatchKMeansProvider.NAME, values);
    assertThat(online.params()).isEqualTo(expected);
    assertThat(((MiniBatchKMeans) Clusterers.batch(MiniBatchKMeansProvider.NAME, values)).params()).isEqualTo(expected);
    assertThat(ModelIO.fromBytes(ModelIO.toBytes(online), MiniBatchKMeans.class).params()).isEqualTo(expected);
    assertThat(MiniBatchKMeans.Params.SPEC.toMap(expected)).containsAllEntriesOf(values);
    assertThat(MiniBatchKMeans.Params.DEFAULTS.seed()).isEqualTo(Parameter.DEFAULT_SEED);
    assertThatThrownBy(() -> Clusterers.online(MiniBatchKMeansProvider.NAME, Map.of("parallelism", 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
  }

  @Test
  void initialCenters_invalid_rejected() {
    MiniBatchKMeans.Params p = MiniBatchKMeans.Params.DEFAULTS.withK(2);
    assertThatThrownBy(() -> MiniBatchKMeans.withInitialCenters(p, new double[][] {{1, 2}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected k = 2");
    assertThatThrownBy(() -> MiniBatchKMeans.withInitialCenters(p, new double[][] {{1, 2}, {3}}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MiniBatchKMeans.withInitialCenters(p, new double[][] {{1, 2}, {3, Double.NaN}}))
        .isInstanceOf(IllegalArgumentException.class);
    double[][] data = blobs(100, 2, 2, 1.0, 3);
    MiniBatchKMeans mb = new MiniBatchKMeans(p);
    assertThatThrownBy(() -> mb.fit(data, null, new double[][] {{1, 2, 3}, {4, 5, 6}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension");
    assertThatThrownBy(() -> mb.fit(data, null, new double[][] {{1, 2}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected k = 2");
    // Given the true centers of well-separated blobs, a fit stays with them.
    KMeansModel m = mb.fit(data, null, new double[][] {mean(data, 0, 2), mean(data, 1, 2)});
    assertThat(m.predict(data[0])).isZero();
    assertThat(m.predict(data[1])).isEqualTo(1);
  }

  /** The mean of rows r, r + step, r + 2·step, ... */
  private static double[] mean(double[][] data, int r, int step) {
    double[] m = new double[data[0].length];
    int count = 0;
    for (int i = r; i < data.length; i += step, count++) {
      for (int t = 0; t < m.length; t++) {
        m[t] += data[i][t];
      }
    }
    for (int t = 0; t < m.length; t++) {
      m[t] /= count;
    }
    return m;
  }

  @Test
  void initialise_random_distinctRowsUniformlyIgnoringWeights() {
    // 40 distinct rows, one of them with weight 1000; k = 8 picks, 5,000 times.
    int n = 40;
    double[][] rows = new double[n][];
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      rows[i] = new double[] {i, -i};
      weights[i] = i == 7 ? 1000 : 1;
    }
    MiniBatchKMeans.Params p = MiniBatchKMeans.Params.DEFAULTS.withK(8).withInit(MiniBatchKMeans.Init.RANDOM);
    int[] chosen = new int[n];
    int runs = 5_000;
    for (int seed = 0; seed < runs; seed++) {
      MiniBatchStep s = new MiniBatchStep(p, 2, new io.eddy.math.SplitMix64(seed));
      s.initialise(rows, weights, n);
      boolean[] seen = new boolean[n];
      for (int j = 0; j < 8; j++) {
        int row = (int) s.centers[2 * j];
        assertThat(s.centers[2 * j + 1]).isEqualTo(-row);
        assertThat(seen[row]).as("row %d picked twice", row).isFalse();
        seen[row] = true;
        chosen[row]++;
      }
    }
    // Each row is picked with probability 8/40: chi-square with 39 degrees of freedom, whose
    // 0.999 quantile is 72.05.
    double expected = runs * 8.0 / n;
    double chi2 = 0;
    for (int c : chosen) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    assertThat(chi2).isLessThan(72.05);
  }

  @Test
  void fit_resultDoesNotDependOnThreads() throws IOException {
    // More than one labelling block (4096 points), so that two threads share the final pass.
    double[][] data = new double[10_000][];
    SplittableRandom rng = new SplittableRandom(9);
    for (int i = 0; i < data.length; i++) {
      int c = rng.nextInt(4);
      data[i] = new double[] {c * 5 + rng.nextGaussian(), -c * 3 + rng.nextGaussian(), rng.nextGaussian()};
    }
    // Batches of 1024 are labelled in two halves on two threads.
    MiniBatchKMeans.Params p = MiniBatchKMeans.Params.DEFAULTS.withK(4).withBatchSize(1024).withSeed(5);
    KMeansModel one = new MiniBatchKMeans(p.withThreads(1)).fit(data);
    KMeansModel two = new MiniBatchKMeans(p.withThreads(2)).fit(data);
    KMeansModel all = new MiniBatchKMeans(p).fit(data);
    for (KMeansModel m : new KMeansModel[] {two, all}) {
      assertThat(m.trainingLabels()).containsExactly(one.trainingLabels());
      assertThat(m.inertia()).isEqualTo(one.inertia());
      for (int j = 0; j < 4; j++) {
        assertThat(m.center(j)).containsExactly(one.center(j));
      }
    }
    assertThatThrownBy(() -> p.withThreads(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads");
  }

  @Test
  void persistence_readsVersionOnePayloads_withThreadsZero() throws IOException {
    // Version 2 wrote the configuration by position: the committed file from that release,
    // then the same record as version 1 wrote it, without the thread count that follows the
    // 44 bytes of the other parameters.
    byte[] v2;
    try (InputStream in = MiniBatchKMeansTest.class.getResourceAsStream("legacy/minibatch-kmeans-v2.eddy")) {
      v2 = in.readAllBytes();
    }
    MiniBatchKMeans mb = ModelIO.fromBytes(v2, MiniBatchKMeans.class);
    assertThat(mb.params().threads()).isEqualTo(1);
    assertThat(mb.params().init()).as("a parameter added since: its default").isEqualTo(MiniBatchKMeans.Init.KMEANS_PLUS_PLUS);
    byte[] v1 = rewrite(v2, 2, 1, payload -> {
      byte[] body = new byte[payload.length - 4];
      System.arraycopy(payload, 0, body, 0, 44);
      System.arraycopy(payload, 48, body, 44, payload.length - 48);
      return body;
    });

    MiniBatchKMeans restored = ModelIO.fromBytes(v1, MiniBatchKMeans.class);
    assertThat(restored.params()).isEqualTo(mb.params().withThreads(0));
    assertThat(restored.seen()).isEqualTo(mb.seen());
    for (int j = 0; j < 3; j++) {
      assertThat(restored.snapshot().center(j)).containsExactly(mb.snapshot().center(j));
    }
    // Written again, it is version 3 and reads back as the same learner.
    MiniBatchKMeans again = ModelIO.fromBytes(ModelIO.toBytes(mb), MiniBatchKMeans.class);
    assertThat(again.params()).isEqualTo(mb.params());
    assertThat(ModelIO.toBytes(again)).isEqualTo(ModelIO.toBytes(mb));
  }

  /**
   * The record {@code record} (of codec version {@code version}) with its payload rewritten and
   * its version set to {@code newVersion}, with a valid checksum.
   */
  private static byte[] rewrite(byte[] record, int version, int newVersion, UnaryOperator<byte[]> edit)
      throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
    byte[] magic = in.readNBytes(4);
    int format = in.readInt();
    String codec = in.readUTF();
    assertThat(in.readInt()).isEqualTo(version);
    byte[] payload = edit.apply(in.readNBytes(in.readInt()));
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    DataOutputStream h = new DataOutputStream(head);
    h.write(magic);
    h.writeInt(format);
    h.writeUTF(codec);
    h.writeInt(newVersion);
    h.writeInt(payload.length);
    CRC32 crc = new CRC32();
    crc.update(head.toByteArray());
    crc.update(payload);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(head.toByteArray());
    out.write(payload);
    new DataOutputStream(out).writeInt((int) crc.getValue());
    return out.toByteArray();
  }

  private static int indexOf(byte[] in, byte[] part) {
    for (int i = 0; i + part.length <= in.length; i++) {
      if (Arrays.equals(in, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  private static byte[] bytes(double v) {
    return ByteBuffer.allocate(8).putDouble(v).array();
  }

  @Test
  void persistence_forgedState_rejected() throws IOException {
    MiniBatchKMeans mb = new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(3).withBatchSize(10).withSeed(1));
    double[][] data = blobs(25, 2, 3, 1.0, 8);
    for (double[] x : data) {
      mb.learn(x);
    }
    byte[] good = ModelIO.toBytes(mb);
    int k = 3;
    int d = 2;
    // The centers follow their length; before it: ready (1 byte), steps, sinceReassign, rng and
    // seen (8 bytes each) and d (4 bytes).
    double c0 = mb.snapshot().center(0)[0];
    UnaryOperator<byte[]> nanCenter = p -> {
      int at = indexOf(p, bytes(c0));
      System.arraycopy(bytes(Double.NaN), 0, p, at, 8);
      return p;
    };
    assertThatThrownBy(() -> ModelIO.fromBytes(rewrite(good, 3, 3, nanCenter), MiniBatchKMeans.class))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("not finite");
    UnaryOperator<byte[]> negativeCount = p -> {
      int at = indexOf(p, bytes(c0)) + k * d * 8 + 4;
      System.arraycopy(bytes(-1.0), 0, p, at, 8);
      return p;
    };
    assertThatThrownBy(() -> ModelIO.fromBytes(rewrite(good, 3, 3, negativeCount), MiniBatchKMeans.class))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("weight -1.0");
    // A dimension whose k·d centers exceed one array, and one whose centers exceed the payload:
    // both rejected before any array of that size exists.
    for (int forged : new int[] {1 << 30, 1 << 24}) {
      UnaryOperator<byte[]> bigD = p -> {
        int at = indexOf(p, bytes(c0)) - 4 - 1 - 4 * 8 - 4;
        ByteBuffer.wrap(p).putInt(at, forged);
        return p;
      };
      assertThatThrownBy(() -> ModelIO.fromBytes(rewrite(good, 3, 3, bigD), MiniBatchKMeans.class))
          .isInstanceOf(ModelFormatException.class).hasMessageContaining(forged == 1 << 30 ? "one array" : "length");
    }
  }

  @Test
  void persistence_forgedBatchSize_bufferRejectedBeforeAllocating() throws IOException {
    MiniBatchKMeans mb = new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(3).withBatchSize(1000).withSeed(1));
    mb.learn(new double[] {1, 2});
    mb.learn(new double[] {3, 4});
    byte[] good = ModelIO.toBytes(mb);
    MiniBatchKMeans back = ModelIO.fromBytes(good, MiniBatchKMeans.class);
    assertThat(ModelIO.toBytes(back)).isEqualTo(good);
    // batchSize is stored as ("batchSize", "INT", "1000"): a buffer of 2^31 - 1 points of
    // dimension 2 could never have been filled, and a load must not try to allocate it.
    UnaryOperator<byte[]> huge = p -> {
      int at = indexOf(p, "batchSize".getBytes(StandardCharsets.UTF_8)) + "batchSize".length() + 4 + 3;
      assertThat(ByteBuffer.wrap(p).getInt(at)).isEqualTo(4);
      assertThat(new String(p, at + 4, 4, StandardCharsets.UTF_8)).isEqualTo("1000");
      byte[] value = String.valueOf(Integer.MAX_VALUE).getBytes(StandardCharsets.UTF_8);
      ByteBuffer out = ByteBuffer.allocate(p.length - 4 + value.length);
      out.put(p, 0, at).putInt(value.length).put(value).put(p, at + 8, p.length - at - 8);
      return out.array();
    };
    assertThatThrownBy(() -> ModelIO.fromBytes(rewrite(good, 3, 3, huge), MiniBatchKMeans.class))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("batchSize");
    // The largest declared batch with points too wide for its buffer fails at the first point,
    // learning nothing.
    MiniBatchKMeans direct = new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withBatchSize(1 << 24));
    assertThatThrownBy(() -> direct.learn(new double[4096])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower k or batchSize");
    assertThat(direct.dimension()).isZero();
    assertThat(direct.seen()).isZero();
  }

  @Test
  void fit_badRowInAnyBlock_isReportedAsTheFirstBadRow() {
    double[][] data = new double[9_000][];
    for (int i = 0; i < data.length; i++) {
      data[i] = new double[] {i % 7, i % 3};
    }
    data[8_500] = new double[] {1, Double.NaN};
    data[6_000] = new double[] {1};
    MiniBatchKMeans mb = new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(3).withThreads(2));
    assertThatThrownBy(() -> mb.fit(data)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("row 6000:");
  }

  @Test
  void fit_sameSeed_identicalAndOnlineStateUntouched() {
    double[][] data = blobs(3_000, 3, 4, 1.0, 5);
    MiniBatchKMeans mb = new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(4).withBatchSize(128).withSeed(9));
    byte[] before = ModelIO.toBytes(mb);
    KMeansModel a = mb.fit(data);
    assertThat(mb.fit(data)).isEqualTo(a);
    assertThat(ModelIO.toBytes(mb)).isEqualTo(before);
  }

  @Test
  void fit_earlyStopping_followsTheConfiguredRules() {
    double[][] data = blobs(3_000, 2, 3, 0.3, 6);
    MiniBatchKMeans.Params p = MiniBatchKMeans.Params.DEFAULTS.withK(3).withBatchSize(128).withMaxIter(20);
    KMeansModel never = new MiniBatchKMeans(p.withMaxNoImprovement(0)).fit(data);
    assertThat(never.converged()).isFalse();
    assertThat(never.iterations()).isEqualTo(20); // 20 * 3000 / 128 = 468 steps = 20 epochs
    KMeansModel patient = new MiniBatchKMeans(p).fit(data);
    assertThat(patient.converged()).isTrue();
    assertThat(patient.iterations()).isLessThan(20);
    KMeansModel tolerant = new MiniBatchKMeans(p.withMaxNoImprovement(0).withTol(1e-2)).fit(data);
    assertThat(tolerant.converged()).isTrue();
    assertThat(tolerant.iterations()).isLessThan(20);
    assertThat(patient.inertia()).isLessThanOrEqualTo(1.02 * never.inertia());
  }

  @Test
  void learn_bulkWithOneCluster_centerIsExactRunningWeightedMean() {
    double[][] data = blobs(500, 3, 2, 2.0, 1);
    double[] weights = new double[data.length];
    SplittableRandom rng = new SplittableRandom(2);
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 0.5 + rng.nextDouble();
    }
    MiniBatchKMeans mb = new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(1));
    double[] sum = new double[3];
    double total = 0;
    for (int from = 0; from < data.length; from += 50) {
      double[][] batch = Arrays.copyOfRange(data, from, from + 50);
      mb.learn(batch, Arrays.copyOfRange(weights, from, from + 50));
      for (int i = from; i < from + 50; i++) {
        for (int t = 0; t < 3; t++) {
          sum[t] += weights[i] * data[i][t];
        }
        total += weights[i];
      }
      Centroids c = mb.snapshot();
      assertThat(c.weight(0)).isCloseTo(total, within(1e-9));
      for (int t = 0; t < 3; t++) {
        assertThat(c.center(0)[t]).isCloseTo(sum[t] / total, within(1e-9));
      }
    }
    assertThat(mb.steps()).isEqualTo(10);
    assertThat(mb.seen()).isEqualTo(500);
  }

  @Test
  void learn_singlePoints_stepEveryBatchSizeAfterInitialisation() {
    double[][] data = blobs(1_000, 2, 3, 1.0, 3);
    MiniBatchKMeans mb = new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(3).withBatchSize(100));
    for (int i = 0; i < 99; i++) {
      mb.learn(data[i]);
    }
    assertThat(mb.isReady()).isFalse();
    assertThatThrownBy(() -> mb.predict(data[0])).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("100");
    mb.learn(data[99]);
    assertThat(mb.isReady()).isTrue();
    assertThat(mb.steps()).isEqualTo(1);
    for (int i = 100; i < 1_000; i++) {
      mb.learn(data[i]);
    }
    assertThat(mb.steps()).isEqualTo(10);
    double total = 0;
    for (int j = 0; j < 3; j++) {
      total += mb.snapshot().weight(j);
    }
    assertThat(total).as("counts sum to the points learned, bar reassignment resets").isLessThanOrEqualTo(1_000);
  }

  @Test
  void learn_starvedCenter_reassignedToLivePoints() {
    // Blob C appears only in the first batch; afterwards its center receives nothing, its
    // count falls below 1% of the largest and it must be moved onto a current point.
    SplittableRandom rng = new SplittableRandom(4);
    double[][] first = new double[90][];
    for (int i = 0; i < 90; i++) {
      double cx = i % 3 == 0 ? -10 : i % 3 == 1 ? 10 : 0;
      double cy = i % 3 == 2 ? 40 : 0;
      first[i] = new double[] {cx + rng.nextGaussian() * 0.3, cy + rng.nextGaussian() * 0.3};
    }
    for (double ratio : new double[] {0.0, 0.01}) {
      MiniBatchKMeans mb = new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(3)
          .withReassignmentRatio(ratio).withSeed(1));
      mb.learn(first);
      SplittableRandom r2 = new SplittableRandom(5);
      for (int step = 0; step < 200; step++) {
        double[][] batch = new double[60][];
        for (int i = 0; i < 60; i++) {
          batch[i] = new double[] {(i % 2 == 0 ? -10 : 10) + r2.nextGaussian() * 0.3, r2.nextGaussian() * 0.3};
        }
        mb.learn(batch);
      }
      boolean anyNearC = false;
      for (double[] c : mb.snapshot().centers()) {
        anyNearC |= c[1] > 20;
      }
      assertThat(anyNearC).as("a center still at the vanished blob, ratio %s", ratio).isEqualTo(ratio == 0.0);
    }
  }

  @Test
  void learn_badInput_rejectedWithoutChange() {
    MiniBatchKMeans mb = new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(3));
    assertThatThrownBy(() -> mb.learn(new double[][] {{1, 2}, {3, 4}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least k = 3");
    assertThat(mb.seen()).isZero();
    assertThat(mb.dimension()).isZero();
    assertThatThrownBy(() -> mb.learn(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[] {1, 0, 1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> mb.fit(new double[][] {{1, 2}})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MiniBatchKMeans.Params.DEFAULTS.withReassignmentRatio(2))
        .hasMessageContaining("reassignmentRatio");
    assertThatThrownBy(() -> MiniBatchKMeans.Params.DEFAULTS.withBatchSize(0)).hasMessageContaining("batchSize");
  }

  @Test
  void learn_fewerDistinctPointsThanK_centersCoincideButLearningContinues() {
    double[][] same = new double[20][];
    for (int i = 0; i < 20; i++) {
      same[i] = new double[] {i % 2, 0};
    }
    MiniBatchKMeans mb = new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(4));
    mb.learn(same);
    assertThat(mb.snapshot().clusterCount()).isEqualTo(4);
    assertThat(mb.predict(new double[] {1, 0})).isBetween(0, 3);
  }

  private static double[][] blobs(int n, int d, int k, double spread, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] centers = new double[k][d];
    for (double[] c : centers) {
      for (int t = 0; t < d; t++) {
        c[t] = rng.nextDouble(-10, 10);
      }
    }
    java.util.Random g = new java.util.Random(seed);
    double[][] data = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < d; t++) {
        data[i][t] = centers[i % k][t] + spread * g.nextGaussian();
      }
    }
    return data;
  }
}

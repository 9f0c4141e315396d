package io.eddy.features;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import io.eddy.kmeans.KMeans;
import io.eddy.testkit.ForgedRecords;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Forged records of the features module's states (issue 14, second audit), through {@link
 * ForgedRecords}: payloads rewritten with extreme values under a correct checksum either load as
 * a state that saves and loads again, or fail with {@link ModelFormatException}.
 */
class Issue14ForgedFeatureRecordsTest {

  private static final int CASES_PER_STATE = 2000;

  private static List<Object> states() {
    double[][] rows = {{1, 10, Double.NaN}, {2, 30, 5}, {4, 20, 6}, {8, 60, 7}, {3, 15, 6}, {9, 70, 8}};
    Pipeline pipeline = Pipeline.builder(List.of("a", "b", "c"))
        .oneHot("kind", OneHotEncoder.Params.DEFAULTS)
        .then(SimpleImputer.Params.DEFAULTS)
        .then(StandardScaler.Params.DEFAULTS)
        .then(Pca.Params.components(2))
        .fit(rows, new String[][] {{"x"}, {"y"}, {"x"}, {"z"}, {"y"}, {"x"}});
    Pipeline numeric = Pipeline.builder(List.of("a", "b", "c"))
        .then(KnnImputer.Params.DEFAULTS.withNeighbors(2))
        .then(RobustScaler.Params.DEFAULTS, List.of("a", "b"))
        .then(MinMaxScaler.Params.DEFAULTS)
        .fit(rows);
    double[][] x = numeric.transformAll(rows);
    SegmentationBundle bundle = SegmentationBundle.train(numeric,
        new KMeans(KMeans.Params.DEFAULTS.withK(2).withThreads(1)).fit(x), rows, false, Map.of("run", "1"));
    StreamingStandardScaler standard = new StreamingStandardScaler();
    StreamingMinMaxScaler minMax = new StreamingMinMaxScaler();
    StreamingMaxAbsScaler maxAbs = new StreamingMaxAbsScaler();
    for (double[] r : x) {
      standard.learn(r);
      minMax.learn(r);
      maxAbs.learn(r);
    }
    IncrementalRfm rfm = new IncrementalRfm();
    rfm.accept(new Transaction("c1", 1000, "p", "i1", 2, 20, false));
    rfm.accept(new Transaction("c1", 1000, "p", "i1", 2, 20, false));
    rfm.accept(new Transaction("c2", 5000, "q", "i2", 1, 7.5, false));
    rfm.accept(new Transaction("c2", 6000, "q", "i3", -1, -7.5, false));
    return List.of(pipeline, bundle, standard, minMax, maxAbs, rfm, MaxAbsScaler.fit(rows),
        Log1pTransformer.Params.DEFAULTS.fit(rows, List.of("a", "b", "c")));
  }

  @Test
  void read_forgedPayloadsWithValidChecksum_validStateOrModelFormatException() {
    long seed = 1414;
    for (Object state : states()) {
      ForgedRecords.check(state, seed++, CASES_PER_STATE);
    }
  }

  // Counters are checked to add up (kept + dropped = seen), but their sum could wrap: kept =
  // Long.MAX_VALUE with 2 dropped "added up" to a seen of -2^63 + 1, and that state loaded.
  @Test
  void read_rfmCountersThatWrap_modelFormatException() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    DataOutputStream p = new DataOutputStream(buf);
    p.writeBoolean(true);
    p.writeBoolean(true);
    p.writeLong(Long.MIN_VALUE + 1); // seen
    p.writeLong(Long.MAX_VALUE); // kept
    int rules = CleaningRule.values().length;
    p.writeInt(rules);
    for (int i = 0; i < rules; i++) {
      p.writeLong(i == 0 ? 2 : 0);
    }
    p.writeInt(0); // no customers
    assertThatThrownBy(() -> ModelIO.fromBytes(ForgedRecords.frame("features.incremental-rfm", 1, buf.toByteArray()), Object.class))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("overflow");
  }
}

package io.eddy.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.io.ModelIO;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quickstart of {@code features/README.md}, compiled and run; keep the two in step. */
class ReadmeSnippetTest {

  @Test
  void readmeQuickstart_runsAsWritten() throws Exception {
    double[][] numericRows = {{23, 15, 39}, {35, Double.NaN, 81}, {51, 40, 6}, {28, 77, 77}, {64, 19, 52}};
    String[][] categoricalRows = {{"Male"}, {"Female"}, {"Female"}, {"Male"}, {"Female"}};
    double[] numericRow = {40, 60, 50};
    String[] categoricalRow = {"Female"};

    Pipeline p = Pipeline.builder(List.of("age", "income", "score"))
        .oneHot("gender", OneHotEncoder.Params.DEFAULTS.withUnseen(OneHotEncoder.Unseen.ZEROS))
        .then(SimpleImputer.Params.DEFAULTS.withStrategy(SimpleImputer.Strategy.MEDIAN))
        .then(Log1pTransformer.Params.DEFAULTS, List.of("income"))     // a column subset
        .then(StandardScaler.Params.DEFAULTS)
        .fit(numericRows, categoricalRows);
    double[] out = new double[p.outputDimension()];
    p.transform(numericRow, categoricalRow, out);                       // no allocation
    byte[] saved = ModelIO.toBytes(p);                                  // versioned, checksummed

    assertThat(p.outputNames()).containsExactly("age", "income", "score", "gender_Female", "gender_Male");
    assertThat(ModelIO.fromBytes(saved, Pipeline.class).transform(numericRow, categoricalRow)).containsExactly(out);
  }
}

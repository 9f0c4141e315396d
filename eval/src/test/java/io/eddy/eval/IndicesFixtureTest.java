package io.eddy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every index against scikit-learn 1.2.1 on its bundled data sets and planted blobs. */
class IndicesFixtureTest {

  /** 1e-10 relative, as a percentage. */
  private static final double REL = 1e-8;

  static Stream<Arguments> labelings() {
    List<Arguments> out = new ArrayList<>();
    for (String name : Fixture.NAMES) {
      Fixture f = Fixture.load(name);
      for (String which : new String[] {"truth", "pred", "noisy"}) {
        out.add(Arguments.of(f, which));
      }
    }
    return out.stream();
  }

  static Stream<Fixture> fixtures() {
    return Stream.of(Fixture.NAMES).map(Fixture::load);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("labelings")
  void internalIndices_matchScikitLearn(Fixture f, String which) {
    int[] labels = f.labels(which);
    assertThat(InternalIndices.wcss(f.data, labels))
        .isCloseTo(f.expected(which + ".wcss"), withinPercentage(REL));
    assertThat(InternalIndices.daviesBouldin(f.data, labels))
        .isCloseTo(f.expected(which + ".davies_bouldin"), withinPercentage(REL));
    assertThat(InternalIndices.calinskiHarabasz(f.data, labels))
        .isCloseTo(f.expected(which + ".calinski_harabasz"), withinPercentage(REL));
    InternalIndices.Summary all = InternalIndices.summary(f.data, labels);
    assertThat(all.wcss()).isCloseTo(f.expected(which + ".wcss"), withinPercentage(REL));
    assertThat(all.daviesBouldin()).isCloseTo(f.expected(which + ".davies_bouldin"), withinPercentage(REL));
    assertThat(all.calinskiHarabasz()).isCloseTo(f.expected(which + ".calinski_harabasz"), withinPercentage(REL));
    Silhouette.Result s = Silhouette.exact(f.data, labels, 2);
    assertThat(s.score()).isCloseTo(f.expected(which + ".silhouette"), withinPercentage(REL));
    int noise = which.equals("noisy") ? (f.data.length + 6) / 7 : 0;
    assertThat(s.noise()).isEqualTo(noise);
    assertThat(s.scored()).isEqualTo(f.data.length - noise);
    Silhouette.Result simple = Silhouette.simplified(f.data, labels);
    assertThat(simple.score())
        .isCloseTo(f.expected(which + ".simplified_silhouette"), withinPercentage(REL));
    assertThat(simple.noise()).isEqualTo(noise);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void samples_matchScikitLearnPointByPoint(Fixture f) {
    double[] s = Silhouette.samples(f.data, f.pred, 1);
    for (int i = 0; i < s.length; i++) {
      assertThat(s[i]).as("point %d", i).isCloseTo(f.silhouettePred[i], within(1e-10));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void externalIndices_matchScikitLearn(Fixture f) {
    ContingencyTable t = ContingencyTable.of(f.truth, f.pred);
    assertThat(t.adjustedRand()).isCloseTo(f.expected("pred.ari"), withinPercentage(REL));
    assertThat(t.normalizedMutualInformation()).isCloseTo(f.expected("pred.nmi"), withinPercentage(REL));
    assertThat(t.purity()).isCloseTo(f.expected("pred.purity"), withinPercentage(REL));
    for (NoisePolicy policy : NoisePolicy.values()) {
      String key = "noisy." + policy.name().toLowerCase() + ".";
      ContingencyTable n = ContingencyTable.of(f.truth, f.noisy, policy);
      assertThat(n.adjustedRand()).as(key + "ari").isCloseTo(f.expected(key + "ari"), withinPercentage(REL));
      assertThat(n.normalizedMutualInformation()).as(key + "nmi")
          .isCloseTo(f.expected(key + "nmi"), withinPercentage(REL));
      assertThat(n.purity()).as(key + "purity").isCloseTo(f.expected(key + "purity"), withinPercentage(REL));
    }
  }
}

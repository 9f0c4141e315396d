package io.eddy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.hierarchy.Dendrogram;
import io.eddy.kmeans.KMeans;
import io.eddy.kmeans.KMeansModel;
import io.eddy.mixture.GaussianMixture;
import io.eddy.mixture.GaussianMixtureModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The batch models' public API against a hostile caller (issue 14, second audit): each case
 * threw something other than {@link IllegalArgumentException} before its fix, a
 * NullPointerException or, for a sample of 2^31 - 1 points, an OutOfMemoryError.
 */
class Issue14BatchApiAuditTest {

  @TestFactory
  Stream<DynamicTest> batchModels_hostileArguments_throwIllegalArgument() {
    double[][] data = {{0, 0}, {0.1, 0.2}, {5, 5}, {5.2, 5.1}, {9, 0}, {9.3, 0.2}};
    KMeansModel km = new KMeans(KMeans.Params.DEFAULTS.withK(2).withThreads(1)).fit(data);
    GaussianMixtureModel gm = new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(2).withThreads(1)).fit(data);
    Map<String, ThrowingCallable> cases = new LinkedHashMap<>();
    cases.put("GaussianMixtureModel.of(null type)",
        () -> GaussianMixtureModel.of(null, new double[] {1}, new double[][] {{0}}, new double[] {1}));
    cases.put("GaussianMixtureModel.sample(2^31 - 1)", () -> gm.sample(Integer.MAX_VALUE, 1));
    cases.put("KMeansModel.transform(point, null)", () -> km.transform(data[0], null));
    cases.put("new KMeansModel(null centers)", () -> new KMeansModel(null, 2, new double[] {1}, 0, 0, true, new int[0]));
    cases.put("new KMeansModel(null labels)",
        () -> new KMeansModel(new double[] {0, 0}, 2, new double[] {1}, 0, 0, true, null));
    cases.put("Dendrogram.of(null left)", () -> Dendrogram.of(2, null, new int[] {0}, new double[] {1}));
    return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
        () -> assertThatThrownBy(e.getValue()).isInstanceOf(IllegalArgumentException.class)));
  }
}

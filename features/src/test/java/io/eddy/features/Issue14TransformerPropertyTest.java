package io.eddy.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.Points;
import io.eddy.io.ModelIO;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A seeded property test of the feature transformers over hostile data (issue 14, second
 * audit): columns of extreme magnitudes (up to Points.MAX_ABS and beyond), subnormals, exact
 * ties, constant columns and missing values. Every fit either rejects the data with
 * IllegalArgumentException or gives a transformer that maps every training row to finite
 * values (NaN only where an input was missing and the transformer does not impute) and whose
 * state saves and loads again unchanged.
 */
class Issue14TransformerPropertyTest {

  private static final double[] SCALES = {1e-320, 1e-300, 1e-150, 1e-8, 1, 1e8, 1e150, 1e300 / 1e200, Points.MAX_ABS, 1e101, 1e200};

  private static final List<TransformerSpec> SPECS = List.of(StandardScaler.Params.DEFAULTS,
      MinMaxScaler.Params.DEFAULTS, MaxAbsScaler.Params.DEFAULTS, RobustScaler.Params.DEFAULTS,
      SimpleImputer.Params.DEFAULTS, SimpleImputer.Params.DEFAULTS.withStrategy(SimpleImputer.Strategy.MEDIAN),
      KnnImputer.Params.DEFAULTS.withNeighbors(2),
      KnnImputer.Params.DEFAULTS.withNeighbors(2).withWeights(KnnImputer.Weights.DISTANCE),
      Log1pTransformer.Params.DEFAULTS, Pca.Params.components(2), Pca.Params.components(2).withWhiten(true),
      Pca.Params.varianceFraction(0.9));

  @Test
  void fit_hostileColumns_rejectedOrFiniteAndPersistent() throws Exception {
    SplittableRandom r = new SplittableRandom(2026);
    for (int c = 0; c < 400; c++) {
      int n = 2 + r.nextInt(12);
      int d = 2 + r.nextInt(3);
      double[][] data = new double[n][d];
      boolean[] missingAnywhere = new boolean[d];
      for (int j = 0; j < d; j++) {
        double scale = SCALES[r.nextInt(SCALES.length)];
        boolean constant = r.nextInt(5) == 0;
        double base = (r.nextBoolean() ? 1 : -1) * scale * r.nextDouble();
        for (int i = 0; i < n; i++) {
          double v = constant ? base : (r.nextBoolean() ? 1 : -1) * scale * r.nextDouble();
          if (r.nextInt(6) == 0) {
            v = Math.round(v / scale) * scale; // ties
          }
          data[i][j] = r.nextInt(9) == 0 ? Double.NaN : v;
          missingAnywhere[j] |= Double.isNaN(data[i][j]);
        }
      }
      for (TransformerSpec spec : SPECS) {
        String what = "case " + c + ", " + spec;
        Transformer t;
        try {
          t = spec.fit(data, Features.defaultNames(d));
        } catch (IllegalArgumentException rejected) {
          continue;
        }
        boolean imputes = spec instanceof SimpleImputer.Params || spec instanceof KnnImputer.Params;
        for (double[] row : data) {
          boolean rowMissing = false;
          for (double v : row) {
            rowMissing |= Double.isNaN(v);
          }
          double[] out = t.transform(row);
          for (int j = 0; j < out.length; j++) {
            // log(1 + x) of x < -1 is NaN by definition (documented); -1 gives -Infinity.
            boolean outOfDomain = spec instanceof Log1pTransformer.Params && !(row[j] > -1);
            if (outOfDomain) {
              continue;
            }
            boolean mayBeNaN = !imputes && (spec instanceof Pca.Params ? rowMissing : Double.isNaN(row[j]));
            if (!(mayBeNaN && Double.isNaN(out[j]))) {
              assertThat(out[j]).as(what + ", row %s, output %d", java.util.Arrays.toString(row), j).isFinite();
            }
          }
        }
        byte[] saved = ModelIO.toBytes(t);
        assertThat(ModelIO.toBytes(ModelIO.fromBytes(saved, Object.class))).as(what).isEqualTo(saved);
      }
    }
  }
}

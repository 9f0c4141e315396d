package io.eddy.eval;

/**
 * External quality indices: agreement of a clustering with known classes. Shorthands for
 * building a {@link ContingencyTable} and asking it; build the table once when several
 * indices are wanted.
 *
 * <p>Predicted NOISE labels follow {@link NoisePolicy#CLUSTER} (scikit-learn's behaviour)
 * unless a policy is given. Each method throws {@link IllegalArgumentException} for null
 * arrays, arrays of different lengths or no points. Thread-safe; inputs are not modified.
 */
public final class ExternalIndices {

  private ExternalIndices() {}

  /** The adjusted Rand index; see {@link ContingencyTable#adjustedRand()}. */
  public static double adjustedRand(int[] truth, int[] predicted) {
    return ContingencyTable.of(truth, predicted).adjustedRand();
  }

  /** The adjusted Rand index under a noise policy. */
  public static double adjustedRand(int[] truth, int[] predicted, NoisePolicy policy) {
    return ContingencyTable.of(truth, predicted, policy).adjustedRand();
  }

  /** The NMI, arithmetic; see {@link ContingencyTable#normalizedMutualInformation()}. */
  public static double normalizedMutualInformation(int[] truth, int[] predicted) {
    return ContingencyTable.of(truth, predicted).normalizedMutualInformation();
  }

  /** The NMI under a noise policy. */
  public static double normalizedMutualInformation(int[] truth, int[] predicted, NoisePolicy policy) {
    return ContingencyTable.of(truth, predicted, policy).normalizedMutualInformation();
  }

  /** The NMI with the given normalization; see {@link ContingencyTable#normalizedMutualInformation(ContingencyTable.Normalization)}. */
  public static double normalizedMutualInformation(int[] truth, int[] predicted,
      ContingencyTable.Normalization normalization) {
    return ContingencyTable.of(truth, predicted).normalizedMutualInformation(normalization);
  }

  /** The adjusted mutual information, arithmetic; see {@link ContingencyTable#adjustedMutualInformation()}. */
  public static double adjustedMutualInformation(int[] truth, int[] predicted) {
    return ContingencyTable.of(truth, predicted).adjustedMutualInformation();
  }

  /** The V-measure with beta 1; see {@link ContingencyTable#vMeasure()}. */
  public static double vMeasure(int[] truth, int[] predicted) {
    return ContingencyTable.of(truth, predicted).vMeasure();
  }

  /** The Fowlkes–Mallows index; see {@link ContingencyTable#fowlkesMallows()}. */
  public static double fowlkesMallows(int[] truth, int[] predicted) {
    return ContingencyTable.of(truth, predicted).fowlkesMallows();
  }

  /** The Rand index, not adjusted; see {@link ContingencyTable#rand()}. */
  public static double rand(int[] truth, int[] predicted) {
    return ContingencyTable.of(truth, predicted).rand();
  }

  /** The purity; see {@link ContingencyTable#purity()}. */
  public static double purity(int[] truth, int[] predicted) {
    return ContingencyTable.of(truth, predicted).purity();
  }

  /** The purity under a noise policy. */
  public static double purity(int[] truth, int[] predicted, NoisePolicy policy) {
    return ContingencyTable.of(truth, predicted, policy).purity();
  }
}

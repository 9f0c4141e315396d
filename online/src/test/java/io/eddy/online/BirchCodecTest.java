package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import io.eddy.testkit.Blobs;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Birch's state and model records: truncation, invalid trees, and resuming through rebuilds. */
class BirchCodecTest {

  private static final Birch.Params SMALL = Birch.Params.DEFAULTS.withThreshold(0.2).withBranchingFactor(3)
      .withMaxSubclusters(30);

  private static Birch learned(int points) {
    Birch c = new Birch(SMALL);
    c.learn(Arrays.copyOf(Blobs.generate(3, 400, 2, 3, 0.6).points(), points));
    return c;
  }

  @Test
  public void read_everyTruncation_throwsModelFormatException() {
    for (int points : new int[] {0, 5, 400}) {
      ModelIOCorruptionTest.assertEveryTruncationRejected(ModelIO.toBytes(learned(points)));
    }
  }

  @Test
  public void resume_afterRebuilds_bitForBit() throws ModelFormatException {
    double[][] x = Blobs.generate(3, 400, 2, 3, 0.6).points();
    Birch straight = new Birch(SMALL);
    straight.learn(x);
    assertThat(straight.rebuildCount()).isPositive();
    Birch first = new Birch(SMALL);
    first.learn(Arrays.copyOf(x, 250));
    Birch resumed = ModelIO.fromBytes(ModelIO.toBytes(first), Birch.class);
    assertThat(resumed.threshold()).isEqualTo(first.threshold());
    resumed.learn(Arrays.copyOfRange(x, 250, 400));
    assertThat(ModelIO.toBytes(resumed)).isEqualTo(ModelIO.toBytes(straight));
    assertThat(resumed.snapshot()).isEqualTo(straight.snapshot());
    BirchModel back = ModelIO.fromBytes(ModelIO.toBytes(straight.snapshot()), BirchModel.class);
    assertThat(back).isEqualTo(straight.snapshot());
    assertThat(back.centers()).isDeepEqualTo(straight.snapshot().centers());
  }

  /** A valid description: a root over two leaves, listed second-first. */
  private static Object[] tree() {
    boolean[] leaf = {false, true, true};
    int[] sizes = {2, 1, 2};
    double[][] f = {
        {1, 0, 1, 1},
        {2, 0.5, 5, 2.5},
        {1, 0, 1, 1},
        {1, 0, 2, 2},
        {1, 0, 3, 3}};
    int[] child = {1, 2, BirchTree.NONE, BirchTree.NONE, BirchTree.NONE};
    int[] order = {2, 1};
    return new Object[] {leaf, sizes, f, child, order};
  }

  private static BirchTree restore(Object[] t) {
    return BirchTree.restore(1, 3, 0.5, (boolean[]) t[0], (int[]) t[1], (double[][]) t[2], (int[]) t[3], (int[]) t[4]);
  }

  @Test
  public void restore_validTree_keepsLeafOrder() {
    BirchTree t = restore(tree());
    assertThat(t.subclusters).isEqualTo(3);
    assertThat(t.nearestSubcluster(new double[] {1})).as("leaf 2 comes first").isEqualTo(2);
    assertThat(t.nearestSubcluster(new double[] {2})).isEqualTo(0);
  }

  @Test
  public void restore_invalidTrees_rejected() {
    Object[] twice = tree();
    ((int[]) twice[3])[1] = 1;
    Object[] leafWithChild = tree();
    ((boolean[]) leafWithChild[0])[0] = true;
    Object[] listedTwice = tree();
    listedTwice[4] = new int[] {1, 1};
    Object[] internalListed = tree();
    internalListed[4] = new int[] {0, 1};
    Object[] nan = tree();
    ((double[][]) nan[2])[3][2] = Double.NaN;
    Object[] zeroWeight = tree();
    ((double[][]) zeroWeight[2])[4][0] = 0;
    Object[] negativeSsd = tree();
    ((double[][]) negativeSsd[2])[1][1] = -1;
    Object[] extraEntry = tree();
    extraEntry[2] = Arrays.copyOf((double[][]) extraEntry[2], 6);
    ((double[][]) extraEntry[2])[5] = new double[] {1, 0, 0, 0};
    for (Object[] bad : new Object[][] {twice, leafWithChild, listedTwice, internalListed, nan, zeroWeight,
        negativeSsd, extraEntry}) {
      assertThatThrownBy(() -> restore(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}

package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import io.eddy.testkit.Blobs;
import java.nio.ByteBuffer;
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

  /** A birch.state record of SMALL's configuration, dimension 1, around a tree description. */
  private static byte[] record(Object[] t) {
    boolean[] leaf = (boolean[]) t[0];
    int[] sizes = (int[]) t[1];
    double[][] f = (double[][]) t[2];
    int[] child = (int[]) t[3];
    int[] order = (int[]) t[4];
    ByteBuffer tree = ByteBuffer.allocate(4096);
    tree.putLong(5).putInt(0).putInt(1); // seen, rebuilds, dimension
    tree.putDouble(0.5).putInt(sizes.length);
    for (int i = 0, e = 0; i < sizes.length; i++) {
      tree.put((byte) (leaf[i] ? 1 : 0)).putInt(sizes[i]);
      for (int s = 0; s < sizes[i] && e < f.length; s++, e++) {
        for (double v : f[e]) {
          tree.putDouble(v);
        }
        if (!leaf[i]) {
          tree.putInt(child[e]);
        }
      }
    }
    for (int e = Arrays.stream(sizes).sum(); e < f.length; e++) {
      for (double v : f[e]) {
        tree.putDouble(v); // entries beyond what the nodes hold
      }
    }
    tree.putInt(order.length);
    for (int v : order) {
      tree.putInt(v);
    }
    byte[] fresh = payload(ModelIO.toBytes(new Birch(SMALL)));
    // a fresh state's payload ends with seen, rebuilds and dimension: replace them
    byte[] out = Arrays.copyOf(fresh, fresh.length - 16 + tree.position());
    System.arraycopy(tree.array(), 0, out, fresh.length - 16, tree.position());
    return ModelIOFuzzTest.frame("birch.state", 1, out);
  }

  private static byte[] payload(byte[] record) {
    ByteBuffer b = ByteBuffer.wrap(record);
    b.position(8);
    b.position(b.position() + 2 + b.getShort() + 4);
    byte[] p = new byte[b.getInt()];
    b.get(p);
    return p;
  }

  private static BirchTree restore(Object[] t) throws ModelFormatException {
    return ModelIO.fromBytes(record(t), Birch.class).tree();
  }

  @Test
  public void read_validTree_keepsLeafOrder() throws ModelFormatException {
    BirchTree t = restore(tree());
    assertThat(t.subclusters).isEqualTo(3);
    assertThat(t.nearestSubcluster(new double[] {1})).as("leaf 2 comes first").isEqualTo(2);
    assertThat(t.nearestSubcluster(new double[] {2})).isEqualTo(0);
  }

  @Test
  public void read_invalidTrees_rejected() {
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
      assertThatThrownBy(() -> restore(bad)).isInstanceOf(ModelFormatException.class);
    }
  }
}

package io.eddy.math;

/**
 * SplitMix64 (Steele, Lea and Flood, OOPSLA 2014): a generator whose whole state is one
 * {@code long}, so that an algorithm can persist it exactly and, once restored, draw the same
 * numbers it would have drawn without stopping. From the same seed it yields the same
 * {@link #nextLong()} sequence as {@link java.util.SplittableRandom}, which has no such
 * accessor.
 *
 * <p>Not thread-safe; each call is O(1) and allocates nothing.
 */
public final class SplitMix64 {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  /**
   * A generator at the given state: a seed, or a value {@link #state()} returned earlier, from
   * which the sequence continues exactly.
   */
  public SplitMix64(long state) {
    this.state = state;
  }

  /** The whole state: a generator built from it continues this one's sequence. */
  public long state() {
    return state;
  }

  /** Sets the whole state, as a generator built from {@code state} would have it. */
  public void setState(long state) {
    this.state = state;
  }

  /** The next 64 uniformly distributed bits. */
  public long nextLong() {
    long z = (state += GOLDEN_GAMMA);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniform double in [0, 1): the top 53 bits of {@link #nextLong()}. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /**
   * A uniform int in {@code [0, bound)}, without modulo bias: Lemire's multiply-and-reject on
   * the top 31 bits of {@link #nextLong()}, which draws again only with probability below
   * {@code bound / 2^31}.
   *
   * @param bound &ge; 1
   * @throws IllegalArgumentException if {@code bound < 1}
   */
  public int nextInt(int bound) {
    if (bound < 1) {
      throw new IllegalArgumentException("bound must be >= 1, got " + bound);
    }
    long r = nextLong() >>> 33;
    long m = r * bound;
    long l = m & 0x7FFFFFFFL;
    if (l < bound) {
      long t = (0x80000000L - bound) % bound;
      while (l < t) {
        r = nextLong() >>> 33;
        m = r * bound;
        l = m & 0x7FFFFFFFL;
      }
    }
    return (int) (m >>> 31);
  }
}

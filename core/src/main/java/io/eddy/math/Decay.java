package io.eddy.math;

/**
 * Exponential fading in base 2, {@code f(dt) = 2^(-lambda * dt)}, the decay function of the
 * density-based stream clusterers (DenStream, DBSTREAM).
 *
 * <p>Every method is safe for any finite, non-negative {@code lambda} and {@code dt}, however
 * large: the exponent is always non-positive, so a long idle gap fades a weight to 0 instead of
 * overflowing to infinity or producing NaN (River computed {@code 2^(+lambda*dt)} and divided,
 * which overflows). Pure functions; no allocation.
 */
public final class Decay {

  private Decay() {}

  /**
   * The fading factor {@code 2^(-lambda * dt)}, in (0, 1] for {@code dt >= 0} (0 once it
   * underflows).
   *
   * @param lambda the decay rate per time unit, finite and &ge; 0
   * @param dt the elapsed time, finite and &ge; 0
   */
  public static double factor(double lambda, double dt) {
    if (dt == 0) {
      return 1.0;
    }
    return Math.pow(2.0, -(lambda * dt));
  }

  /**
   * {@code 1 - 2^(-lambda * dt)}, accurate also when {@code lambda * dt} is tiny (where the
   * direct subtraction would lose every digit).
   */
  public static double complement(double lambda, double dt) {
    return -Math.expm1(-(lambda * dt) * LN2);
  }

  private static final double LN2 = Math.log(2.0);
}

package io.amlmonitor.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The few distributions the generator needs, over a caller-supplied random stream.
 *
 * <p>Implementation note: everything transcendental goes through {@link StrictMath}, and the normal
 * deviate is our own Box-Muller rather than {@code nextGaussian()}, whose JDK code uses {@link
 * Math}. {@code Math.exp} and {@code Math.log} may differ in the last bit between CPUs, and one bit
 * is enough to change a rounded cent, so only strict maths keeps a seed's output byte-identical on
 * every machine.
 */
final class Sampling {
  private static final double TWO_PI = 2 * StrictMath.PI;

  private Sampling() {}

  /** A standard normal deviate (Box-Muller, one of the pair). */
  static double gaussian(SplittableRandom rng) {
    double radius = StrictMath.sqrt(-2 * StrictMath.log(1 - rng.nextDouble()));
    return radius * StrictMath.cos(TWO_PI * rng.nextDouble());
  }

  /** A log-normal value: {@code median} times e to a normal deviate times {@code sigma}. */
  static double logNormal(SplittableRandom rng, double median, double sigma) {
    return median * StrictMath.exp(sigma * gaussian(rng));
  }

  /** An exponential deviate with mean 1. */
  static double exponential(SplittableRandom rng) {
    return -StrictMath.log(1 - rng.nextDouble());
  }

  /** A log-normal amount in cents with the given median (in currency units), clamped. */
  static long amountCents(
      SplittableRandom rng, double median, double sigma, double min, double max) {
    double amount = logNormal(rng, median, sigma);
    return Math.round(Math.max(min, Math.min(max, amount)) * 100);
  }

  /** The mean of a log-normal with this median and sigma. */
  static double logNormalMean(double median, double sigma) {
    return median * StrictMath.exp(sigma * sigma / 2);
  }

  /** A Poisson count; Knuth's method for small means, a normal approximation above 30. */
  static int poisson(SplittableRandom rng, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean >= 30) {
      return (int) Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * gaussian(rng)));
    }
    double limit = StrictMath.exp(-mean);
    double product = rng.nextDouble();
    int count = 0;
    while (product > limit) {
      count++;
      product *= rng.nextDouble();
    }
    return count;
  }

  /** A uniform integer in [min, max], both inclusive. */
  static int between(SplittableRandom rng, int min, int max) {
    return min + rng.nextInt(max - min + 1);
  }

  /** A uniform long in [min, max), for millisecond offsets. */
  static long betweenMillis(SplittableRandom rng, long min, long max) {
    return min + rng.nextLong(max - min);
  }

  static <T> T pick(SplittableRandom rng, List<T> items) {
    return items.get(rng.nextInt(items.size()));
  }

  static <T> T pick(SplittableRandom rng, T[] items) {
    return items[rng.nextInt(items.length)];
  }

  /** Running totals of {@code weights}, for {@link #pickCumulative}. */
  static double[] cumulative(double[] weights) {
    double[] totals = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      totals[i] = sum;
    }
    return totals;
  }

  /** An index drawn with probability proportional to its weight; binary search over totals. */
  static int pickCumulative(SplittableRandom rng, double[] cumulative) {
    double target = rng.nextDouble() * cumulative[cumulative.length - 1];
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > target) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }
}

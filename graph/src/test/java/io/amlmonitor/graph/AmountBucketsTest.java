package io.amlmonitor.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AmountBucketsTest {
  @Test
  void anAmountWithinTheToleranceAlwaysFallsInTheBandsBuckets() {
    SplittableRandom r = new SplittableRandom(3);
    for (double tolerance : new double[] {0, 0.05, 0.2, 0.5, 1}) {
      DetectionLimits limits = DetectionLimits.DEFAULT.withAmountTolerance(tolerance);
      AmountBuckets b = new AmountBuckets(tolerance);
      for (int i = 0; i < 100_000; i++) {
        long cents = 1 + r.nextLong(1_000_000_000L);
        long other =
            tolerance == 0
                ? cents
                : (long) (cents * (1 - tolerance + 2 * tolerance * r.nextDouble()));
        if (other < limits.low(cents) || other > limits.high(cents)) {
          continue;
        }
        assertThat(b.bit(other) & b.bits(limits.low(cents), limits.high(cents)))
            .as("tolerance %s, %d and %d", tolerance, cents, other)
            .isNotZero();
      }
    }
  }

  @Test
  void amountsFarApartUsuallyFallInDifferentBuckets() {
    AmountBuckets b = new AmountBuckets(0.2);
    assertThat(b.bit(10_000) & b.bits(48_000, 72_000)).isZero();
    AmountBuckets exact = new AmountBuckets(0);
    int shared = 0;
    for (long c = 1; c <= 6_400; c++) {
      shared += (exact.bit(c) & exact.bit(c + 1)) != 0 ? 1 : 0;
    }
    assertThat(shared).isLessThan(300);
  }
}

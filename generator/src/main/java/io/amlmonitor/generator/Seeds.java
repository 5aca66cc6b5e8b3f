package io.amlmonitor.generator;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from the one configured seed.
 *
 * <p>Each part of the generator (population, planning, each day) draws from its own stream, so that
 * changing how much one part draws never shifts the numbers another part sees. This keeps a day's
 * output a function of (seed, day) alone, which is what makes lazy, day-by-day generation
 * reproducible.
 */
final class Seeds {
  /** The parts of the generator that draw random numbers. */
  enum Purpose {
    POPULATION,
    PLANNING,
    DAY
  }

  private Seeds() {}

  static SplittableRandom random(long seed, Purpose purpose, long index) {
    return new SplittableRandom(mix(mix(seed) + mix(purpose.ordinal() + 1L) * 31 + index));
  }

  /** The SplitMix64 finaliser: spreads nearby inputs over the whole 64-bit range. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

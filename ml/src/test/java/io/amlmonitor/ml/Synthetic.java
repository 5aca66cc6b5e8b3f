package io.amlmonitor.ml;

import java.util.List;
import java.util.SplittableRandom;

/** Seeded synthetic labelled data: a rare positive class driven by interactions and a count. */
final class Synthetic {
  static final List<String> NAMES =
      List.of("amount", "txn_count_1h", "ratio", "noise_a", "noise_b");

  private Synthetic() {}

  /** {@code n} rows about a minute apart, in shuffled time order, ~5% positive. */
  static Dataset dataset(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Dataset.Builder b = Dataset.builder(NAMES);
    long start = 1_700_000_000_000L;
    for (int i = 0; i < n; i++) {
      double amount = Math.exp(5 + 2 * random.nextDouble());
      double count = random.nextInt(12);
      double ratio = random.nextDouble();
      double noiseA = random.nextDouble() * 2 - 1;
      double noiseB = random.nextInt(3);
      double logit = -4.2 + 0.35 * count + 2.5 * (ratio > 0.8 ? 1 : 0) * (amount > 500 ? 1 : 0);
      boolean label = random.nextDouble() < 1 / (1 + Math.exp(-logit));
      String group = label ? (count > 6 ? "velocity_burst" : "structuring") : "none";
      long t = start + (long) i * 60_000 + random.nextInt(120_000);
      b.add(t, new double[] {amount, count, ratio, noiseA, noiseB}, label, group);
    }
    return b.build();
  }
}

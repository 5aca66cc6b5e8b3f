package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import java.util.Arrays;

/**
 * Throw-away (session 11): FeatureReadBenchmark's reads, each timed cold (first) and at once again
 * warm (its lines now in cache), to split a read's time into compute and misses.
 */
public final class WarmReads {
  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    Scenario s = Scenario.generate(100_000, 1, 0);
    FeatureEngine e = s.loadedEngine();
    Transaction[] reads = s.workload.around(n, s.historyEndMillis(), 5 * 60_000L);
    long sink = 0;
    for (int round = 0; round < 3; round++) {
      long[] cold = new long[n];
      long[] warm = new long[n];
      for (int i = 0; i < n; i++) {
        Transaction t = reads[i];
        long t0 = System.nanoTime();
        sink += (long) e.featuresFor(t).get(0);
        long t1 = System.nanoTime();
        sink += (long) e.featuresFor(t).get(0);
        long t2 = System.nanoTime();
        cold[i] = t1 - t0;
        warm[i] = t2 - t1;
      }
      Arrays.sort(cold);
      Arrays.sort(warm);
      System.out.printf(
          "round %d: cold p50 %.2f p99 %.2f p99.9 %.2f us | warm (in cache) p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f us%n",
          round, q(cold, .5), q(cold, .99), q(cold, .999), q(warm, .5), q(warm, .9), q(warm, .99), q(warm, .999));
    }
    System.out.println("sink " + sink);
  }

  private static double q(long[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))] / 1000.0;
  }
}

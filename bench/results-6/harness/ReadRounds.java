package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Function;

/** Throw-away: one version's engine and reads; each call times every read of one round. */
public final class ReadRounds implements Function<Integer, double[]> {
  private final FeatureEngine engine;
  private final Transaction[] reads;
  private final long[] ns;
  private Object sink;

  public ReadRounds(Integer customers) {
    Scenario s = Scenario.generate(customers, 1, 0);
    engine = s.loadedEngine();
    reads = s.workload.around(1 << 18, s.historyEndMillis(), 5 * 60_000L);
    ns = new long[reads.length];
  }

  @Override
  public double[] apply(Integer ignored) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long cpu0 = mx.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    for (int i = 0; i < reads.length; i++) {
      long t0 = System.nanoTime();
      sink = engine.featuresFor(reads[i]);
      ns[i] = System.nanoTime() - t0;
    }
    long wall = System.nanoTime() - wall0;
    long cpu = mx.getCurrentThreadCpuTime() - cpu0;
    long[] sorted = ns.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return new double[] {
      sorted[n / 2], sorted[n * 9 / 10], sorted[n * 99 / 100], sorted[n * 999 / 1000],
      wall / (double) n, cpu / (double) n
    };
  }
}

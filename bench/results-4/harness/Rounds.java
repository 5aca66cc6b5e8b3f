package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.feature.InMemoryEntityStateStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Function;

/** Throw-away: one variant's scenario, rounds of loading then ingesting the stream. */
public final class Rounds implements Function<String, double[]> {
  private final Scenario s;
  private final int n;

  public Rounds(double days, int n) {
    this.s = Scenario.generate(100_000, days, n);
    this.n = n;
  }

  /** exclude: regex of feature names left out of the registry, or "" for the standard one. */
  @Override
  public double[] apply(String exclude) {
    FeatureRegistry std = FeatureRegistry.standard();
    FeatureRegistry reg = exclude.isEmpty() ? std
        : new FeatureRegistry(std.definitions().stream().filter(d -> !d.name().matches(exclude)).toList());
    FeatureEngine e = new FeatureEngine(reg, FeatureSettings.DEFAULT, new InMemoryEntityStateStore());
    for (Transaction t : s.history) {
      e.ingest(t);
    }
    System.gc();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      e.ingest(s.stream[i]);
    }
    long t1 = System.nanoTime();
    long c1 = mx.getCurrentThreadCpuTime();
    return new double[] {n / ((t1 - t0) / 1e9), n / ((c1 - c0) / 1e9)};
  }
}

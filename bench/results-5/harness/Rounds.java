package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.feature.InMemoryEntityStateStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Throw-away: one variant's scenario, rounds of loading then ingesting the stream. The mode is ""
 * (one by one, FeatureEngine.ingest) or "batch=N" (FeatureEngine.ingestAll on slices of N, found by
 * reflection so that the same harness runs against versions without it).
 */
public final class Rounds implements Function<String, double[]> {
  private final Scenario s;
  private final int n;

  public Rounds(double days, int n) {
    this.s = Scenario.generate(100_000, days, n);
    this.n = n;
  }

  @Override
  public double[] apply(String mode) {
    try {
      FeatureEngine e =
          new FeatureEngine(FeatureRegistry.standard(), FeatureSettings.DEFAULT, new InMemoryEntityStateStore());
      for (Transaction t : s.history) {
        e.ingest(t);
      }
      System.gc();
      int batch = mode.startsWith("batch=") ? Integer.parseInt(mode.substring(6)) : 0;
      Method all = batch > 0 ? FeatureEngine.class.getMethod("ingestAll", List.class) : null;
      List<Transaction> list = Arrays.asList(s.stream);
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      if (batch == 0) {
        for (int i = 0; i < n; i++) {
          e.ingest(s.stream[i]);
        }
      } else {
        for (int i = 0; i < n; i += batch) {
          all.invoke(e, list.subList(i, Math.min(n, i + batch)));
        }
      }
      long t1 = System.nanoTime();
      long c1 = mx.getCurrentThreadCpuTime();
      return new double[] {n / ((t1 - t0) / 1e9), n / ((c1 - c0) / 1e9)};
    } catch (ReflectiveOperationException ex) {
      throw new IllegalStateException(ex);
    }
  }
}

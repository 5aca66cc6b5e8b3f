package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.feature.InMemoryEntityStateStore;
import java.util.Arrays;
import java.util.List;
import one.profiler.AsyncProfiler;

/** Throw-away: Prof days n batch out rounds — load history, profile ingesting (batch 0 = one by one). */
public final class Prof {
  public static void main(String[] args) throws Exception {
    double days = Double.parseDouble(args[0]);
    int n = Integer.parseInt(args[1]);
    int batch = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[4]);
    Scenario s = Scenario.generate(Integer.parseInt(args[5]), days, n);
    AsyncProfiler ap = AsyncProfiler.getInstance("/tmp/ap/linux-x64/libasyncProfiler.so");
    List<Transaction> list = Arrays.asList(s.stream);
    for (int r = 0; r < rounds; r++) {
      FeatureEngine e = new FeatureEngine(FeatureRegistry.standard(), FeatureSettings.DEFAULT, new InMemoryEntityStateStore());
      for (Transaction t : s.history) {
        e.ingest(t);
      }
      System.gc();
      if (r == rounds - 1) {
        ap.execute("start,event=itimer,interval=250us");
      }
      long t0 = System.nanoTime();
      if (batch == 0) {
        for (int i = 0; i < n; i++) e.ingest(s.stream[i]);
      } else {
        for (int i = 0; i < n; i += batch) e.ingestAll(list.subList(i, Math.min(n, i + batch)));
      }
      long t1 = System.nanoTime();
      System.out.printf("round %d: %,.0f ev/s%n", r, n / ((t1 - t0) / 1e9));
    }
    ap.execute("stop,file=" + args[3] + ",collapsed");
  }
}

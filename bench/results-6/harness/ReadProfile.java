package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import one.profiler.AsyncProfiler;

/** Throw-away: profile of featuresFor reads as the benchmark makes them (cold). */
public final class ReadProfile {
  public static void main(String[] args) throws Exception {
    Scenario s = Scenario.generate(100_000, 1, 0);
    FeatureEngine e = s.loadedEngine();
    int n = 1 << 18;
    Transaction[] reads = s.workload.around(n, s.historyEndMillis(), 5 * 60_000L);
    AsyncProfiler ap = AsyncProfiler.getInstance("/tmp/ap/linux-x64/libasyncProfiler.so");
    int warm = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    for (int round = 0; round < 8; round++) {
      if (round == 3) ap.execute("start,event=" + args[1] + ",interval=100us");
      for (int i = 0; i < n; i++) {
        e.featuresFor(reads[i]);
        for (int k = 0; k < warm; k++) e.featuresFor(reads[i]);
      }
    }
    ap.execute("stop,file=" + args[0] + ",collapsed" + (args.length > 3 ? "," + args[3] : ""));
  }
}

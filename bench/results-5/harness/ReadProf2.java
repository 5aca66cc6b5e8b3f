package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import one.profiler.AsyncProfiler;

/** Throw-away: profile of featuresFor, cold (args[0]=cold) or each read repeated (warm). */
public final class ReadProf2 {
  public static void main(String[] args) throws Exception {
    Scenario s = Scenario.generate(100_000, 1, 0);
    FeatureEngine e = s.loadedEngine();
    int n = 1 << 18;
    Transaction[] reads = s.workload.around(n, s.historyEndMillis(), 5 * 60_000L);
    boolean warm = args[0].equals("warm");
    AsyncProfiler ap = AsyncProfiler.getInstance("/tmp/ap/linux-x64/libasyncProfiler.so");
    for (int round = 0; round < 6; round++) {
      if (round == 3) ap.execute("start,event=itimer,interval=200us");
      for (int i = 0; i < n; i++) {
        e.featuresFor(reads[i]);
        if (warm) for (int k = 0; k < 4; k++) e.featuresFor(reads[i]);
      }
    }
    ap.execute("stop,file=" + args[1] + ",collapsed");
  }
}

package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import java.util.*;
import one.profiler.AsyncProfiler;

/** Throw-away: the reads of the most active customers, repeated (warm), timed and profiled. */
public final class Heavy {
  public static void main(String[] args) throws Exception {
    Scenario s = Scenario.generate(100_000, 1, 0);
    FeatureEngine e = s.loadedEngine();
    int n = 1 << 18;
    Transaction[] reads = s.workload.around(n, s.historyEndMillis(), 5 * 60_000L);
    int idx24 = e.registry().indexOf("txn_count_24h");
    int min = Integer.parseInt(args[0]);
    List<Transaction> heavy = new ArrayList<>();
    for (Transaction t : reads) if (e.featuresFor(t).get(idx24) >= min) heavy.add(t);
    Transaction[] h = heavy.toArray(new Transaction[0]);
    System.out.println("heavy reads " + h.length);
    for (int round = 0; round < 20; round++) {
      long t0 = System.nanoTime();
      for (Transaction t : h) e.featuresFor(t);
      if (round % 5 == 4) System.out.printf("warm mean %d ns%n", (System.nanoTime() - t0) / h.length);
    }
    if (args.length > 1) {
      AsyncProfiler ap = AsyncProfiler.getInstance("/tmp/ap/linux-x64/libasyncProfiler.so");
      ap.execute("start,event=cpu,interval=100us");
      for (int round = 0; round < 40; round++) for (Transaction t : h) e.featuresFor(t);
      ap.execute("stop,file=" + args[1] + ",collapsed");
    }
  }
}

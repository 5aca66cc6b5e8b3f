package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import java.util.*;

/** Throw-away: times each featuresFor read and groups the slow ones by what they read. */
public final class ReadProf {
  public static void main(String[] args) throws Exception {
    Scenario s = Scenario.generate(100_000, 1, 0);
    FeatureEngine e = s.loadedEngine();
    int n = 1 << 18;
    Transaction[] reads = s.workload.around(n, s.historyEndMillis(), 5 * 60_000L);
    long[] ns = new long[n];
    for (int round = 0; round < 4; round++) {
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        e.featuresFor(reads[i]);
        ns[i] = System.nanoTime() - t0;
      }
    }
    long[] sorted = ns.clone();
    Arrays.sort(sorted);
    System.out.printf("p50 %d p90 %d p99 %d p99.9 %d%n", sorted[n / 2], sorted[n * 9 / 10], sorted[n * 99 / 100], sorted[n * 999 / 1000]);
    long p99 = sorted[n * 99 / 100];
    Map<String, long[]> byMerchant = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String m = reads[i].merchantId() == null ? "(none)" : reads[i].merchantId().value();
      long[] c = byMerchant.computeIfAbsent(m, k -> new long[3]);
      c[0]++; c[1] += ns[i]; if (ns[i] >= p99) c[2]++;
    }
    byMerchant.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[2], a.getValue()[2])).limit(12)
        .forEach(en -> System.out.printf("%-12s reads %6d mean %6d ns  slow(>=p99) %d%n", en.getKey(), en.getValue()[0], en.getValue()[1] / en.getValue()[0], en.getValue()[2]));
    // timing again the same read twice in a row: cold vs warm
    long cold = 0, warm = 0;
    for (int i = 0; i < 20000; i++) {
      long t0 = System.nanoTime(); e.featuresFor(reads[i]); long t1 = System.nanoTime(); e.featuresFor(reads[i]); long t2 = System.nanoTime();
      cold += t1 - t0; warm += t2 - t1;
    }
    System.out.printf("same read twice: first %d ns, second %d ns%n", cold / 20000, warm / 20000);
  }
}

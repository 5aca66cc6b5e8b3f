package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureVector;
import java.util.*;

/** Throw-away: per-read times, grouped by the customer's 24 h count and payee kind. */
public final class ReadDist {
  public static void main(String[] args) throws Exception {
    Scenario s = Scenario.generate(100_000, 1, 0);
    FeatureEngine e = s.loadedEngine();
    int n = 1 << 18;
    Transaction[] reads = s.workload.around(n, s.historyEndMillis(), 5 * 60_000L);
    long[] ns = new long[n];
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        e.featuresFor(reads[i]);
        ns[i] = System.nanoTime() - t0;
      }
      long[] sorted = ns.clone();
      Arrays.sort(sorted);
      System.out.printf("round %d: p50 %d p90 %d p99 %d p99.9 %d%n", round, sorted[n / 2], sorted[n * 9 / 10], sorted[n * 99 / 100], sorted[n * 999 / 1000]);
    }
    long[] sorted = ns.clone();
    Arrays.sort(sorted);
    long p99 = sorted[n * 99 / 100];
    TreeMap<Integer, long[]> byCount = new TreeMap<>();
    TreeMap<String, long[]> byKind = new TreeMap<>();
    int idx24 = e.registry().indexOf("txn_count_24h");
    int idxM = e.registry().indexOf("merchant_txn_count_1h");
    for (int i = 0; i < n; i++) {
      FeatureVector v = e.featuresFor(reads[i]);
      int c = (int) v.get(idx24);
      int bucket = c < 4 ? c : c < 8 ? 4 : c < 16 ? 8 : c < 32 ? 16 : c < 64 ? 32 : c < 128 ? 64 : 128;
      long[] a = byCount.computeIfAbsent(bucket, k -> new long[3]);
      a[0]++; a[1] += ns[i]; if (ns[i] >= p99) a[2]++;
      int m = (int) v.get(idxM);
      String kind = reads[i].merchantId() == null ? "transfer" : m > 1000 ? "merchant>1000" : m > 100 ? "merchant>100" : "merchant";
      long[] b = byKind.computeIfAbsent(kind, k -> new long[3]);
      b[0]++; b[1] += ns[i]; if (ns[i] >= p99) b[2]++;
    }
    byCount.forEach((k, a) -> System.out.printf("count24h>=%-4d reads %6d mean %6d ns slow %d%n", k, a[0], a[1] / a[0], a[2]));
    byKind.forEach((k, a) -> System.out.printf("%-14s reads %6d mean %6d ns slow %d%n", k, a[0], a[1] / a[0], a[2]));
  }
}

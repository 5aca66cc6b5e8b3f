package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.*;
import java.lang.management.ManagementFactory;

public final class RTIMain {
  public static void main(String[] args) throws Exception {
    int n = 600_000;
    Scenario s = Scenario.generate(100_000, 1, n);
    var mx = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < 6; r++) {
      boolean fetch = r % 2 == 1;
      FeatureEngine e = s.loadedEngine();
      long c0 = mx.getCurrentThreadCpuTime();
      RTI.run(e, s.stream, n, 32, fetch);
      long c1 = mx.getCurrentThreadCpuTime();
      System.out.printf("fetch=%s %,.0f read+ingest/s (cpu)%n", fetch, n / ((c1 - c0) / 1e9));
    }
  }
}

package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.*;

public final class Phase {
  public static void main(String[] args) throws Exception {
    double days = Double.parseDouble(args[0]);
    int n = Integer.parseInt(args[1]);
    int batch = Integer.parseInt(args[2]);
    Scenario s = Scenario.generate(Integer.parseInt(args[3]), days, n);
    for (int r = 0; r < 6; r++) {
      boolean fetch = r % 2 == 1;
      FeatureEngine e = new FeatureEngine(FeatureRegistry.standard(), FeatureSettings.DEFAULT, new InMemoryEntityStateStore());
      for (Transaction t : s.history) e.ingest(t);
      System.gc();
      double[] x = Phases.run(e, s.stream, n, batch, fetch);
      System.out.printf("fetch=%s hash %.0f ns, fetch %.0f ns, apply %.0f ns, total %.0f ns/event%n", fetch, x[0], x[1], x[2], x[0]+x[1]+x[2]);
    }
  }
}

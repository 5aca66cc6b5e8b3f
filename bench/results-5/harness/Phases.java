package io.amlmonitor.core.feature;

import io.amlmonitor.core.domain.Transaction;
import java.lang.reflect.Field;

/** Throw-away: times the read-ahead phases against the apply phase. */
public final class Phases {
  public static double[] run(FeatureEngine e, Transaction[] stream, int n, int batch, boolean fetch) throws Exception {
    Field f = FeatureEngine.class.getDeclaredField("store");
    f.setAccessible(true);
    EntityStateStore store = (EntityStateStore) f.get(e);
    ReadAhead r = new ReadAhead();
    long th = 0, tf = 0, ta = 0;
    for (int from = 0; from < n; from += batch) {
      int to = Math.min(n, from + batch);
      long t0 = System.nanoTime();
      r.hash(stream, from, to);
      long t1 = System.nanoTime();
      if (fetch) r.fetch(to - from, store);
      long t2 = System.nanoTime();
      for (int i = from; i < to; i++) e.ingest(stream[i]);
      long t3 = System.nanoTime();

      th += t1 - t0; tf += t2 - t1; ta += t3 - t2;
    }
    return new double[] {th / (double) n, tf / (double) n, ta / (double) n, r.sink};
  }
}

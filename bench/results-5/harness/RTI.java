package io.amlmonitor.core.feature;

import io.amlmonitor.core.domain.Transaction;
import java.lang.reflect.Field;

/** Throw-away: read-then-ingest with and without reading the batch ahead. */
public final class RTI {
  public static long sink;
  public static void run(FeatureEngine e, Transaction[] stream, int n, int batch, boolean fetch) throws Exception {
    Field f = FeatureEngine.class.getDeclaredField("store");
    f.setAccessible(true);
    EntityStateStore store = (EntityStateStore) f.get(e);
    ReadAhead r = new ReadAhead();
    for (int from = 0; from < n; from += batch) {
      int to = Math.min(n, from + batch);
      if (fetch) { r.hash(stream, from, to); r.fetch(to - from, store); }
      for (int i = from; i < to; i++) { sink += (long) e.featuresFor(stream[i]).get(0); e.ingest(stream[i]); }
    }
    sink += r.sink;
  }
}

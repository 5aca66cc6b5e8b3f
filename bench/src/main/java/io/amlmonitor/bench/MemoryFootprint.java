package io.amlmonitor.bench;

import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap retained by the feature engine per active customer after loading {@code customers} customers
 * with {@code days} of typical history.
 *
 * <p>Method: the used heap after repeated full collections is read before anything is built and
 * again once the engine is loaded and the generator and every transaction are unreachable; the
 * difference is what the engine retains (window state of customers and merchants, the maps and
 * their key strings). Transactions are generated and ingested in chunks so that they never all live
 * at once, so the run also shows whether the engine fits the heap given with {@code -Xmx}.
 *
 * <p>Usage: {@code java -Xmx2g -cp bench/target/benchmarks.jar io.amlmonitor.bench.MemoryFootprint
 * [customers=1000000] [days=1]}
 */
public final class MemoryFootprint {
  private static final int CHUNK = 100_000;

  private MemoryFootprint() {}

  public static void main(String[] args) {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    double days = args.length > 1 ? Double.parseDouble(args[1]) : 1;
    long before = settledUsedHeap();
    long started = System.nanoTime();
    FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
    try {
      load(engine, customers, days);
    } catch (OutOfMemoryError e) {
      // The generator is unreachable once load has thrown, so there is room to report.
      System.out.printf(
          "DOES NOT FIT: out of memory with max_heap=%,d MiB after %,d events,"
              + " %,d customers with state%n",
          Runtime.getRuntime().maxMemory() >> 20,
          engine.acceptedCount(),
          engine.entityCount(EntityType.CUSTOMER));
      System.exit(1);
    }
    long events = engine.acceptedCount();
    double seconds = (System.nanoTime() - started) / 1e9;
    long after = settledUsedHeap();
    long retained = after - before;
    long active = engine.entityCount(EntityType.CUSTOMER);
    long merchants = engine.entityCount(EntityType.MERCHANT);
    System.out.printf(
        "customers=%,d days=%.1f events=%,d active_customers=%,d merchants_with_state=%,d%n",
        customers, days, events, active, merchants);
    System.out.printf(
        "max_heap=%,d MiB used_before=%,d MiB used_after=%,d MiB retained=%,d MiB%n",
        Runtime.getRuntime().maxMemory() >> 20, before >> 20, after >> 20, retained >> 20);
    System.out.printf(
        "bytes_per_active_customer=%,d bytes_per_event=%,d load_seconds=%.1f%n",
        retained / active, retained / Math.max(1, engine.acceptedCount()), seconds);
  }

  /** Generates and ingests in chunks; the workload is unreachable when this returns. */
  private static void load(FeatureEngine engine, int customers, double days) {
    Workload workload = Workload.of(customers);
    long until = workload.clockMillis() + (long) (days * Workload.MILLIS_PER_DAY);
    while (workload.clockMillis() < until) {
      for (var t : workload.next(CHUNK)) {
        if (t.timestamp().toEpochMilli() >= until) {
          break;
        }
        engine.ingest(t);
      }
    }
  }

  private static long settledUsedHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}

package io.amlmonitor.bench;

import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.core.store.DecisionRecord;
import io.amlmonitor.core.store.DecisionRepository;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system of record's own share of {@code transaction_monitoring}: what the flow asks of the
 * database with nothing else to do. The transactions of a period are read in event-time order, as
 * the flow reads them, cut into batches, and {@code workers} threads store one decision per
 * transaction, batch by batch, as the flow's workers do; no features and no rules. The decisions
 * are the size of the flow's (an unremarkable payment: a low score, no rule, four feature values).
 * The rate is the ceiling the database sets on the flow on this machine.
 *
 * <p>Usage: {@code java -cp "bench/target/benchmarks.jar:bench/target/lib/*"
 * io.amlmonitor.bench.FlowStoreRate DATA_DIR FROM UNTIL [workers=2] [batch=10000]}: an embedded
 * database made by {@code aml import --data-dir DATA_DIR} (its {@code db/} directory), or
 * PostgreSQL when {@code POSTGRES_HOST} is set ({@code POSTGRES_PORT}, {@code POSTGRES_DB}, {@code
 * POSTGRES_USER}, {@code POSTGRES_SCHEMA}). FROM and UNTIL are ISO instants. The decisions table
 * should hold none of the period's transactions (a copy of the database fresh from the import), or
 * the rows are skipped as repeats and the rate is the repeats'. With {@code workers=0} the
 * transactions are only read.
 */
public final class FlowStoreRate {
  private static final List<Transaction> END = List.of();

  private FlowStoreRate() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    TimeRange period = new TimeRange(Instant.parse(args[1]), Instant.parse(args[2]));
    int workers = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int batch = args.length > 4 ? Integer.parseInt(args[4].replace("_", "")) : 10_000;
    String pgHost = System.getenv("POSTGRES_HOST");
    DatabaseConfig config =
        pgHost == null || pgHost.isBlank()
            ? new DatabaseConfig.Embedded(dataDir.resolve("db"), 4)
            : new DatabaseConfig.Postgres(
                pgHost,
                Integer.parseInt(env("POSTGRES_PORT", "5432")),
                env("POSTGRES_DB", "test"),
                env("POSTGRES_USER", "postgres"),
                System.getenv("POSTGRES_PASSWORD"),
                env("POSTGRES_SCHEMA", "public"),
                4);
    Map<String, Number> features = new LinkedHashMap<>();
    features.put("customer_txn_count_1h", 1L);
    features.put("customer_amount_sum_1h", 182.4);
    features.put("temporal_hour_entropy", 1.584962500721156);
    features.put("days_since_last_txn", 0.8417592592592592);
    try (Database db = Database.open(config)) {
      DecisionRepository decisions = db.decisions();
      BlockingQueue<List<Transaction>> queue = new ArrayBlockingQueue<>(Math.max(1, 2 * workers));
      AtomicLong written = new AtomicLong();
      Instant createdAt = Instant.now();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        Thread w =
            new Thread(
                () -> {
                  try {
                    for (List<Transaction> b = queue.take(); b != END; b = queue.take()) {
                      List<DecisionRecord> records = new ArrayList<>(b.size());
                      for (Transaction t : b) {
                        records.add(
                            new DecisionRecord(
                                t.id(),
                                createdAt,
                                0.05,
                                RiskLevel.LOW,
                                List.of(),
                                "bench",
                                null,
                                features));
                      }
                      written.addAndGet(decisions.saveAll(records));
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "store-worker-" + i);
        w.start();
        threads.add(w);
      }
      long t0 = System.nanoTime();
      long cpu0 = processCpuNanos();
      List<Transaction>[] current = new List[] {new ArrayList<>(batch)};
      long read =
          db.transactions()
              .forEachIn(
                  period,
                  t -> {
                    current[0].add(t);
                    if (current[0].size() == batch && workers == 0) {
                      current[0].clear();
                    } else if (current[0].size() == batch) {
                      put(queue, current[0]);
                      current[0] = new ArrayList<>(batch);
                    }
                  });
      if (!current[0].isEmpty() && workers > 0) {
        put(queue, current[0]);
      }
      for (int i = 0; i < workers; i++) {
        put(queue, END);
      }
      for (Thread w : threads) {
        w.join();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpu = (processCpuNanos() - cpu0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%s: %,d transactions read, %,d decisions written in %.1f s = %,.0f/s (%d workers,"
              + " batches of %,d); process CPU %.1f s = %.1f µs per transaction%n",
          config.describe(),
          read,
          written.get(),
          seconds,
          read / seconds,
          workers,
          batch,
          cpu,
          cpu * 1e6 / read);
    }
  }

  private static void put(BlockingQueue<List<Transaction>> queue, List<Transaction> b) {
    try {
      queue.put(b);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}

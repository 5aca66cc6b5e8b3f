package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EntityStateCodec;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.generator.Generator;
import io.amlmonitor.generator.GeneratorConfig;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.redis.CachedRedisEntityStateStore;
import io.amlmonitor.redis.RedisEntityStateStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;

/**
 * Ingest rate and read latency of feature state in Redis, through the feature engine, for the
 * write-behind store ({@link CachedRedisEntityStateStore}) and, on a smaller stream, the
 * transactional one ({@link RedisEntityStateStore}).
 *
 * <p>Method: generated transactions (20,000 customers, 1,000 merchants, 30 days) are held in memory
 * first. The write-behind writer ingests them all on one thread (the first sight of each entity
 * loads it from Redis), then flushes; the rate counts the flush. A second, fresh store handle then
 * plays an API instance that only reads: {@code featuresFor} on a sample of the transactions, each
 * a {@code GET} and decode of the customer's, the merchant's or receiver's state. The transactional
 * store ingests the first 5,000 transactions for comparison. Keys live under a random prefix,
 * deleted at the end.
 *
 * <p>Usage: {@code java -cp "bench/target/benchmarks.jar:bench/target/lib/*"
 * io.amlmonitor.bench.RedisStoreRate [transactions=200000] [reads=20000]} (Redis at {@code
 * REDIS_HOST}:{@code REDIS_PORT}, default 127.0.0.1:6379).
 */
public final class RedisStoreRate {
  private RedisStoreRate() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 200_000;
    int reads = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 20_000;
    String host = System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1");
    int port = Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379"));
    List<Transaction> stream;
    try (Stream<LabelledTransaction> s =
        Generator.create(GeneratorConfig.of(20_000, 1_000, 30, 42)).transactions()) {
      stream = s.limit(n).map(LabelledTransaction::transaction).toList();
    }
    FeatureRegistry registry = FeatureRegistry.standard();
    FeatureSettings settings = FeatureSettings.DEFAULT;
    EntityStateCodec codec = new EntityStateCodec(registry, settings);
    String prefix = "aml-bench:" + UUID.randomUUID() + ":";
    try {
      for (int round = 1; round <= 3; round++) {
        String roundPrefix = prefix + round + ":";
        CachedRedisEntityStateStore writer =
            new CachedRedisEntityStateStore(
                host, port, codec, roundPrefix, Duration.ofHours(24), Duration.ofMillis(10));
        FeatureEngine engine = new FeatureEngine(registry, settings, writer);
        long started = System.nanoTime();
        for (Transaction t : stream) {
          engine.ingest(t);
        }
        writer.flush();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "round %d write-behind: %,d transactions in %.2f s = %,.0f /s; %,d entity writes,"
                + " %d conflicts%n",
            round,
            stream.size(),
            seconds,
            stream.size() / seconds,
            writer.writtenCount(),
            writer.conflictCount());
        readLatency(registry, settings, codec, host, port, roundPrefix, stream, reads);
        writer.close();
      }
      int small = Math.min(5_000, stream.size());
      try (RedisEntityStateStore transactional =
          new RedisEntityStateStore(host, port, codec, prefix + "tx:", Duration.ofHours(24))) {
        FeatureEngine engine = new FeatureEngine(registry, settings, transactional);
        long started = System.nanoTime();
        for (Transaction t : stream.subList(0, small)) {
          engine.ingest(t);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "transactional: %,d transactions in %.2f s = %,.0f /s%n",
            small,
            seconds,
            small / seconds);
      }
    } finally {
      removeKeys(host, port, prefix);
    }
  }

  private static void readLatency(
      FeatureRegistry registry,
      FeatureSettings settings,
      EntityStateCodec codec,
      String host,
      int port,
      String prefix,
      List<Transaction> stream,
      int reads) {
    try (CachedRedisEntityStateStore reader =
        new CachedRedisEntityStateStore(
            host, port, codec, prefix, Duration.ofHours(24), Duration.ofMillis(10))) {
      FeatureEngine engine = new FeatureEngine(registry, settings, reader);
      long[] nanos = new long[reads];
      int step = Math.max(1, stream.size() / reads);
      for (int i = 0; i < reads; i++) {
        Transaction t = stream.get((i * step) % stream.size());
        long s = System.nanoTime();
        engine.featuresFor(t);
        nanos[i] = System.nanoTime() - s;
      }
      Arrays.sort(nanos);
      System.out.printf(
          Locale.ROOT,
          "  reader featuresFor (%,d): p50 %.0f µs, p99 %.0f µs, p99.9 %.0f µs%n",
          reads,
          nanos[reads / 2] / 1e3,
          nanos[(int) (reads * 0.99)] / 1e3,
          nanos[(int) (reads * 0.999)] / 1e3);
    }
  }

  private static void removeKeys(String host, int port, String prefix) {
    try (Jedis jedis = new Jedis(host, port)) {
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        var page = jedis.scan(cursor, new ScanParams().match(prefix + "*").count(1_000));
        if (!page.getResult().isEmpty()) {
          jedis.del(page.getResult().toArray(new String[0]));
        }
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
  }
}

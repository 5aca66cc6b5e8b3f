package io.amlmonitor.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EntityStateCodec;
import io.amlmonitor.core.feature.EntityStateStore;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.FeatureEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The store contract for the write-behind store against the Redis on this machine, each test under
 * its own key prefix; plus what write-behind adds: batched writes, compare-and-set between writers,
 * the checkpoint, and state that outlives the process.
 */
class CachedRedisEntityStateStoreIT extends EntityStateStoreContract {
  private static final String HOST = RedisTestServer.HOST;
  private static final int PORT = RedisTestServer.PORT;

  private final String prefix = "aml-test:" + UUID.randomUUID() + ":";
  private final List<CachedRedisEntityStateStore> opened = new ArrayList<>();

  @BeforeAll
  static void redisIsUp() {
    RedisTestServer.requireUp();
  }

  @AfterEach
  void removeKeys() {
    opened.forEach(CachedRedisEntityStateStore::close);
    RedisTestServer.removeKeys(prefix);
  }

  @Override
  EntityStateStore newStore() {
    return open(Duration.ofMillis(10));
  }

  @Override
  EntityStateStore sameStateAs(EntityStateStore store) {
    return newStore();
  }

  @Override
  void settle() {
    // Conflicts between writers are resolved by re-applying and writing again: flush until quiet.
    for (int round = 0; round < 20; round++) {
      boolean clean = true;
      for (CachedRedisEntityStateStore s : opened) {
        clean &= s.flush();
      }
      if (clean) {
        return;
      }
    }
    throw new AssertionError("writes did not settle");
  }

  private CachedRedisEntityStateStore open(Duration flushInterval) {
    CachedRedisEntityStateStore store =
        new CachedRedisEntityStateStore(
            HOST,
            PORT,
            new EntityStateCodec(REGISTRY, SETTINGS),
            prefix,
            Duration.ofHours(24),
            flushInterval);
    opened.add(store);
    return store;
  }

  @Test
  void manyUpdatesOfAnEntityBecomeOneWritePerFlush() {
    CachedRedisEntityStateStore store = open(Duration.ofHours(1));
    FeatureEngine engine = new FeatureEngine(REGISTRY, SETTINGS, store);
    List<Transaction> stream = stream(new SplittableRandom(3), 300);
    stream.forEach(engine::ingest);

    assertThat(store.unwrittenEntities()).isBetween(1, 13);
    assertThat(store.flush()).isTrue();
    assertThat(store.writtenCount()).isBetween(1L, 13L);
    assertThat(store.unwrittenEntities()).isZero();
  }

  @Test
  void stateOutlivesTheProcessThatWroteIt() {
    CachedRedisEntityStateStore first = open(Duration.ofHours(1));
    FeatureEngine writer = new FeatureEngine(REGISTRY, SETTINGS, first);
    List<Transaction> stream = stream(new SplittableRandom(5), 200);
    stream.forEach(writer::ingest);
    first.close();

    FeatureEngine restarted = new FeatureEngine(REGISTRY, SETTINGS, open(Duration.ofHours(1)));
    Instant at = stream.get(stream.size() - 1).timestamp().plusSeconds(1);
    assertThat(restarted.entityFeatures(EntityType.CUSTOMER, "C2", at).get("txn_count_7d"))
        .isEqualTo(writer.entityFeatures(EntityType.CUSTOMER, "C2", at).get("txn_count_7d"))
        .isPositive();
  }

  @Test
  void aSecondWriterConflictsAndNoUpdateIsLost() {
    CachedRedisEntityStateStore a = open(Duration.ofHours(1));
    CachedRedisEntityStateStore b = open(Duration.ofHours(1));
    FeatureEngine ea = new FeatureEngine(REGISTRY, SETTINGS, a);
    FeatureEngine eb = new FeatureEngine(REGISTRY, SETTINGS, b);
    Instant t0 = Instant.parse("2026-11-02T09:00:00Z");
    ea.ingest(payment("A1", t0, "C1", "M1", 10));
    eb.ingest(payment("B1", t0.plusSeconds(1), "C1", "M1", 10));
    a.flush();
    eb.ingest(payment("B2", t0.plusSeconds(2), "C1", "M1", 10));

    settle();

    assertThat(b.conflictCount()).isPositive();
    FeatureEngine reader = new FeatureEngine(REGISTRY, SETTINGS, open(Duration.ofHours(1)));
    assertThat(
            reader
                .entityFeatures(EntityType.CUSTOMER, "C1", t0.plusSeconds(10))
                .get("txn_count_1h"))
        .isEqualTo(3.0);
  }

  @Test
  void aCompleteFlushRecordsTheCheckpointTakenWhenItBegan() {
    CachedRedisEntityStateStore store = open(Duration.ofHours(1));
    Instant mark = Instant.parse("2026-11-21T10:00:00.123Z");
    store.checkpointFrom(() -> mark);
    assertThat(store.checkpoint()).isEmpty();

    new FeatureEngine(REGISTRY, SETTINGS, store)
        .ingest(payment("T1", Instant.parse("2026-11-02T09:00:00Z"), "C1", "M1", 10));
    assertThat(store.flush()).isTrue();

    assertThat(store.checkpoint()).contains(mark);
  }

  @Test
  void keysCarryTheirTimeToLive() {
    CachedRedisEntityStateStore store = open(Duration.ofHours(1));
    new FeatureEngine(REGISTRY, SETTINGS, store)
        .ingest(payment("T1", Instant.parse("2026-11-02T09:00:00Z"), "C1", "M1", 10));
    store.flush();
    try (Jedis jedis = new Jedis(HOST, PORT)) {
      assertThat(jedis.pttl(prefix + "state:CUSTOMER:C1"))
          .isBetween(Duration.ofHours(23).toMillis(), Duration.ofHours(24).toMillis());
    }
  }
}

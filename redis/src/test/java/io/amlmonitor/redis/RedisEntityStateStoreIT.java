package io.amlmonitor.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.feature.EntityStateCodec;
import io.amlmonitor.core.feature.EntityStateStore;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract against the Redis on this machine (127.0.0.1:6379), each test under its own
 * key prefix, removed afterwards. Skips without Redis unless {@code aml.require.services} is true.
 */
class RedisEntityStateStoreIT extends EntityStateStoreContract {
  private static final String HOST = RedisTestServer.HOST;
  private static final int PORT = RedisTestServer.PORT;

  private final String prefix = "aml-test:" + UUID.randomUUID() + ":";
  private final List<RedisEntityStateStore> opened = new ArrayList<>();

  @BeforeAll
  static void redisIsUp() {
    RedisTestServer.requireUp();
  }

  @AfterEach
  void removeKeys() {
    RedisTestServer.removeKeys(prefix);
    opened.forEach(RedisEntityStateStore::close);
  }

  @Override
  EntityStateStore newStore() {
    return open(REGISTRY, Duration.ofHours(24));
  }

  @Override
  EntityStateStore sameStateAs(EntityStateStore store) {
    return newStore();
  }

  private RedisEntityStateStore open(FeatureRegistry registry, Duration ttl) {
    RedisEntityStateStore store =
        new RedisEntityStateStore(
            HOST, PORT, new EntityStateCodec(registry, SETTINGS), prefix, ttl);
    opened.add(store);
    return store;
  }

  @Test
  void stateExpiresAfterItsTimeToLive() throws InterruptedException {
    RedisEntityStateStore store = open(REGISTRY, Duration.ofMillis(300));
    FeatureEngine engine = new FeatureEngine(REGISTRY, SETTINGS, store);
    engine.ingest(payment("T1", Instant.parse("2026-11-02T09:00:00Z"), "C1", "M1", 10));
    assertThat(store.size(EntityType.CUSTOMER)).isEqualTo(1);

    Thread.sleep(600); // Redis's own clock expires the key; nothing in our code waits on time

    assertThat(store.size(EntityType.CUSTOMER)).isZero();
  }

  @Test
  void stateFromAnotherCatalogueIsDroppedAndCountedNotMisread() {
    FeatureEngine old = new FeatureEngine(REGISTRY, SETTINGS, newStore());
    old.ingest(payment("T1", Instant.parse("2026-11-02T09:00:00Z"), "C1", "M1", 10));
    FeatureRegistry shorter =
        new FeatureRegistry(
            REGISTRY.definitions().stream().filter(d -> !d.name().endsWith("_7d")).toList());
    RedisEntityStateStore store = open(shorter, Duration.ofHours(24));

    FeatureEngine engine = new FeatureEngine(shorter, SETTINGS, store);

    assertThat(
            engine.entityFeatures(EntityType.CUSTOMER, "C1", Instant.parse("2026-11-02T09:01:00Z")))
        .isNull();
    assertThat(store.incompatibleStates()).isEqualTo(1);
  }

  @Test
  void anUnreachableServerFailsWithItsAddress() {
    RedisEntityStateStore store =
        new RedisEntityStateStore(
            HOST, 1, new EntityStateCodec(REGISTRY, SETTINGS), prefix, Duration.ofHours(1));
    opened.add(store);

    assertThatThrownBy(store::ping)
        .isInstanceOf(RedisStoreException.class)
        .hasMessageContaining("Redis at 127.0.0.1:1");
  }
}

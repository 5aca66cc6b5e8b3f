package io.amlmonitor.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.Aggregation;
import io.amlmonitor.core.feature.EntityState;
import io.amlmonitor.core.feature.EntityStateStore;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.FeatureDefinition;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.feature.FeatureVector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EntityStateStore} must do, run against each implementation: features served
 * over the store equal the in-memory engine's, instances sharing a store serve the same features,
 * and concurrent updates of one entity are all kept.
 */
abstract class EntityStateStoreContract {
  static final FeatureRegistry REGISTRY = FeatureRegistry.standard();
  static final FeatureSettings SETTINGS = FeatureSettings.DEFAULT;
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  /** A new, empty store. */
  abstract EntityStateStore newStore();

  /** A second handle on {@code store}'s state, as a second API instance would open it. */
  abstract EntityStateStore sameStateAs(EntityStateStore store);

  /** Waits until every handle opened so far has made its writes visible to the others. */
  void settle() {}

  @Test
  void anUnknownEntityReadsAsNull() {
    EntityStateStore store = newStore();
    EntityState state = store.read(EntityType.CUSTOMER, "C404", s -> s);

    assertThat(state).isNull();
    assertThat(
            new FeatureEngine(REGISTRY, SETTINGS, store)
                .entityFeatures(EntityType.CUSTOMER, "C404", T0))
        .isNull();
  }

  @Test
  void featuresServedOverTheStoreEqualTheInMemoryEngines() {
    FeatureEngine reference = FeatureEngine.inMemory(SETTINGS);
    FeatureEngine engine = new FeatureEngine(REGISTRY, SETTINGS, newStore());
    List<Transaction> stream = stream(new SplittableRandom(7), 600);
    for (Transaction t : stream) {
      assertThat(engine.featuresFor(t).asMap()).isEqualTo(reference.featuresFor(t).asMap());
      assertThat(engine.ingest(t)).isEqualTo(reference.ingest(t));
    }
    Instant end = stream.get(stream.size() - 1).timestamp();
    for (Instant at : List.of(end, end.plus(Duration.ofMinutes(7)), end.plus(Duration.ofDays(2)))) {
      for (String id : List.of("C0", "C3", "C7")) {
        assertThat(map(engine.entityFeatures(EntityType.CUSTOMER, id, at)))
            .isEqualTo(map(reference.entityFeatures(EntityType.CUSTOMER, id, at)));
      }
      assertThat(map(engine.entityFeatures(EntityType.MERCHANT, "M1", at)))
          .isEqualTo(map(reference.entityFeatures(EntityType.MERCHANT, "M1", at)));
    }
  }

  @Test
  void twoInstancesOverOneStoreServeTheSameFeatures() {
    EntityStateStore first = newStore();
    FeatureEngine writer = new FeatureEngine(REGISTRY, SETTINGS, first);
    FeatureEngine reader = new FeatureEngine(REGISTRY, SETTINGS, sameStateAs(first));
    List<Transaction> stream = stream(new SplittableRandom(11), 200);
    stream.forEach(writer::ingest);
    settle();

    Instant at = stream.get(stream.size() - 1).timestamp().plusSeconds(30);
    assertThat(entityStateFeatures(reader.entityFeatures(EntityType.CUSTOMER, "C1", at)))
        .isEqualTo(entityStateFeatures(writer.entityFeatures(EntityType.CUSTOMER, "C1", at)))
        .isNotEmpty();
  }

  /**
   * The features that come from the entity's stored state. Comparisons with the whole population
   * come from statistics each process keeps of the payments it ingested itself, so an instance that
   * only reads does not have them (docs/online-store.md, "What Redis holds").
   */
  private static Map<String, Number> entityStateFeatures(FeatureVector v) {
    Set<Aggregation> population =
        EnumSet.of(
            Aggregation.POPULATION_ZSCORE,
            Aggregation.POPULATION_OUTLIER_RATIO,
            Aggregation.TXN_AMOUNT_ZSCORE);
    Map<String, Number> out = new TreeMap<>(v.asMap());
    for (FeatureDefinition d : REGISTRY.definitions()) {
      if (population.contains(d.aggregation())) {
        out.remove(d.name());
      }
    }
    return out;
  }

  @Test
  void concurrentUpdatesOfOneEntityAreAllKept() throws Exception {
    EntityStateStore store = newStore();
    int perThread = 150;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int thread = 0; thread < 2; thread++) {
        FeatureEngine engine = new FeatureEngine(REGISTRY, SETTINGS, sameStateAs(store));
        int th = thread;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    // Within a minute of each other: never later than the allowed lateness.
                    engine.ingest(
                        payment("T" + th + "-" + i, T0.plusMillis(i * 100L + th), "C1", "M1", 10));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    settle();
    FeatureEngine engine = new FeatureEngine(REGISTRY, SETTINGS, store);

    FeatureVector features = engine.entityFeatures(EntityType.CUSTOMER, "C1", T0.plusSeconds(60));
    assertThat(features.get("txn_count_1h")).isEqualTo(2.0 * perThread);
  }

  private static Object map(FeatureVector v) {
    return v == null ? null : v.asMap();
  }

  /** Payments and transfers among ten customers and three merchants, with repeats and disorder. */
  static List<Transaction> stream(SplittableRandom random, int n) {
    List<Transaction> out = new ArrayList<>();
    long t = T0.toEpochMilli();
    for (int i = 0; i < n; i++) {
      t += random.nextLong(0, 240_000);
      if (!out.isEmpty() && random.nextInt(30) == 0) {
        out.add(out.get(random.nextInt(out.size())));
        continue;
      }
      long at = random.nextInt(10) == 0 ? t - random.nextLong(0, 600_000) : t;
      String customer = "C" + random.nextInt(10);
      boolean transfer = random.nextInt(4) == 0;
      out.add(
          Transaction.builder()
              .id("T" + i)
              .timestamp(Instant.ofEpochMilli(at))
              .customer(customer)
              .merchant(transfer ? null : "M" + random.nextInt(3))
              .counterparty(transfer ? "C" + random.nextInt(10) : null)
              .amount(random.nextInt(1, 2_000_000) / 100.0)
              .ipAddress("10.0.0." + random.nextInt(4))
              .country("BR")
              .counterpartyCountry(random.nextInt(20) == 0 ? "IR" : "BR")
              .build());
    }
    return out;
  }

  static Transaction payment(
      String id, Instant at, String customer, String merchant, double amount) {
    return Transaction.builder()
        .id(id)
        .timestamp(at)
        .customer(customer)
        .merchant(merchant)
        .amount(amount)
        .build();
  }
}

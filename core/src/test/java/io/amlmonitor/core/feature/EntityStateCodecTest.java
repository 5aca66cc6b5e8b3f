package io.amlmonitor.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.domain.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EntityStateCodecTest {
  private static final Instant T0 = Instant.parse("2026-11-02T12:00:00Z");
  private final FeatureRegistry registry = FeatureRegistry.standard();
  private final EntityStateCodec codec = new EntityStateCodec(registry, FeatureSettings.DEFAULT);

  @Test
  void aRestoredCustomerReadsTheSameFeaturesAsTheOriginal() {
    InMemoryEntityStateStore store = new InMemoryEntityStateStore();
    FeatureEngine engine = new FeatureEngine(registry, FeatureSettings.DEFAULT, store);
    for (int i = 0; i < 50; i++) {
      engine.ingest(payment("T" + i, T0.plusSeconds(97L * i), i % 3 == 0 ? "C2" : null));
    }
    byte[] bytes = store.read(EntityType.CUSTOMER, "C1", codec::encode);
    BytesRoundTripStore copy = new BytesRoundTripStore(codec);
    copy.put(EntityType.CUSTOMER, "C1", bytes);
    FeatureEngine restored = new FeatureEngine(registry, FeatureSettings.DEFAULT, copy);

    Instant later = T0.plus(Duration.ofHours(2));
    assertThat(restored.entityFeatures(EntityType.CUSTOMER, "C1", later).asMap())
        .isEqualTo(engine.entityFeatures(EntityType.CUSTOMER, "C1", later).asMap());
  }

  @Test
  void stateWrittenUnderAnotherCatalogueIsRefusedNotMisread() {
    FeatureRegistry shorter =
        new FeatureRegistry(
            registry.definitions().stream()
                .filter(d -> !d.name().endsWith("_7d") && !d.name().endsWith("_72h"))
                .toList());
    EntityState state = new EntityState("C1");
    state
        .logOrCreate(
            Direction.OUTGOING,
            FeaturePlan.spec(
                registry, EntityType.CUSTOMER, Direction.OUTGOING, FeatureSettings.DEFAULT))
        .add(T0.toEpochMilli(), 1_000, 0, 7, 9, (short) 0, 0, PopulationStats.scaledLog(1_000));
    byte[] bytes = codec.encode(state);

    EntityStateCodec other = new EntityStateCodec(shorter, FeatureSettings.DEFAULT);

    assertThatThrownBy(() -> other.decode(EntityType.CUSTOMER, "C1", bytes))
        .isInstanceOf(EntityStateCodec.IncompatibleStateException.class)
        .hasMessageContaining("another feature catalogue");
  }

  @Test
  void truncatedBytesAreRefusedWithTheEntityNamed() {
    EntityState state = new EntityState("M1");
    state
        .logOrCreate(
            Direction.INCOMING,
            FeaturePlan.spec(
                registry, EntityType.MERCHANT, Direction.INCOMING, FeatureSettings.DEFAULT))
        .add(T0.toEpochMilli(), 1_000, 0, 7, 0, (short) 0, 0, PopulationStats.scaledLog(1_000));
    byte[] bytes = codec.encode(state);

    assertThatThrownBy(
            () -> codec.decode(EntityType.MERCHANT, "M1", Arrays.copyOf(bytes, bytes.length - 5)))
        .isInstanceOf(EntityStateCodec.IncompatibleStateException.class)
        .hasMessageContaining("MERCHANT M1");
  }

  private static Transaction payment(String id, Instant at, String counterparty) {
    return Transaction.builder()
        .id(id)
        .timestamp(at)
        .customer("C1")
        .merchant(counterparty == null ? "M1" : null)
        .counterparty(counterparty)
        .amount(12_345)
        .build();
  }
}

package io.amlmonitor.core.feature;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EventLog.Placement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * A payment processed party by party, as a stream job partitioned by entity does it ({@link
 * FeatureEngine#readParty} into arrays of each party's own, merged; then {@link
 * FeatureEngine#ingestParty} for the payer and, when it counted, for the receivers), against {@link
 * FeatureEngine#featuresFor} then {@link FeatureEngine#ingest}: the same features bit for bit, the
 * same placements and counters, the same stored state.
 */
class IngestPartyPropertyTest {
  private static final List<EntityType> RECEIVERS =
      List.of(EntityType.MERCHANT, EntityType.COUNTERPARTY);

  @Property(tries = 150, seed = "20261121")
  void partyByPartyEqualsTheWholePayment(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    FeatureSettings settings =
        FeatureSettings.DEFAULT
            .withZone(ZoneId.of("America/Sao_Paulo"))
            .withAllowedLateness(Duration.ofSeconds(random.nextInt(0, 600)));
    FeatureRegistry registry = FeatureRegistry.standard();
    InMemoryEntityStateStore wholeStore = new InMemoryEntityStateStore();
    InMemoryEntityStateStore partsStore = new InMemoryEntityStateStore();
    PopulationStats wholePopulation = new PopulationStats(5);
    PopulationStats partsPopulation = new PopulationStats(5);
    FeatureEngine whole =
        new FeatureEngine(registry, settings, wholeStore, CustomerProfiles.NONE, wholePopulation);
    FeatureEngine parts =
        new FeatureEngine(registry, settings, partsStore, CustomerProfiles.NONE, partsPopulation);

    List<Placement> expected = new ArrayList<>();
    List<Placement> actual = new ArrayList<>();
    for (Transaction t : IngestAllPropertyTest.stream(random)) {
      FeatureVector want = whole.featuresFor(t);
      expected.add(whole.ingest(t));

      double[] values = new double[registry.size()];
      long[] previous = FeatureVector.nothingRead();
      boolean known = false;
      for (EntityType party :
          List.of(EntityType.CUSTOMER, EntityType.MERCHANT, EntityType.COUNTERPARTY)) {
        double[] partValues = new double[registry.size()];
        long[] partPrevious = FeatureVector.nothingRead();
        known |= parts.readParty(t, party, partValues, partPrevious);
        FeatureVector.merge(values, previous, partValues, partPrevious);
      }
      IngestAllPropertyTest.same(want, parts.vector(t, values, previous, known), "scoring " + t);
      Placement placement = parts.ingestParty(t, EntityType.CUSTOMER);
      actual.add(placement);
      if (placement == Placement.ACCEPTED) {
        partsPopulation.addPayment(t.timestamp().toEpochMilli(), t.amount().cents());
        for (EntityType receiver : RECEIVERS) {
          parts.ingestParty(t, receiver);
        }
      }
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(parts.acceptedCount()).isEqualTo(whole.acceptedCount());
    assertThat(parts.duplicateCount()).isEqualTo(whole.duplicateCount());
    assertThat(parts.lateCount()).isEqualTo(whole.lateCount());
    assertThat(parts.lateCounterpartyCount()).isEqualTo(whole.lateCounterpartyCount());
    assertThat(partsPopulation.toBytes()).isEqualTo(wholePopulation.toBytes());
    EntityStateCodec codec = new EntityStateCodec(registry, settings);
    for (EntityType type : List.of(EntityType.CUSTOMER, EntityType.MERCHANT)) {
      for (String id : IngestAllPropertyTest.entities(type)) {
        byte[] want = wholeStore.read(type, id, s -> s == null ? null : codec.encode(s));
        byte[] got = partsStore.read(type, id, s -> s == null ? null : codec.encode(s));
        assertThat(got).as("stored state of %s %s", type, id).isEqualTo(want);
      }
    }
    Instant later = Instant.parse("2026-06-01T00:00:00Z");
    for (String id : IngestAllPropertyTest.entities(EntityType.CUSTOMER)) {
      FeatureVector want = whole.entityFeatures(EntityType.CUSTOMER, id, later);
      if (want != null) {
        IngestAllPropertyTest.same(
            want, parts.entityFeatures(EntityType.CUSTOMER, id, later), "customer " + id);
      }
    }
  }
}

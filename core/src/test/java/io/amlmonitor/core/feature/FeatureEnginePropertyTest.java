package io.amlmonitor.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The engine against a brute-force oracle on random streams: out-of-order and late events,
 * duplicates, bursts, long gaps, transfers between customers, reads at arbitrary times — for every
 * feature of the standard catalogue, hence every aggregation kind and every window kind, and for
 * every value's age.
 */
class FeatureEnginePropertyTest {
  private static final Instant BASE = Instant.parse("2026-05-01T00:00:00Z");
  private static final int MIN_POPULATION = 5;
  private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
  private static final List<String> COUNTRIES = List.of("BR", "BR", "US", "IR", "KP");
  private static final List<String> ENTITIES =
      List.of("C0", "C1", "C2", "C3", "C4", "C5", "M0", "M1", "M2", "M3");

  @Example
  void theStandardCatalogueExercisesEveryAggregationAndWindowKind() {
    FeatureRegistry registry = FeatureRegistry.standard();
    Set<Aggregation> used =
        registry.definitions().stream()
            .map(FeatureDefinition::aggregation)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Aggregation.class)));
    // every aggregation the engine computes; the graph's are read from the graph
    assertThat(used)
        .containsExactlyInAnyOrderElementsOf(
            EnumSet.allOf(Aggregation.class).stream().filter(a -> !a.fromGraph()).toList());
    Set<WindowKind> kinds =
        registry.definitions().stream()
            .map(FeatureDefinition::windowKind)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(WindowKind.class)));
    assertThat(kinds).containsExactlyInAnyOrder(WindowKind.values());
  }

  @Property(tries = 300, seed = "20261121")
  void everyFeatureAndAgeEqualsTheBruteForceOracle(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    checkAgainstOracle(seed, SAO_PAULO, (registry, settings) -> new InMemoryEntityStateStore());
  }

  /**
   * São Paulo once set its clocks back across midnight, so a read adds a customer's unfolded rows
   * to its day tiles one by one; where local days only move forward (a fixed offset, or Berlin's
   * daylight saving) the backward pass adds them as one range.
   */
  @Example
  void localDaysGoBackInSaoPauloAndOnlyForwardInBerlin() {
    assertThat(new LocalCalendar(SAO_PAULO).daysFollowTime()).isFalse();
    assertThat(new LocalCalendar(ZoneId.of("Europe/Berlin")).daysFollowTime()).isTrue();
  }

  @Property(tries = 150, seed = "20261125")
  void everyFeatureEqualsTheOracleWhereLocalDaysOnlyMoveForward(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    ZoneId zone = seed % 2 == 0 ? ZoneOffset.UTC : ZoneId.of("Europe/Berlin");
    assertThat(new LocalCalendar(zone).daysFollowTime()).isTrue();
    checkAgainstOracle(seed, zone, (registry, settings) -> new InMemoryEntityStateStore());
  }

  /** As an external store keeps it: every state goes through its bytes after every change. */
  @Property(tries = 100, seed = "20261122")
  void featuresAreUnchangedWhenStateIsStoredAsBytesAfterEveryEvent(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    checkAgainstOracle(
        seed,
        SAO_PAULO,
        (registry, settings) -> new BytesRoundTripStore(new EntityStateCodec(registry, settings)));
  }

  private static void checkAgainstOracle(
      long seed,
      ZoneId zone,
      BiFunction<FeatureRegistry, FeatureSettings, EntityStateStore> stores) {
    SplittableRandom random = new SplittableRandom(seed);
    FeatureSettings settings =
        FeatureSettings.DEFAULT
            .withZone(zone)
            .withAllowedLateness(Duration.ofSeconds(random.nextInt(0, 600)));
    Map<String, Long> expected = new HashMap<>();
    expected.put("C0", 500_000L);
    expected.put("C2", random.nextLong(1, 10_000_000));
    FeatureRegistry registry = FeatureRegistry.standard();
    FeatureEngine engine =
        new FeatureEngine(
            registry,
            settings,
            stores.apply(registry, settings),
            id -> expected.getOrDefault(id, 0L),
            new PopulationStats(MIN_POPULATION));
    WindowOracle oracle = new WindowOracle(registry, settings, MIN_POPULATION, expected);

    long clock = BASE.toEpochMilli() + random.nextLong(0, 7 * 86_400_000L);
    long newest = clock;
    List<Transaction> sent = new ArrayList<>();
    int events = random.nextInt(1, 200);
    for (int i = 0; i < events; i++) {
      clock += step(random);
      Transaction t;
      if (!sent.isEmpty() && random.nextInt(20) == 0) {
        t = sent.get(random.nextInt(sent.size())); // a repeat
      } else {
        long at = clock;
        if (random.nextInt(8) == 0) {
          at -= random.nextLong(1, 900_000); // out of order, sometimes beyond the lateness
        }
        t = transaction(random, "T" + i, at);
        sent.add(t);
      }
      engine.ingest(t);
      oracle.ingest(t);
      newest = Math.max(newest, t.timestamp().toEpochMilli());
      if (random.nextInt(10) == 0) {
        compare(engine, oracle, readTime(random, sent, newest, settings), random);
      }
    }
    compare(engine, oracle, newest + 1, random);
    compare(engine, oracle, newest + random.nextLong(0, 8 * 86_400_000L), random);
  }

  /** Any time from which windows are exact, often exactly on a window edge of some event. */
  private static long readTime(
      SplittableRandom random, List<Transaction> sent, long newest, FeatureSettings settings) {
    long earliest = newest - settings.allowedLateness().toMillis();
    long[] windows = {0, 60_000L, 300_000L, 600_000L, 3_600_000L, 86_400_000L, 3 * 86_400_000L};
    long at =
        random.nextBoolean()
            ? sent.get(random.nextInt(sent.size())).timestamp().toEpochMilli()
                + windows[random.nextInt(windows.length)]
            : earliest + random.nextLong(0, 3 * 3_600_000L);
    return Math.max(earliest, at);
  }

  private static long step(SplittableRandom random) {
    return switch (random.nextInt(20)) {
      case 0 -> random.nextLong(3_600_000L, 3 * 86_400_000L); // long gap
      case 1, 2, 3, 4 -> random.nextLong(60_000L, 3_600_000L);
      case 5, 6 -> 1_000L * random.nextLong(0, 120); // whole seconds: ties and exact edges
      default -> random.nextLong(0, 20_000L); // bursts
    };
  }

  private static Transaction transaction(SplittableRandom random, String id, long at) {
    long cents =
        switch (random.nextInt(10)) {
          case 0 -> random.nextLong(900_000, 1_000_100); // around the reporting threshold
          case 1 -> 10_000L * random.nextLong(1, 30); // round
          default -> random.nextLong(0, 200_000);
        };
    boolean merchant = random.nextInt(10) < 6;
    return Transaction.builder()
        .id(id)
        .timestamp(Instant.ofEpochMilli(at))
        .customer("C" + random.nextInt(4))
        .merchant(merchant ? "M" + random.nextInt(4) : null)
        .counterparty(!merchant || random.nextInt(5) == 0 ? "C" + random.nextInt(6) : null)
        .amount(new Money(cents))
        .ipAddress(random.nextInt(6) == 0 ? null : "10.0.0." + random.nextInt(6))
        .country(random.nextInt(3) == 0 ? null : COUNTRIES.get(random.nextInt(COUNTRIES.size())))
        .counterpartyCountry(
            random.nextInt(3) == 0 ? null : COUNTRIES.get(random.nextInt(COUNTRIES.size())))
        .build();
  }

  private static void compare(
      FeatureEngine engine, WindowOracle oracle, long at, SplittableRandom random) {
    for (String id : ENTITIES) {
      EntityType type = id.startsWith("C") ? EntityType.CUSTOMER : EntityType.MERCHANT;
      FeatureVector v = engine.entityFeatures(type, id, Instant.ofEpochMilli(at));
      for (int i = 0; i < oracle.registry().size(); i++) {
        FeatureDefinition d = oracle.registry().get(i);
        if (d.entity() != type) {
          continue;
        }
        check(d, id, at, v == null ? 0 : v.get(i), oracle.value(d, id, at, null));
        assertThat(v == null ? -1 : v.ageMillis(i))
            .as("age of %s of %s at %s", d.name(), id, Instant.ofEpochMilli(at))
            .isEqualTo(oracle.age(d, id, at));
      }
    }
    Transaction probe = transaction(random, "probe", at);
    FeatureVector v = engine.featuresFor(probe);
    String customer = probe.customerId().value();
    for (int i = 0; i < oracle.registry().size(); i++) {
      FeatureDefinition d = oracle.registry().get(i);
      String id =
          switch (d.entity()) {
            case MERCHANT -> probe.merchantId() == null ? null : probe.merchantId().value();
            case COUNTERPARTY ->
                probe.counterpartyId() == null ? null : probe.counterpartyId().value();
            default -> customer;
          };
      double expected = id == null ? 0 : oracle.value(d, id, at, probe);
      check(d, id + " (scoring " + probe + ")", at, v.get(i), expected);
    }
  }

  private static void check(
      FeatureDefinition d, String id, long at, double actual, double expected) {
    assertThat(actual)
        .as("%s of %s at %s", d.name(), id, Instant.ofEpochMilli(at))
        .isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
  }
}

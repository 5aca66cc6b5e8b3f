package io.amlmonitor.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amlmonitor.core.domain.Transaction;
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
 * The engine against a brute-force oracle on random streams: out-of-order and late events,
 * duplicates, bursts, long gaps, reads at arbitrary times, for every aggregation in the catalogue.
 */
class FeatureEnginePropertyTest {
  private static final Instant BASE = Instant.parse("2026-05-01T00:00:00Z");

  @Property(tries = 300, seed = "20261121")
  void everyFeatureEqualsTheBruteForceOracle(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    FeatureSettings settings =
        FeatureSettings.DEFAULT
            .withZone(ZoneId.of("America/Sao_Paulo"))
            .withAllowedLateness(Duration.ofSeconds(random.nextInt(0, 600)));
    FeatureRegistry registry = FeatureRegistry.standard();
    FeatureEngine engine = new FeatureEngine(registry, settings, new InMemoryWindowStateStore());
    WindowOracle oracle = new WindowOracle(registry, settings);

    long clock = BASE.toEpochMilli();
    long newest = clock;
    List<Transaction> sent = new ArrayList<>();
    int events = random.nextInt(1, 250);
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
        t = transaction(random, i, at);
        sent.add(t);
      }
      engine.ingest(t);
      oracle.ingest(t);
      newest = Math.max(newest, t.timestamp().toEpochMilli());
      if (random.nextInt(4) == 0) {
        compare(engine, oracle, readTime(random, sent, newest, settings), random);
      }
    }
    compare(engine, oracle, newest + 1, random);
  }

  /** Any time from which windows are exact, often exactly on a window edge of some event. */
  private static long readTime(
      SplittableRandom random, List<Transaction> sent, long newest, FeatureSettings settings) {
    long earliest = newest - settings.allowedLateness().toMillis();
    long[] windows = {0, 60_000L, 300_000L, 600_000L, 3_600_000L, 86_400_000L};
    long at =
        random.nextBoolean()
            ? sent.get(random.nextInt(sent.size())).timestamp().toEpochMilli()
                + windows[random.nextInt(windows.length)]
            : earliest + random.nextLong(0, 3 * 3_600_000L);
    return Math.max(earliest, at);
  }

  private static long step(SplittableRandom random) {
    return switch (random.nextInt(10)) {
      case 0 -> random.nextLong(3_600_000L, 10 * 86_400_000L); // long gap
      case 1, 2 -> random.nextLong(60_000L, 3_600_000L);
      case 3 -> 1_000L * random.nextLong(0, 120); // whole seconds: ties and exact edges
      default -> random.nextLong(0, 20_000L); // bursts
    };
  }

  private static Transaction transaction(SplittableRandom random, int i, long at) {
    int amountKind = random.nextInt(10);
    long cents =
        amountKind == 0
            ? random.nextLong(900_000, 1_000_100) // around the reporting threshold
            : random.nextLong(0, 200_000);
    return Transaction.builder()
        .id("T" + i)
        .timestamp(Instant.ofEpochMilli(at))
        .customer("C" + random.nextInt(3))
        .merchant(random.nextInt(5) == 0 ? null : "M" + random.nextInt(4))
        .counterparty("C" + random.nextInt(10))
        .amount(new io.amlmonitor.core.domain.Money(cents))
        .ipAddress(random.nextInt(6) == 0 ? null : "10.0.0." + random.nextInt(6))
        .build();
  }

  private static void compare(
      FeatureEngine engine, WindowOracle oracle, long at, SplittableRandom random) {
    for (String id : List.of("C0", "C1", "C2", "M0", "M1", "M2", "M3")) {
      EntityType type = id.startsWith("C") ? EntityType.CUSTOMER : EntityType.MERCHANT;
      FeatureVector v = engine.entityFeatures(type, id, Instant.ofEpochMilli(at));
      for (FeatureDefinition d : oracle.registry().definitions()) {
        if (d.entity() != type) {
          continue;
        }
        double expected = oracle.value(d, id, at);
        double actual = v == null ? 0 : v.get(d.name());
        assertThat(actual)
            .as("%s of %s at %s", d.name(), id, Instant.ofEpochMilli(at))
            .isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
      }
    }
  }
}

package io.amlmonitor.core.feature;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EventLog.Placement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link FeatureEngine#ingestAll} against {@link FeatureEngine#ingest} of one payment after the
 * other, on random streams cut into random batches: the same placements, the same counters, the
 * same value and age of every feature at random read times, and the same stored state, bit for bit.
 * The streams repeat payments, send the same customer and merchant many times within a batch, and
 * mix out-of-order events within and beyond the allowed lateness.
 */
class IngestAllPropertyTest {
  private static final Instant BASE = Instant.parse("2026-05-01T00:00:00Z");
  private static final List<String> COUNTRIES = List.of("BR", "BR", "US", "IR");

  @Property(tries = 200, seed = "20261123")
  void ingestAllEqualsIngestingOneByOne(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    check(seed, settings -> new InMemoryEntityStateStore());
  }

  /** A store that cannot be read ahead (it keeps bytes): ingestAll still applies every payment. */
  @Property(tries = 30, seed = "20261124")
  void ingestAllEqualsIngestingOneByOneOnAStoreWithoutReadAhead(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    check(
        seed,
        settings ->
            new BytesRoundTripStore(new EntityStateCodec(FeatureRegistry.standard(), settings)));
  }

  @Example
  void payersOnOtherThreadsChangingSharedMerchantsMeanwhileLoseNothing() throws Exception {
    FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
    int threads = 4;
    int perThread = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        int worker = w;
        done.add(
            pool.submit(
                () -> {
                  SplittableRandom random = new SplittableRandom(worker);
                  List<Transaction> batch = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    // each worker has its own payers, so per-payer order is the worker's
                    String payer = "W" + worker + "C" + random.nextInt(500);
                    batch.add(
                        Transaction.builder()
                            .id("W" + worker + "T" + i)
                            .timestamp(BASE.plusMillis(i * 1_000L))
                            .customer(payer)
                            .merchant("M" + random.nextInt(20))
                            .amount(new Money(random.nextLong(1, 100_000)))
                            .ipAddress("10.0." + worker + "." + random.nextInt(50))
                            .build());
                    if (batch.size() == 50) {
                      engine.ingestAll(batch);
                      batch.clear();
                    }
                  }
                  engine.ingestAll(batch);
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(engine.acceptedCount()).isEqualTo((long) threads * perThread);
    assertThat(engine.entityCount(EntityType.MERCHANT)).isEqualTo(20);
  }

  private static void check(long seed, Function<FeatureSettings, EntityStateStore> stores) {
    SplittableRandom random = new SplittableRandom(seed);
    FeatureSettings settings =
        FeatureSettings.DEFAULT
            .withZone(ZoneId.of("America/Sao_Paulo"))
            .withAllowedLateness(Duration.ofSeconds(random.nextInt(0, 600)));
    FeatureRegistry registry = FeatureRegistry.standard();
    EntityStateStore oneByOneStore = stores.apply(settings);
    EntityStateStore batchedStore = stores.apply(settings);
    FeatureEngine oneByOne = new FeatureEngine(registry, settings, oneByOneStore);
    FeatureEngine batched = new FeatureEngine(registry, settings, batchedStore);

    List<Transaction> stream = stream(random);
    List<Placement> expected = new ArrayList<>();
    List<Placement> actual = new ArrayList<>();
    long newest = Long.MIN_VALUE;
    for (int from = 0; from < stream.size(); ) {
      int to = Math.min(stream.size(), from + batchSize(random));
      List<Transaction> batch = stream.subList(from, to);
      for (Transaction t : batch) {
        expected.add(oneByOne.ingest(t));
        newest = Math.max(newest, t.timestamp().toEpochMilli());
      }
      actual.addAll(batched.ingestAll(batch));
      if (random.nextInt(3) == 0) {
        compare(oneByOne, batched, newest - random.nextLong(0, 600_000), random);
      }
      from = to;
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(batched.acceptedCount()).isEqualTo(oneByOne.acceptedCount());
    assertThat(batched.duplicateCount()).isEqualTo(oneByOne.duplicateCount());
    assertThat(batched.lateCount()).isEqualTo(oneByOne.lateCount());
    assertThat(batched.lateCounterpartyCount()).isEqualTo(oneByOne.lateCounterpartyCount());
    compare(oneByOne, batched, newest + 1, random);
    compare(oneByOne, batched, newest + random.nextLong(0, 8 * 86_400_000L), random);
    EntityStateCodec codec = new EntityStateCodec(registry, settings);
    for (EntityType type : List.of(EntityType.CUSTOMER, EntityType.MERCHANT)) {
      assertThat(batched.entityCount(type)).isEqualTo(oneByOne.entityCount(type));
      for (String id : entities(type)) {
        byte[] want = oneByOneStore.read(type, id, s -> s == null ? null : codec.encode(s));
        byte[] got = batchedStore.read(type, id, s -> s == null ? null : codec.encode(s));
        assertThat(got).as("stored state of %s %s", type, id).isEqualTo(want);
      }
    }
  }

  /** Mostly batches around the engine's own read-ahead size, sometimes single payments. */
  private static int batchSize(SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 -> 1;
      case 1 -> random.nextInt(1, ReadAhead.BATCH + 2);
      default -> random.nextInt(ReadAhead.BATCH, 3 * ReadAhead.BATCH + 5);
    };
  }

  static List<Transaction> stream(SplittableRandom random) {
    long clock = BASE.toEpochMilli() + random.nextLong(0, 7 * 86_400_000L);
    List<Transaction> sent = new ArrayList<>();
    List<Transaction> stream = new ArrayList<>();
    int events = random.nextInt(1, 400);
    for (int i = 0; i < events; i++) {
      clock +=
          switch (random.nextInt(20)) {
            case 0 -> random.nextLong(3_600_000L, 3 * 86_400_000L); // long gap
            case 1, 2, 3 -> random.nextLong(60_000L, 3_600_000L);
            default -> random.nextLong(0, 20_000L); // bursts
          };
      Transaction t;
      if (!sent.isEmpty() && random.nextInt(15) == 0) {
        t = sent.get(random.nextInt(sent.size())); // a repeat, often within the same batch
      } else {
        long at = clock;
        if (random.nextInt(8) == 0) {
          at -= random.nextLong(1, 900_000); // out of order, sometimes beyond the lateness
        }
        t = transaction(random, "T" + i, at);
        sent.add(t);
      }
      stream.add(t);
    }
    return stream;
  }

  static Transaction transaction(SplittableRandom random, String id, long at) {
    boolean merchant = random.nextInt(10) < 6;
    return Transaction.builder()
        .id(id)
        .timestamp(Instant.ofEpochMilli(at))
        .customer("C" + random.nextInt(4))
        .merchant(merchant ? "M" + random.nextInt(3) : null)
        .counterparty(!merchant || random.nextInt(5) == 0 ? "C" + random.nextInt(6) : null)
        .amount(new Money(random.nextLong(0, 1_200_000)))
        .ipAddress(random.nextInt(6) == 0 ? null : "10.0.0." + random.nextInt(6))
        .country(random.nextInt(3) == 0 ? null : COUNTRIES.get(random.nextInt(COUNTRIES.size())))
        .counterpartyCountry(
            random.nextInt(3) == 0 ? null : COUNTRIES.get(random.nextInt(COUNTRIES.size())))
        .build();
  }

  static List<String> entities(EntityType type) {
    return type == EntityType.CUSTOMER
        ? List.of("C0", "C1", "C2", "C3", "C4", "C5")
        : List.of("M0", "M1", "M2");
  }

  /** Every feature's value, bit for bit, and age, of every entity and of a scored payment. */
  private static void compare(
      FeatureEngine oneByOne, FeatureEngine batched, long at, SplittableRandom random) {
    Instant when = Instant.ofEpochMilli(at);
    for (EntityType type : List.of(EntityType.CUSTOMER, EntityType.MERCHANT)) {
      for (String id : entities(type)) {
        FeatureVector want = oneByOne.entityFeatures(type, id, when);
        FeatureVector got = batched.entityFeatures(type, id, when);
        assertThat(got == null).as("%s %s known", type, id).isEqualTo(want == null);
        if (want != null) {
          same(want, got, type + " " + id + " at " + when);
        }
      }
    }
    Transaction probe = transaction(random, "probe", at);
    same(oneByOne.featuresFor(probe), batched.featuresFor(probe), "scoring " + probe);
  }

  static void same(FeatureVector want, FeatureVector got, String what) {
    for (int i = 0; i < want.registry().size(); i++) {
      String name = want.registry().get(i).name();
      assertThat(Double.doubleToRawLongBits(got.get(i)))
          .as("%s of %s (%s against %s)", name, what, got.get(i), want.get(i))
          .isEqualTo(Double.doubleToRawLongBits(want.get(i)));
      assertThat(got.ageMillis(i)).as("age of %s of %s", name, what).isEqualTo(want.ageMillis(i));
    }
  }
}

package io.amlmonitor.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LaunderingEpisodesTest {
  private final List<LabelledTransaction> all = Fixtures.transactions();
  private final Map<String, ?> customers = Fixtures.customersById();

  @Test
  void everyTypologyAppearsAndIsLabelled() {
    Map<Typology, Long> counts = new EnumMap<>(Typology.class);
    all.forEach(t -> counts.merge(t.typology(), 1L, Long::sum));

    assertThat(counts.keySet()).containsExactlyInAnyOrder(Typology.values());
    assertThat(all)
        .allSatisfy(t -> assertThat(t.isLaundering()).isEqualTo(t.typology() != Typology.NONE));
  }

  @Test
  void everyTypologyAppearsOnTheSmallestBudgetThatHoldsThemAll() {
    // 1,150 customers at 2% is a budget of 23: one episode of each, at their smallest.
    GeneratorConfig config = GeneratorConfig.of(1_150, 60, 30, 13L);
    Set<Typology> seen = EnumSet.noneOf(Typology.class);
    Generator.create(config).transactions().forEach(t -> seen.add(t.typology()));

    assertThat(EpisodePlanner.budget(config)).isEqualTo(EpisodePlanner.ALL_TYPOLOGIES_BUDGET);
    assertThat(seen).containsExactlyInAnyOrder(Typology.values());
  }

  @Test
  void theShareOfCustomersInvolvedIsNearTheKnob() {
    double share = involvedCustomers(all).size() / (double) Fixtures.CONFIG.customers();

    assertThat(share).isBetween(0.8 * 0.02, 1.05 * 0.02);
  }

  @Test
  void theKnobScalesLaunderingUpAndDown() {
    GeneratorConfig none = GeneratorConfig.of(600, 60, 30, 9L).withLaunderingShare(0);
    GeneratorConfig tenth = none.withLaunderingShare(0.1);

    assertThat(Generator.create(none).transactions().filter(LabelledTransaction::isLaundering))
        .isEmpty();
    double share =
        involvedCustomers(Generator.create(tenth).transactions().toList()).size() / 600.0;
    assertThat(share).isBetween(0.08, 0.105);
  }

  @Test
  void episodesAreSpreadOverThePeriod() {
    TreeSet<LocalDate> days = new TreeSet<>();
    all.stream()
        .filter(LabelledTransaction::isLaundering)
        .forEach(t -> days.add(t.transaction().timestamp().atZone(ZoneOffset.UTC).toLocalDate()));
    LocalDate start = Fixtures.CONFIG.startDate();

    assertThat(days.first()).isBefore(start.plusDays(20));
    assertThat(days.last()).isAfter(start.plusDays(55));
    assertThat(days).hasSizeGreaterThanOrEqualTo(10);
  }

  @Test
  void structuringSplitsAmountsJustUnderTheThresholdWithinADay() {
    for (List<Transaction> episode : byPayer(Typology.STRUCTURING)) {
      assertThat(episode).hasSizeBetween(3, 6);
      assertThat(episode)
          .allSatisfy(t -> assertThat(t.amount().cents()).isBetween(900_000L, 999_999L));
      assertThat(span(episode)).isLessThanOrEqualTo(Duration.ofHours(24));
    }
  }

  @Test
  void velocityBurstsPackManyPaymentsIntoMinutes() {
    for (List<Transaction> episode : byPayer(Typology.VELOCITY_BURST)) {
      assertThat(episode).hasSizeBetween(15, 40);
      assertThat(span(episode)).isLessThanOrEqualTo(Duration.ofMinutes(20));
    }
  }

  @Test
  void accountTakeoverUsesNeverSeenAddressesAndDevicesForLargerAmounts() {
    for (List<Transaction> episode : byPayer(Typology.ACCOUNT_TAKEOVER)) {
      String victim = episode.get(0).customerId().value();
      List<Transaction> usual = ordinary(t -> t.customerId().value().equals(victim));
      Set<String> knownIps = values(usual, Transaction::ipAddress);
      Set<String> knownDevices = values(usual, Transaction::deviceId);
      long typical = median(usual);

      assertThat(episode).hasSizeBetween(4, 8);
      assertThat(span(episode)).isLessThanOrEqualTo(Duration.ofHours(1));
      assertThat(values(episode, Transaction::ipAddress)).hasSizeGreaterThanOrEqualTo(4);
      assertThat(values(episode, Transaction::deviceId)).hasSizeGreaterThanOrEqualTo(4);
      for (Transaction t : episode) {
        assertThat(knownIps).doesNotContain(t.ipAddress());
        assertThat(knownDevices).doesNotContain(t.deviceId());
        assertThat(t.amount().cents()).isGreaterThan(2 * typical);
      }
    }
  }

  @Test
  void rapidMovementSendsMostOfALargeDepositOnWithinHours() {
    List<Transaction> labelled = of(Typology.RAPID_MOVEMENT);
    List<Transaction> deposits =
        labelled.stream()
            .filter(t -> t.counterpartyId() != null)
            .filter(t -> customers.containsKey(t.counterpartyId().value()))
            .toList();

    assertThat(deposits).isNotEmpty();
    for (Transaction deposit : deposits) {
      String through = deposit.counterpartyId().value();
      List<Transaction> onward =
          labelled.stream().filter(t -> t.customerId().value().equals(through)).toList();
      long sent = onward.stream().mapToLong(t -> t.amount().cents()).sum();

      assertThat(onward).hasSizeBetween(2, 5);
      assertThat(sent).isBetween(deposit.amount().cents() * 79 / 100, deposit.amount().cents());
      assertThat(onward)
          .allSatisfy(
              t ->
                  assertThat(Duration.between(deposit.timestamp(), t.timestamp()))
                      .isPositive()
                      .isLessThanOrEqualTo(Duration.ofHours(6)));
    }
  }

  @Test
  void fanInGathersManyDistinctSendersIntoOneAccountWithinDays() {
    Map<String, List<Transaction>> byReceiver =
        of(Typology.FAN_IN).stream()
            .collect(Collectors.groupingBy(t -> t.counterpartyId().value()));

    assertThat(byReceiver).isNotEmpty();
    for (List<Transaction> episode : byReceiver.values()) {
      assertThat(values(episode, t -> t.customerId().value())).hasSizeBetween(10, 30);
      assertThat(span(episode)).isLessThanOrEqualTo(Duration.ofDays(3));
    }
  }

  @Test
  void fanOutScattersToManyDistinctAccountsWithinTwoDays() {
    for (List<Transaction> episode : byPayer(Typology.FAN_OUT)) {
      assertThat(values(episode, t -> t.counterpartyId().value())).hasSizeBetween(10, 30);
      assertThat(span(episode)).isLessThanOrEqualTo(Duration.ofDays(2));
    }
  }

  @Test
  void cyclesReturnToWhereTheyStartedLessFees() {
    List<Transaction> hops = new ArrayList<>(of(Typology.CYCLE));
    hops.sort(Comparator.comparing(Transaction::timestamp));
    Map<String, Transaction> fromPayer =
        hops.stream().collect(Collectors.toMap(t -> t.customerId().value(), Function.identity()));
    Set<String> visited = new HashSet<>();

    for (Transaction first : hops) {
      if (!visited.add(first.customerId().value())) {
        continue;
      }
      List<Transaction> ring = new ArrayList<>(List.of(first));
      Transaction hop = fromPayer.get(first.counterpartyId().value());
      while (!hop.customerId().equals(first.customerId())) {
        visited.add(hop.customerId().value());
        ring.add(hop);
        hop = fromPayer.get(hop.counterpartyId().value());
      }
      assertThat(ring).hasSizeBetween(3, 6);
      assertThat(span(ring)).isLessThanOrEqualTo(Duration.ofDays(5));
      for (int i = 1; i < ring.size(); i++) {
        assertThat(ring.get(i).timestamp()).isAfter(ring.get(i - 1).timestamp());
        assertThat(ring.get(i).amount()).isLessThan(ring.get(i - 1).amount());
      }
    }
  }

  @Test
  void nightActivityHappensBeforeFiveOnSeveralConsecutiveNights() {
    for (List<Transaction> episode : byPayer(Typology.NIGHT_ACTIVITY)) {
      TreeSet<LocalDate> nights = new TreeSet<>();
      for (Transaction t : episode) {
        assertThat(t.timestamp().atZone(ZoneOffset.UTC).getHour()).isLessThan(5);
        nights.add(t.timestamp().atZone(ZoneOffset.UTC).toLocalDate());
      }
      assertThat(nights).hasSizeGreaterThanOrEqualTo(3);
      assertThat(nights.last()).isEqualTo(nights.first().plusDays(nights.size() - 1));
    }
  }

  @Test
  void highRiskGeographySendsToListedJurisdictions() {
    assertThat(of(Typology.HIGH_RISK_GEOGRAPHY))
        .isNotEmpty()
        .allSatisfy(
            t ->
                assertThat(HighRiskJurisdictions.contains(t.counterpartyCountry()))
                    .as(t.counterpartyCountry())
                    .isTrue());
  }

  @Test
  void dormantAccountsAreSilentForSixtyDaysBeforeMovingLargeAmounts() {
    for (List<Transaction> episode : byPayer(Typology.DORMANT_REACTIVATION)) {
      String id = episode.get(0).customerId().value();
      Instant wake = episode.stream().map(Transaction::timestamp).min(Instant::compareTo).get();
      List<Transaction> touching =
          ordinary(
              t ->
                  t.customerId().value().equals(id)
                      || (t.counterpartyId() != null && t.counterpartyId().value().equals(id)));

      assertThat(touching)
          .allSatisfy(
              t ->
                  assertThat(Duration.between(t.timestamp(), wake))
                      .isGreaterThanOrEqualTo(Duration.ofDays(60)));
      assertThat(episode).hasSizeBetween(2, 5);
      assertThat(episode).allSatisfy(t -> assertThat(t.amount().cents()).isGreaterThan(500_000));
    }
  }

  private List<Transaction> of(Typology typology) {
    return all.stream()
        .filter(t -> t.typology() == typology)
        .map(LabelledTransaction::transaction)
        .toList();
  }

  /** Single-customer typologies: each episode has a payer of its own. */
  private Collection<List<Transaction>> byPayer(Typology typology) {
    Collection<List<Transaction>> episodes =
        of(typology).stream().collect(Collectors.groupingBy(t -> t.customerId().value())).values();
    assertThat(episodes).as(typology.label()).isNotEmpty();
    return episodes;
  }

  private List<Transaction> ordinary(java.util.function.Predicate<Transaction> filter) {
    return all.stream()
        .filter(t -> !t.isLaundering())
        .map(LabelledTransaction::transaction)
        .filter(filter)
        .toList();
  }

  private static Set<String> involvedCustomers(List<LabelledTransaction> transactions) {
    Set<String> ids = new HashSet<>();
    for (LabelledTransaction t : transactions) {
      if (t.isLaundering()) {
        ids.add(t.transaction().customerId().value());
        if (t.transaction().counterpartyId() != null
            && t.transaction().counterpartyId().value().startsWith("C")) {
          ids.add(t.transaction().counterpartyId().value());
        }
      }
    }
    return ids;
  }

  private static Duration span(List<Transaction> episode) {
    Instant first = episode.stream().map(Transaction::timestamp).min(Instant::compareTo).get();
    Instant last = episode.stream().map(Transaction::timestamp).max(Instant::compareTo).get();
    return Duration.between(first, last);
  }

  private static Set<String> values(
      List<Transaction> transactions, Function<Transaction, String> f) {
    Set<String> values = new HashSet<>();
    transactions.forEach(
        t -> {
          if (f.apply(t) != null) {
            values.add(f.apply(t));
          }
        });
    return values;
  }

  private static long median(List<Transaction> transactions) {
    long[] cents = transactions.stream().mapToLong(t -> t.amount().cents()).sorted().toArray();
    return cents.length == 0 ? 0 : cents[cents.length / 2];
  }
}

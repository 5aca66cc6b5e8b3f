package io.amlmonitor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.report.AlertPattern;
import io.amlmonitor.core.report.ReportRepository;
import io.amlmonitor.core.report.RiskyCustomer;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.core.store.CustomerRiskRating;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the report's counts must be on every database. */
abstract class ReportRepositoryContract extends StoreContract {
  private static final Instant DAY1 = Instant.parse("2026-03-01T00:00:00Z");
  private static final TimeRange PERIOD = new TimeRange(DAY1, DAY1.plusSeconds(3 * 86_400));

  private ReportRepository reports() {
    return database().reports();
  }

  /** Stores an alert on {@code customer}'s transaction at {@code at}. */
  private void alert(
      String id, String customer, Instant at, double score, RiskLevel level, String... rules) {
    database()
        .alerts()
        .save(
            new Alert(
                id,
                TransactionId.of("T-" + id),
                CustomerId.of(customer),
                "M1",
                Money.of(9_500),
                at,
                at.plusSeconds(30),
                score,
                level,
                List.of(rules),
                List.of("reason of " + id),
                "v1"));
  }

  private void rated(String customer, RiskLevel level, Instant at, String... reasons) {
    database().customers().upsert(TestData.customer(customer, false));
    database()
        .customers()
        .rate(new CustomerRiskRating(CustomerId.of(customer), level, List.of(reasons), at));
  }

  /** Three alerts in the period, one before it and one at its end (excluded, half-open). */
  private void alertsAroundThePeriod() {
    alert("A1", "C1", DAY1.plusSeconds(3_600), 0.9, RiskLevel.HIGH, "structuring", "fan_out");
    alert("A2", "C1", DAY1.plusSeconds(90_000), 0.65, RiskLevel.HIGH, "structuring");
    alert("A3", "C2", DAY1.plusSeconds(100_000), 0.45, RiskLevel.MEDIUM, "large_amount");
    alert("A0", "C2", DAY1.minusSeconds(1), 0.9, RiskLevel.HIGH, "structuring");
    alert("A9", "C2", PERIOD.until(), 0.9, RiskLevel.HIGH, "structuring");
  }

  @Test
  void alertsAreCountedByRuleLevelAndPatternWhenTheirTransactionHappenedInThePeriod() {
    alertsAroundThePeriod();

    assertThat(reports().alertsByRule(PERIOD))
        .containsOnly(entry("structuring", 2L), entry("fan_out", 1L), entry("large_amount", 1L));
    assertThat(reports().alertsByRiskLevel(PERIOD))
        .containsOnly(entry(RiskLevel.HIGH, 2L), entry(RiskLevel.MEDIUM, 1L));
    assertThat(reports().alertPatterns(PERIOD))
        .containsExactlyInAnyOrder(
            new AlertPattern("v1", List.of("structuring", "fan_out"), 1),
            new AlertPattern("v1", List.of("structuring"), 1),
            new AlertPattern("v1", List.of("large_amount"), 1));
  }

  @Test
  void alertsPerDayAreCountedOnTheCalendarOfTheZone() {
    alertsAroundThePeriod();
    // A1 01:00 UTC on 1 March, A2 01:00 and A3 03:46 UTC on 2 March.
    Map<LocalDate, Long> utc = Map.of(LocalDate.of(2026, 3, 1), 1L, LocalDate.of(2026, 3, 2), 2L);
    // São Paulo is UTC-3: A1 falls on 28 February at 22:00, A2 on 1 March at 22:00.
    Map<LocalDate, Long> saoPaulo =
        Map.of(
            LocalDate.of(2026, 2, 28), 1L,
            LocalDate.of(2026, 3, 1), 1L,
            LocalDate.of(2026, 3, 2), 1L);

    assertThat(reports().alertsPerDay(PERIOD, ZoneOffset.UTC)).isEqualTo(utc);
    assertThat(reports().alertsPerDay(PERIOD, ZoneId.of("America/Sao_Paulo"))).isEqualTo(saoPaulo);
    assertThat(reports().alertsPerDay(PERIOD, ZoneOffset.ofHours(-3))).isEqualTo(saoPaulo);
    // Kolkata is UTC+5:30: every alert stays on its UTC day.
    assertThat(reports().alertsPerDay(PERIOD, ZoneId.of("Asia/Kolkata"))).isEqualTo(utc);
  }

  @Test
  void anEmptyPeriodHasNoCounts() {
    alertsAroundThePeriod();
    TimeRange quiet = new TimeRange(DAY1.plusSeconds(10 * 86_400), DAY1.plusSeconds(11 * 86_400));

    assertThat(reports().alertsByRule(quiet)).isEmpty();
    assertThat(reports().alertPatterns(quiet)).isEmpty();
    assertThat(reports().alertsByRiskLevel(quiet)).isEmpty();
    assertThat(reports().alertsPerDay(quiet, ZoneOffset.UTC)).isEmpty();
    assertThat(reports().topCustomers(quiet, 10)).isEmpty();
  }

  @Test
  void theRiskiestCustomersComeByLatestRatingThenAlertsWithTheReasonsOfThatRating() {
    alertsAroundThePeriod();
    rated("C1", RiskLevel.HIGH, DAY1, "was high");
    rated("C1", RiskLevel.MEDIUM, DAY1.plusSeconds(60), "PEP", "Alerts on 2 transactions");
    rated("C3", RiskLevel.HIGH, DAY1.plusSeconds(60), "High-risk jurisdiction");
    rated("C4", RiskLevel.LOW, DAY1.plusSeconds(60), "Nothing of note");
    database().customers().upsert(TestData.customer("C5", false)); // neither rated nor alerted
    // C2 has alerts but no KYC record: listed, unrated, after every rated customer

    List<RiskyCustomer> top = reports().topCustomers(PERIOD, 10);

    assertThat(top).extracting(c -> c.customerId().value()).containsExactly("C3", "C1", "C4", "C2");
    assertThat(top.get(1))
        .isEqualTo(
            new RiskyCustomer(
                CustomerId.of("C1"),
                RiskLevel.MEDIUM,
                DAY1.plusSeconds(60),
                List.of("PEP", "Alerts on 2 transactions"),
                2,
                0.9));
    assertThat(top.get(0).alerts()).isZero();
    assertThat(top.get(0).highestAlertScore()).isZero();
    assertThat(top.get(3))
        .isEqualTo(new RiskyCustomer(CustomerId.of("C2"), null, null, List.of(), 1, 0.45));
    assertThat(reports().topCustomers(PERIOD, 2))
        .extracting(c -> c.customerId().value())
        .containsExactly("C3", "C1");
  }

  @Test
  void amongEquallyRatedCustomersMoreAlertsComeFirst() {
    alertsAroundThePeriod();
    rated("C1", RiskLevel.HIGH, DAY1, "r");
    rated("C2", RiskLevel.HIGH, DAY1, "r");
    rated("C3", RiskLevel.HIGH, DAY1, "r");

    assertThat(reports().topCustomers(PERIOD, 10))
        .extracting(c -> c.customerId().value() + ":" + c.alerts())
        .containsExactly("C1:2", "C2:1", "C3:0");
  }
}

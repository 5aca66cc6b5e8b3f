package io.amlmonitor.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.cases.CaseId;
import io.amlmonitor.core.cases.CaseService;
import io.amlmonitor.core.cases.CaseStatus;
import io.amlmonitor.core.cases.EvidenceSource;
import io.amlmonitor.core.cases.InMemoryCaseRepository;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.scoring.RiskLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {
  static final Instant DAY1 = Instant.parse("2026-03-01T00:00:00Z");
  static final TimeRange FOUR_DAYS = new TimeRange(DAY1, DAY1.plus(Duration.ofDays(4)));

  private final AtomicReference<Instant> now = new AtomicReference<>(DAY1.plusSeconds(3_600));
  private final CaseService cases =
      new CaseService(new InMemoryCaseRepository(), EvidenceSource.NONE, now::get);

  /** Fixed counts, as a store would aggregate them. */
  private final ReportRepository store =
      new ReportRepository() {
        @Override
        public Map<String, Long> alertsByRule(TimeRange period) {
          return Map.of("structuring", 5L, "pass_through", 2L, "retired", 1L);
        }

        @Override
        public List<AlertPattern> alertPatterns(TimeRange period) {
          return List.of(
              new AlertPattern("2", List.of("structuring", "smurf"), 3),
              new AlertPattern("2", List.of("structuring", "pass_through"), 2),
              new AlertPattern("1", List.of("retired"), 1));
        }

        @Override
        public Map<RiskLevel, Long> alertsByRiskLevel(TimeRange period) {
          return Map.of(RiskLevel.HIGH, 4L, RiskLevel.MEDIUM, 2L);
        }

        @Override
        public SortedMap<LocalDate, Long> alertsPerDay(TimeRange period, ZoneId zone) {
          return new TreeMap<>(Map.of(LocalDate.of(2026, 3, 1), 4L, LocalDate.of(2026, 3, 3), 2L));
        }

        @Override
        public List<RiskyCustomer> topCustomers(TimeRange period, int limit) {
          return List.of(
              new RiskyCustomer(CustomerId.of("C1"), RiskLevel.HIGH, DAY1, List.of("PEP"), 3, 0.9));
        }
      };

  private final ReportBuilder builder =
      new ReportBuilder(
          store,
          cases,
          RuleTypologies.of(
              RuleTypologiesTest.load(
                  RuleTypologiesTest.rules(
                      "2",
                      "structuring:structuring",
                      "smurf:structuring",
                      "pass_through:rapid_movement"))),
          now::get);

  private static Alert alert(String id, String customer, Instant at) {
    return new Alert(
        id,
        TransactionId.of("T-" + id),
        CustomerId.of(customer),
        "M1",
        Money.of(9_500),
        at,
        at,
        0.8,
        RiskLevel.HIGH,
        List.of("structuring"),
        List.of("r"),
        "2");
  }

  private CaseId caseOf(String alertId, String customer) {
    return cases.attachAlert(alert(alertId, customer, now.get()), "flow").kase().id();
  }

  private void close(CaseId id, CaseStatus how) {
    cases.transition(id, CaseStatus.IN_REVIEW, null, "ana");
    cases.transition(id, how, "done", "ana");
  }

  @Test
  void everyDayOfThePeriodHasItsAlertsAndCaseWorkZerosIncluded() {
    CaseId first = caseOf("A1", "C1");
    caseOf("A2", "C2");
    now.set(DAY1.plus(Duration.ofDays(2)).plusSeconds(60));
    close(first, CaseStatus.CLOSED_FALSE_POSITIVE);

    AmlReport r = builder.build(FOUR_DAYS, ZoneOffset.UTC, 10);

    assertThat(r.days())
        .containsExactly(
            new DayActivity(LocalDate.of(2026, 3, 1), 4, 2, 0),
            new DayActivity(LocalDate.of(2026, 3, 2), 0, 0, 0),
            new DayActivity(LocalDate.of(2026, 3, 3), 2, 0, 1),
            new DayActivity(LocalDate.of(2026, 3, 4), 0, 0, 0));
    assertThat(r.alerts()).isEqualTo(6);
    assertThat(r.casesOpened()).isEqualTo(2);
    assertThat(r.casesClosed()).isEqualTo(1);
  }

  @Test
  void aPeriodEndingMidDayInTheZoneEndsOnThatDay() {
    TimeRange partial = new TimeRange(DAY1.plusSeconds(3 * 3_600), DAY1.plusSeconds(30 * 3_600));

    AmlReport r = builder.build(partial, ZoneId.of("America/Sao_Paulo"), 10);

    // 03:00 UTC on 1 March is midnight in São Paulo; 06:00 UTC on 2 March is 03:00 there
    assertThat(r.days())
        .extracting(DayActivity::day)
        .containsExactly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2));
  }

  @Test
  void alertsCountOnceInEachTypologyOfTheirRules() {
    AmlReport r = builder.build(FOUR_DAYS, ZoneOffset.UTC, 10);

    assertThat(r.alertsByTypology())
        .containsExactly(
            new Tally("structuring", 5), new Tally("rapid_movement", 2), new Tally("other", 1));
    assertThat(r.alertsByRule())
        .containsExactly(
            new Tally("structuring", 5), new Tally("pass_through", 2), new Tally("retired", 1));
  }

  @Test
  void theFalsePositiveRateComesFromTheDispositionsOfCasesClosedInThePeriod() {
    CaseId fp = caseOf("A1", "C1");
    CaseId sar = caseOf("A2", "C2");
    cases.attachAlert(alert("A3", "C2", now.get()), "flow");
    close(fp, CaseStatus.CLOSED_FALSE_POSITIVE);
    close(sar, CaseStatus.CLOSED_SAR);
    caseOf("A4", "C3");
    now.set(DAY1.plus(Duration.ofDays(5)));
    close(caseOf("A5", "C4"), CaseStatus.CLOSED_FALSE_POSITIVE); // after the period

    AmlReport r = builder.build(FOUR_DAYS, ZoneOffset.UTC, 10);

    assertThat(r.dispositions()).isEqualTo(new DispositionCounts(1, 2));
    assertThat(r.casesByStatus())
        .containsEntry(CaseStatus.OPEN, 1L)
        .containsEntry(CaseStatus.CLOSED_FALSE_POSITIVE, 2L)
        .containsEntry(CaseStatus.CLOSED_SAR, 1L)
        .containsEntry(CaseStatus.IN_REVIEW, 0L);
    assertThat(r.ageing().openCases()).isEqualTo(1);
    assertThat(r.ageing().oldest()).isEqualTo(Duration.ofDays(5).minusHours(1));
    assertThat(r.generatedAt()).isEqualTo(now.get());
  }

  @Test
  void theTopCustomersAndLevelsComeFromTheStoreWithEveryLevelPresent() {
    AmlReport r = builder.build(FOUR_DAYS, ZoneOffset.UTC, 10);

    assertThat(r.topCustomers()).extracting(c -> c.customerId().value()).containsExactly("C1");
    assertThat(r.alertsByRiskLevel())
        .containsExactly(
            Map.entry(RiskLevel.LOW, 0L),
            Map.entry(RiskLevel.MEDIUM, 2L),
            Map.entry(RiskLevel.HIGH, 4L));
  }

  @Test
  void unboundedOrOverlongPeriodsAndOddTopSizesAreRefused() {
    assertThatThrownBy(() -> builder.build(new TimeRange(DAY1, null), ZoneOffset.UTC, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bounded");
    assertThatThrownBy(
            () ->
                builder.build(
                    new TimeRange(DAY1, DAY1.plus(Duration.ofDays(ReportBuilder.MAX_DAYS + 1))),
                    ZoneOffset.UTC,
                    10))
        .hasMessageContaining("at most 3660 days");
    assertThatThrownBy(() -> builder.build(FOUR_DAYS, ZoneOffset.UTC, 0))
        .hasMessageContaining("top must be 1 to 1000");
  }
}

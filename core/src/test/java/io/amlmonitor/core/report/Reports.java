package io.amlmonitor.core.report;

import io.amlmonitor.core.cases.CaseAgeing;
import io.amlmonitor.core.cases.CaseStatus;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.scoring.RiskLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Reports built by hand for the renderers' tests. */
final class Reports {
  static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
  static final TimeRange THREE_DAYS = new TimeRange(FROM, FROM.plus(Duration.ofDays(3)));
  static final Instant NOW = Instant.parse("2026-03-04T09:30:00Z");

  private Reports() {}

  /** 40 alerts over three days, cases worked, one customer with a reason that is markup. */
  static AmlReport sample() {
    return new AmlReport(
        THREE_DAYS,
        ZoneOffset.UTC,
        NOW,
        List.of(new Tally("structuring", 30), new Tally("large_amount", 15)),
        List.of(new Tally("structuring", 30), new Tally("large_amount", 15)),
        Map.of(RiskLevel.HIGH, 10L, RiskLevel.MEDIUM, 20L, RiskLevel.LOW, 10L),
        List.of(
            new DayActivity(LocalDate.of(2026, 3, 1), 10, 4, 0),
            new DayActivity(LocalDate.of(2026, 3, 2), 0, 0, 1),
            new DayActivity(LocalDate.of(2026, 3, 3), 30, 2, 3)),
        Map.of(
            CaseStatus.OPEN, 2L, CaseStatus.CLOSED_FALSE_POSITIVE, 3L, CaseStatus.CLOSED_SAR, 1L),
        new CaseAgeing(
            NOW, 2, Duration.ofHours(50), Duration.ofMinutes(90), List.of(1L, 1L, 0L, 0L)),
        new DispositionCounts(3, 1),
        List.of(
            new RiskyCustomer(
                CustomerId.of("C<1>"),
                RiskLevel.HIGH,
                FROM,
                List.of("<script>alert('x')</script> & more"),
                12,
                0.91),
            new RiskyCustomer(CustomerId.of("C2"), null, null, List.of(), 3, 0.5)));
  }

  /** A period in which nothing happened and no case is open. */
  static AmlReport empty() {
    return new AmlReport(
        THREE_DAYS,
        ZoneOffset.UTC,
        NOW,
        List.of(),
        List.of(),
        Map.of(),
        List.of(
            new DayActivity(LocalDate.of(2026, 3, 1), 0, 0, 0),
            new DayActivity(LocalDate.of(2026, 3, 2), 0, 0, 0),
            new DayActivity(LocalDate.of(2026, 3, 3), 0, 0, 0)),
        Map.of(),
        new CaseAgeing(NOW, 0, Duration.ZERO, Duration.ZERO, List.of(0L, 0L, 0L, 0L)),
        DispositionCounts.NONE,
        List.of());
  }
}

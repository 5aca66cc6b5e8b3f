package io.amlmonitor.core.report;

import io.amlmonitor.core.cases.CaseService;
import io.amlmonitor.core.cases.DailyCaseCounts;
import io.amlmonitor.core.domain.TimeRange;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Makes an {@link AmlReport}: the alert counts from the {@link ReportRepository}, the case work
 * from the {@link CaseService}, typologies from {@link RuleTypologies}, "now" from the clock.
 */
public final class ReportBuilder {
  /** The longest period a report covers, in days: ten years, one chart column a day. */
  public static final int MAX_DAYS = 3_660;

  /** The most customers a report lists. */
  public static final int MAX_TOP = 1_000;

  private final ReportRepository reports;
  private final CaseService cases;
  private final RuleTypologies typologies;
  private final InstantSource clock;

  /**
   * @param cases the case work; its clock should be {@code clock}, since the open cases are aged at
   *     its "now" and the report says it was made at this one's
   */
  public ReportBuilder(
      ReportRepository reports, CaseService cases, RuleTypologies typologies, InstantSource clock) {
    this.reports = Objects.requireNonNull(reports, "reports");
    this.cases = Objects.requireNonNull(cases, "cases");
    this.typologies = Objects.requireNonNull(typologies, "typologies");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The report over {@code period}, its days in {@code zone}, listing the {@code top} riskiest
   * customers.
   *
   * @throws IllegalArgumentException when the period is unbounded or longer than {@link #MAX_DAYS},
   *     or {@code top} is outside 1 to {@link #MAX_TOP}
   */
  public AmlReport build(TimeRange period, ZoneId zone, int top) {
    if (period.from() == null || period.until() == null) {
      throw new IllegalArgumentException("a report covers a bounded period, was " + period);
    }
    if (ChronoUnit.DAYS.between(period.from(), period.until()) > MAX_DAYS) {
      throw new IllegalArgumentException(
          "a report covers at most " + MAX_DAYS + " days, was " + period);
    }
    if (top < 1 || top > MAX_TOP) {
      throw new IllegalArgumentException("top must be 1 to " + MAX_TOP + ", was " + top);
    }
    Instant now = clock.instant();
    DispositionCounts[] dispositions = {DispositionCounts.NONE};
    cases.forEachDisposition(period, d -> dispositions[0] = dispositions[0].plus(d.disposition()));
    return new AmlReport(
        period,
        zone,
        now,
        Tally.largestFirst(reports.alertsByRule(period)),
        byTypology(period),
        reports.alertsByRiskLevel(period),
        days(period, zone),
        cases.countByStatus(),
        cases.ageing(),
        dispositions[0],
        reports.topCustomers(period, top));
  }

  private List<Tally> byTypology(TimeRange period) {
    Map<String, Long> counts = new HashMap<>();
    for (AlertPattern p : reports.alertPatterns(period)) {
      for (String typology : typologies.typologies(p)) {
        counts.merge(typology, p.alerts(), Long::sum);
      }
    }
    return Tally.largestFirst(counts);
  }

  /** Every day the period touches, with its alerts and case work (zero when nothing happened). */
  private List<DayActivity> days(TimeRange period, ZoneId zone) {
    SortedMap<LocalDate, Long> alerts = reports.alertsPerDay(period, zone);
    SortedMap<LocalDate, DailyCaseCounts> work = cases.perDay(period, zone);
    LocalDate last = LocalDate.ofInstant(period.until().minusNanos(1), zone);
    List<DayActivity> days = new ArrayList<>();
    for (LocalDate d = LocalDate.ofInstant(period.from(), zone);
        !d.isAfter(last);
        d = d.plusDays(1)) {
      DailyCaseCounts c = work.get(d);
      days.add(
          new DayActivity(
              d,
              alerts.getOrDefault(d, 0L),
              c == null ? 0 : c.opened(),
              c == null ? 0 : c.closed()));
    }
    return days;
  }
}

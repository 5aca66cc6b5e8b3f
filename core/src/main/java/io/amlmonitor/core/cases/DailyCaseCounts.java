package io.amlmonitor.core.cases;

import io.amlmonitor.core.domain.TimeRange;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How many cases were opened and how many closed on one day: the throughput of case work.
 *
 * @param day the calendar day in the zone the counts were made for
 */
public record DailyCaseCounts(LocalDate day, long opened, long closed) {
  /**
   * The counts per day of the cases opened or closed in {@code range}, by calendar day in {@code
   * zone}, in day order; days with neither are absent. Streams the cases, holding one entry per
   * day.
   */
  public static SortedMap<LocalDate, DailyCaseCounts> of(
      CaseRepository cases, TimeRange range, ZoneId zone) {
    TreeMap<LocalDate, DailyCaseCounts> days = new TreeMap<>();
    cases.forEachOpenedOrClosedIn(
        range,
        c -> {
          if (range.contains(c.openedAt())) {
            days.merge(
                LocalDate.ofInstant(c.openedAt(), zone),
                new DailyCaseCounts(LocalDate.ofInstant(c.openedAt(), zone), 1, 0),
                DailyCaseCounts::plus);
          }
          if (c.closedAt() != null && range.contains(c.closedAt())) {
            days.merge(
                LocalDate.ofInstant(c.closedAt(), zone),
                new DailyCaseCounts(LocalDate.ofInstant(c.closedAt(), zone), 0, 1),
                DailyCaseCounts::plus);
          }
        });
    return Collections.unmodifiableSortedMap(days);
  }

  /** The counts of the same day added up. */
  public DailyCaseCounts plus(DailyCaseCounts other) {
    if (!other.day.equals(day)) {
      throw new IllegalArgumentException("cannot add " + other.day + " to " + day);
    }
    return new DailyCaseCounts(day, opened + other.opened, closed + other.closed);
  }
}

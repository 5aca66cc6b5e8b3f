package io.amlmonitor.core.report;

import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.scoring.RiskLevel;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The counts a report needs from the alerts and customer ratings of the system of record, each
 * aggregated by the store. An alert is in a period when its transaction happened in it (event time,
 * as the flows' periods are), so a report over a past period counts the alerts of that period's
 * activity whenever they were raised.
 */
public interface ReportRepository {
  /** Per rule id, how many alerts of {@code period} list it; rules with none are absent. */
  Map<String, Long> alertsByRule(TimeRange period);

  /** The alerts of {@code period} per rule-set version and combination of rules fired. */
  List<AlertPattern> alertPatterns(TimeRange period);

  /** Per risk level, how many alerts of {@code period} have it; levels with none are absent. */
  Map<RiskLevel, Long> alertsByRiskLevel(TimeRange period);

  /**
   * Per calendar day in {@code zone}, how many alerts of {@code period} have their transaction on
   * that day, in day order; days with none are absent.
   */
  SortedMap<LocalDate, Long> alertsPerDay(TimeRange period, ZoneId zone);

  /**
   * At most {@code limit} customers, riskiest first: by latest rating (HIGH, MEDIUM, LOW, never
   * rated), then by alerts in {@code period}, then by the highest score among them, then by id.
   * Customers neither rated nor alerted in the period are left out; a customer with alerts but no
   * KYC record is included, unrated.
   */
  List<RiskyCustomer> topCustomers(TimeRange period, int limit);
}

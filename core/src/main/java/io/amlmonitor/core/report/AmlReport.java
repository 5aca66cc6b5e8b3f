package io.amlmonitor.core.report;

import io.amlmonitor.core.cases.CaseAgeing;
import io.amlmonitor.core.cases.CaseStatus;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.scoring.RiskLevel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the monitoring produced over one period: alerts by rule, typology, risk level and day; the
 * case work of each day; the state of the case queue when the report was made; how closed alerts
 * were judged; and the riskiest customers.
 *
 * @param period the bounded period; alerts count by when their transaction happened, case work by
 *     when it was done
 * @param zone where the period's days begin and end
 * @param generatedAt when the report was made
 * @param alertsByRule per rule, the alerts that list it, largest first
 * @param alertsByTypology per typology, the alerts with a rule of it, largest first; an alert whose
 *     rules span two typologies counts in both, so these may add up to more than {@link #alerts()}
 * @param alertsByRiskLevel every level, zeros included
 * @param days every calendar day of the period, in order
 * @param casesByStatus every status, zeros included: the queue when the report was made
 * @param ageing the cases open when the report was made, aged at {@code generatedAt}
 * @param dispositions the alerts of cases closed in the period, by how they were closed
 * @param topCustomers the riskiest customers, riskiest first (see {@link
 *     ReportRepository#topCustomers})
 * @param modelDrift the serving model's drift over the period; null when no model with a reference
 *     is promoted
 */
public record AmlReport(
    TimeRange period,
    ZoneId zone,
    Instant generatedAt,
    List<Tally> alertsByRule,
    List<Tally> alertsByTypology,
    Map<RiskLevel, Long> alertsByRiskLevel,
    List<DayActivity> days,
    Map<CaseStatus, Long> casesByStatus,
    CaseAgeing ageing,
    DispositionCounts dispositions,
    List<RiskyCustomer> topCustomers,
    ModelDrift modelDrift) {

  public AmlReport {
    Objects.requireNonNull(period, "period");
    if (period.from() == null || period.until() == null) {
      throw new IllegalArgumentException("a report covers a bounded period, was " + period);
    }
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(generatedAt, "generatedAt");
    alertsByRule = List.copyOf(alertsByRule);
    alertsByTypology = List.copyOf(alertsByTypology);
    alertsByRiskLevel = every(RiskLevel.class, alertsByRiskLevel);
    days = List.copyOf(days);
    casesByStatus = every(CaseStatus.class, casesByStatus);
    Objects.requireNonNull(ageing, "ageing");
    Objects.requireNonNull(dispositions, "dispositions");
    topCustomers = List.copyOf(topCustomers);
  }

  /** A report without model drift. */
  public AmlReport(
      TimeRange period,
      ZoneId zone,
      Instant generatedAt,
      List<Tally> alertsByRule,
      List<Tally> alertsByTypology,
      Map<RiskLevel, Long> alertsByRiskLevel,
      List<DayActivity> days,
      Map<CaseStatus, Long> casesByStatus,
      CaseAgeing ageing,
      DispositionCounts dispositions,
      List<RiskyCustomer> topCustomers) {
    this(
        period,
        zone,
        generatedAt,
        alertsByRule,
        alertsByTypology,
        alertsByRiskLevel,
        days,
        casesByStatus,
        ageing,
        dispositions,
        topCustomers,
        null);
  }

  /** This report with the model's drift over its period. */
  public AmlReport withModelDrift(ModelDrift drift) {
    return new AmlReport(
        period,
        zone,
        generatedAt,
        alertsByRule,
        alertsByTypology,
        alertsByRiskLevel,
        days,
        casesByStatus,
        ageing,
        dispositions,
        topCustomers,
        drift);
  }

  /** The alerts of the period: every alert has one risk level. */
  public long alerts() {
    return alertsByRiskLevel.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Cases opened in the period. */
  public long casesOpened() {
    return days.stream().mapToLong(DayActivity::casesOpened).sum();
  }

  /** Cases closed in the period. */
  public long casesClosed() {
    return days.stream().mapToLong(DayActivity::casesClosed).sum();
  }

  /** {@code counts} with every constant of {@code type}, in declaration order, absent ones 0. */
  private static <K extends Enum<K>> Map<K, Long> every(Class<K> type, Map<K, Long> counts) {
    EnumMap<K, Long> out = new EnumMap<>(type);
    for (K k : type.getEnumConstants()) {
      out.put(k, counts.getOrDefault(k, 0L));
    }
    return Collections.unmodifiableMap(out);
  }
}

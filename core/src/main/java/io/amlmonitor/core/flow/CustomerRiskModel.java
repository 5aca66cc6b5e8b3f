package io.amlmonitor.core.flow;

import io.amlmonitor.core.scoring.Messages;
import io.amlmonitor.core.scoring.RiskLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The customer risk rating method (documented in docs/flows.md): each factor that applies adds a
 * risk in [0, 1], and they combine as independent risks, {@code 1 - Π(1 - r)}, as rules do. The
 * level is HIGH at or above the risk threshold, MEDIUM at or above the medium threshold.
 *
 * <p>Factors: the KYC profile (PEP, high-risk country, high-risk segment, a new relationship),
 * behaviour against the declared monthly volume and against the peer group (same type and segment),
 * relationships (counterparties with alerts or rated high) and history (alerts in the period, cases
 * closed with a SAR).
 */
public final class CustomerRiskModel {
  /** Segments with a known exposure to cash or value transfer. */
  public static final Set<String> HIGH_RISK_SEGMENTS =
      Set.of(
          "money_services",
          "crypto",
          "gambling",
          "jewelry",
          "precious_metals",
          "real_estate",
          "cash_intensive",
          "arms",
          "art_dealer");

  /** Fewest peers for the peer comparison to count. */
  static final int MIN_PEERS = 5;

  private final Set<String> highRiskCountries;
  private final double mediumThreshold;
  private final double highThreshold;
  private final Locale locale;

  /**
   * @param highThreshold the customer risk threshold: HIGH at or above it
   * @param mediumThreshold MEDIUM at or above it (capped at {@code highThreshold})
   */
  public CustomerRiskModel(
      Set<String> highRiskCountries, double mediumThreshold, double highThreshold, Locale locale) {
    this.highRiskCountries = Set.copyOf(highRiskCountries);
    this.highThreshold = highThreshold;
    this.mediumThreshold = Math.min(mediumThreshold, highThreshold);
    this.locale = locale;
  }

  /** A rating with its score and the reasons behind it, strongest first. */
  public record Rating(double score, RiskLevel level, List<String> reasons) {}

  /**
   * Rates {@code a} over a period of {@code period} ending at {@code asOf}.
   *
   * @param peerMedianMonthlyCents the median monthly volume of the customer's peer group
   * @param peers how many customers are in that group
   */
  public Rating rate(
      CustomerActivity a, Instant asOf, Duration period, long peerMedianMonthlyCents, int peers) {
    List<Factor> factors = new ArrayList<>();
    var c = a.customer();
    if (c.pep()) {
      factors.add(new Factor(0.40, text("risk.pep")));
    }
    if (c.country() != null && highRiskCountries.contains(c.country())) {
      factors.add(new Factor(0.35, text("risk.country", c.country())));
    }
    if (c.segment() != null && HIGH_RISK_SEGMENTS.contains(c.segment())) {
      factors.add(new Factor(0.25, text("risk.segment", c.segment())));
    }
    LocalDate day = asOf.atZone(ZoneOffset.UTC).toLocalDate();
    if (c.onboardingDate().isAfter(day.minusDays(90))) {
      factors.add(new Factor(0.05, text("risk.new", c.onboardingDate())));
    }
    double months = Math.max(period.toHours() / 24.0 / 30.0, 1.0 / 30);
    long monthly = Math.round(a.volumeCents() / months);
    long expected = c.expectedMonthlyVolume().cents();
    if (expected > 0) {
      double ratio = (double) monthly / expected;
      if (ratio >= 3) {
        factors.add(new Factor(0.30, text("risk.volume.high", times(ratio))));
      } else if (ratio >= 1.5) {
        factors.add(new Factor(0.15, text("risk.volume.above", times(ratio))));
      }
    } else if (monthly > 0) {
      factors.add(new Factor(0.15, text("risk.volume.undeclared")));
    }
    if (peers >= MIN_PEERS && peerMedianMonthlyCents > 0) {
      double ratio = (double) monthly / peerMedianMonthlyCents;
      if (ratio >= 5) {
        factors.add(new Factor(0.20, text("risk.peers", times(ratio), peers)));
      }
    }
    if (a.riskyCounterparties() >= 3) {
      factors.add(new Factor(0.30, text("risk.counterparties", a.riskyCounterparties())));
    } else if (a.riskyCounterparties() >= 1) {
      factors.add(new Factor(0.15, text("risk.counterparties", a.riskyCounterparties())));
    }
    if (a.alerts() >= 5) {
      factors.add(new Factor(0.35, text("risk.alerts", a.alerts())));
    } else if (a.alerts() >= 1) {
      factors.add(new Factor(0.15, text("risk.alerts", a.alerts())));
    }
    if (a.sarCases() > 0) {
      factors.add(new Factor(0.50, text("risk.sar", a.sarCases())));
    }
    factors.sort((x, y) -> Double.compare(y.risk(), x.risk()));
    double keep = 1;
    List<String> reasons = new ArrayList<>();
    for (Factor f : factors) {
      keep *= 1 - f.risk();
      reasons.add(f.reason());
    }
    double score = 1 - keep;
    if (reasons.isEmpty()) {
      reasons.add(text("risk.none"));
    }
    RiskLevel level =
        score >= highThreshold
            ? RiskLevel.HIGH
            : score >= mediumThreshold ? RiskLevel.MEDIUM : RiskLevel.LOW;
    return new Rating(score, level, reasons);
  }

  private record Factor(double risk, String reason) {}

  private String text(String key, Object... args) {
    return Messages.get(locale, key, args);
  }

  private static String times(double ratio) {
    return String.format(Locale.ROOT, "%.1f", ratio);
  }
}

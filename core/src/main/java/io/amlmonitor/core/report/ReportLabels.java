package io.amlmonitor.core.report;

import io.amlmonitor.core.scoring.Messages;
import io.amlmonitor.core.scoring.RiskLevel;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;

/**
 * The words and numbers of a report in one language: labels from the core's message bundles, counts
 * and percentages in the locale's notation, times in the report's zone.
 */
final class ReportLabels {
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Locale locale;
  private final ZoneId zone;

  ReportLabels(Locale locale, ZoneId zone) {
    this.locale = locale;
    this.zone = zone;
  }

  Locale locale() {
    return locale;
  }

  String get(String key, Object... args) {
    return Messages.get(locale, key, args);
  }

  String level(RiskLevel level) {
    return level == null ? get("report.unrated") : get("report.level." + level.name());
  }

  /** The typology's name in this language, or its id when it has none. */
  String typology(String id) {
    try {
      return get("report.typology." + id);
    } catch (MissingResourceException e) {
      return id;
    }
  }

  String count(long n) {
    return NumberFormat.getIntegerInstance(locale).format(n);
  }

  /** {@code share} (0 to 1) as a percentage with one decimal. */
  String percent(double share) {
    NumberFormat f = NumberFormat.getPercentInstance(locale);
    f.setMinimumFractionDigits(1);
    f.setMaximumFractionDigits(1);
    return f.format(share);
  }

  /** {@code part} of {@code whole} as a percentage, or an empty text when the whole is 0. */
  String share(long part, long whole) {
    return whole == 0 ? "" : percent((double) part / whole);
  }

  /** A population stability index, to three decimals; "n/a" when there is none. */
  String psi(double psi) {
    return Double.isNaN(psi) ? "n/a" : String.format(locale, "%.3f", psi);
  }

  String score(double score) {
    return String.format(locale, "%.2f", score);
  }

  /** A minute in the report's zone. */
  String time(Instant t) {
    return t == null ? "" : MINUTES.format(t.atZone(zone));
  }

  /** The line naming the report's period, zone and making. */
  String period(AmlReport r) {
    return get(
        "report.period",
        time(r.period().from()),
        time(r.period().until()),
        zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId(),
        time(r.generatedAt()));
  }

  /** The heading of the riskiest customers: how many, when there are any. */
  String topCustomers(AmlReport r) {
    return r.topCustomers().isEmpty()
        ? get("report.topNone")
        : get("report.top", r.topCustomers().size());
  }

  /** The rate with the counts behind it, or "n/a" when no alert was judged. */
  String falsePositiveRate(DispositionCounts d) {
    return d.falsePositiveRate().isEmpty()
        ? get("report.fpRate.none")
        : get(
            "report.fpRate.value",
            percent(d.falsePositiveRate().getAsDouble()),
            count(d.falsePositives()),
            count(d.sars()));
  }

  /** A duration to the minute, in its two largest units. */
  String duration(Duration d) {
    long minutes = d.toMinutes();
    if (minutes >= 24 * 60) {
      return get("report.duration.days", count(minutes / (24 * 60)), (minutes / 60) % 24);
    }
    if (minutes >= 60) {
      return get("report.duration.hours", minutes / 60, minutes % 60);
    }
    return get("report.duration.minutes", minutes);
  }
}

package io.amlmonitor.app;

import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.generator.Typology;
import java.io.PrintStream;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Prints what the demo measured: totals, latency, alerts by level and rule, detection by typology.
 */
final class DemoSummary {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private final PrintStream out;
  private final AppMessages msg;
  private final DemoStats stats;
  private final double alertThreshold;
  private final NumberFormat decimal;

  DemoSummary(PrintStream out, AppMessages msg, DemoStats stats, double alertThreshold) {
    this.out = out;
    this.msg = msg;
    this.stats = stats;
    this.alertThreshold = alertThreshold;
    this.decimal = NumberFormat.getNumberInstance(msg.locale());
    decimal.setMaximumFractionDigits(2);
  }

  void print(double seconds, Instant firstEvent, Instant lastEvent) {
    long n = stats.decisions();
    out.println();
    out.println(msg.get("demo.summary"));
    out.println(
        "  "
            + msg.get(
                "demo.totals",
                n,
                decimal.format(seconds),
                Math.round(n / Math.max(seconds, 1e-9)),
                DAY.format(firstEvent),
                DAY.format(lastEvent)));
    // a stream job's decisions carry no processing time here: its freshness is measured apart
    if (stats.totalPercentileMicros(100) > 0) {
      out.println(
          "  "
              + msg.get(
                  "demo.latency",
                  decimal.format(stats.totalPercentileMicros(50) / 1000.0),
                  decimal.format(stats.totalPercentileMicros(99) / 1000.0),
                  decimal.format(stats.totalPercentileMicros(100) / 1000.0)));
    }
    out.println(
        "  "
            + msg.get(
                "demo.levels",
                stats.byLevel(RiskLevel.LOW),
                stats.byLevel(RiskLevel.MEDIUM),
                stats.byLevel(RiskLevel.HIGH)));
    out.println(
        "  "
            + msg.get(
                "demo.alerts",
                stats.alerts(),
                stats.alertsByLevel(RiskLevel.HIGH),
                stats.alertsByLevel(RiskLevel.MEDIUM),
                stats.alertsByLevel(RiskLevel.LOW),
                decimal.format(alertThreshold)));
    out.println("  " + msg.get("demo.byRule"));
    Map<String, Long> byRule = stats.alertsByRule();
    if (byRule.isEmpty()) {
      out.println("    " + msg.get("demo.none"));
    }
    byRule.forEach((rule, count) -> out.printf("    %-24s %,d%n", rule, count));
    out.println("  " + msg.get("demo.detection"));
    out.printf(
        "    %-24s %-26s %s%n",
        msg.get("demo.header"), msg.get("demo.transactions"), msg.get("demo.accounts"));
    for (Typology t : Typology.values()) {
      if (t == Typology.NONE) {
        continue;
      }
      out.printf(
          "    %-24s %-26s %s%n",
          t.label(),
          ratio(stats.labelledAlerted(t), stats.labelled(t)),
          ratio(stats.accountsAlerted(t), stats.accounts(t)));
    }
    out.printf(
        "    %-24s %-26s %s%n",
        msg.get("demo.falseAlerts"),
        ratio(stats.labelledAlerted(Typology.NONE), stats.labelled(Typology.NONE)),
        ratio(stats.accountsAlerted(Typology.NONE), stats.accounts(Typology.NONE)));
  }

  private String ratio(long part, long whole) {
    NumberFormat integer = NumberFormat.getIntegerInstance(msg.locale());
    if (whole == 0) {
      return "0 / 0";
    }
    NumberFormat pct = NumberFormat.getPercentInstance(msg.locale());
    pct.setMaximumFractionDigits(part * 1000 < whole ? 2 : 0);
    return integer.format(part)
        + " / "
        + integer.format(whole)
        + " ("
        + pct.format((double) part / whole)
        + ")";
  }
}

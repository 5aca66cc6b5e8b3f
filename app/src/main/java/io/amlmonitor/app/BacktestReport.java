package io.amlmonitor.app;

import io.amlmonitor.core.flow.RuleBacktest;
import java.io.PrintStream;

/** The backtest's table: per rule, then the totals. */
final class BacktestReport {
  private final AppMessages msg;
  private final PrintStream out;

  BacktestReport(AppMessages msg, PrintStream out) {
    this.msg = msg;
    this.out = out;
  }

  void print(RuleBacktest.Result r) {
    boolean labelled = r.labelled() > 0;
    String row = labelled ? "%-28s %10s %10s %10s %10s %8s %8s%n" : "%-28s %10s %10s %10s %10s%n";
    out.printf(
        row,
        msg.get("backtest.rule"),
        msg.get("backtest.firesNow"),
        msg.get("backtest.firesNext"),
        msg.get("backtest.alertsNow"),
        msg.get("backtest.alertsNext"),
        msg.get("backtest.tp"),
        msg.get("backtest.fp"));
    for (RuleBacktest.RuleCounts c : r.rules()) {
      out.printf(
          row,
          c.ruleId(),
          n(c.firesCurrent()),
          n(c.firesCandidate()),
          n(c.alertsCurrent()),
          n(c.alertsCandidate()),
          n(c.truePositivesCandidate()),
          n(c.falsePositivesCandidate()));
    }
    out.println(
        msg.get(
            "backtest.totals",
            r.scored(),
            r.alertsCurrent(),
            r.alertsCandidate(),
            r.onlyCandidate(),
            r.onlyCurrent(),
            String.format("%.1f", r.seconds())));
    if (labelled) {
      out.println(
          msg.get(
              "backtest.labels",
              r.labelled(),
              r.truePositivesCurrent(),
              r.falsePositivesCurrent(),
              r.truePositivesCandidate(),
              r.falsePositivesCandidate()));
    } else {
      out.println(msg.get("backtest.noLabels"));
    }
  }

  private static String n(long v) {
    return String.format("%,d", v);
  }
}

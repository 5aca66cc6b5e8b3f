package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.FlowSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.cases.Case;
import io.amlmonitor.core.cases.CaseQuery;
import io.amlmonitor.core.cases.CaseService;
import io.amlmonitor.core.cases.CaseStatus;
import io.amlmonitor.core.cases.EvidenceSource;
import io.amlmonitor.core.flow.FlowName;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.jdbc.Database;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aml rules backtest} on the embedded database, with dispositions from closed cases. */
class RulesBacktestTest {
  @TempDir Path dir;

  private Map<String, String> values() {
    return Map.of(
        "AML_DATA_DIR",
        dir.toString(),
        "ALERT_THRESHOLD",
        "0.4",
        "ALERT_SUPPRESSION",
        "0",
        "FLOW_LOOKBACK_DAYS",
        "8");
  }

  @Test
  void aCandidateIsComparedRuleByRuleAndAgainstDispositionsWithoutStoringAnything()
      throws Exception {
    ConfigSources sources = new ConfigSources(values(), Map.of(), Map.of());
    Settings settings = Settings.resolve(sources);
    FlowsTestData data;
    try (Database db = Database.open(SqlStores.config(settings))) {
      data = new FlowsTestData().storeIn(db);
    }
    Instant clock = Instant.parse("2026-11-21T12:00:00Z");
    new FlowRunner(
            settings,
            FlowSettings.resolve(sources),
            InstantSource.fixed(clock),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .run(
            List.of(FlowName.TRANSACTION_MONITORING, FlowName.ALERT_GENERATION), data.end(), false);
    long decisions;
    long alerts;
    try (Database db = Database.open(SqlStores.config(settings))) {
      CaseService cases =
          new CaseService(
              db.cases(),
              EvidenceSource.of(db.transactions(), db.decisions(), db.customers()),
              InstantSource.fixed(clock));
      List<Case> open = cases.find(new CaseQuery(CaseStatus.OPEN, null, null, false, 0, 4));
      assertThat(open).hasSize(4);
      for (int i = 0; i < open.size(); i++) {
        cases.transition(open.get(i).id(), CaseStatus.IN_REVIEW, null, "ana");
        cases.transition(
            open.get(i).id(),
            i % 2 == 0 ? CaseStatus.CLOSED_SAR : CaseStatus.CLOSED_FALSE_POSITIVE,
            "reviewed",
            "ana");
      }
      decisions = db.decisions().count();
      alerts = db.alerts().count();
    }
    String text;
    try (InputStream in =
        RuleSetLoader.class.getClassLoader().getResourceAsStream(RuleSetLoader.DEFAULT_RESOURCE)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path candidate =
        Files.writeString(
            dir.resolve("candidate.yaml"),
            text.replaceFirst("version: \"[^\"]*\"", "version: \"candidate-1\"")
                .replace(
                    "condition: amount > reporting_threshold\n",
                    "condition: amount > reporting_threshold * 100.0\n"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code =
        RulesCommand.Backtest.run(
            settings,
            FlowSettings.resolve(sources),
            data.end(),
            RuleSets.load(null, ZoneOffset.UTC),
            RuleSets.load(candidate, ZoneOffset.UTC),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    String report = out.toString(StandardCharsets.UTF_8);

    assertThat(code).as(report).isZero();
    assertThat(report).contains("Backtesting rule set candidate-1 against");
    String largeAmount =
        report.lines().filter(l -> l.startsWith("large_amount ")).findFirst().orElseThrow();
    String[] cols = largeAmount.trim().split("\\s+");
    assertThat(Long.parseLong(cols[1].replace(",", ""))).isPositive();
    assertThat(cols[2]).isEqualTo("0");
    assertThat(report)
        .contains(String.format("%,d alerts with the current rules", alerts))
        .containsPattern("Against \\d+ dispositions: current rules \\d+ true and \\d+ false");
    try (Database db = Database.open(SqlStores.config(settings))) {
      assertThat(db.decisions().count()).isEqualTo(decisions);
      assertThat(db.alerts().count()).isEqualTo(alerts);
    }
  }
}

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
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.flow.FlowName;
import io.amlmonitor.jdbc.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aml report} end to end on one database: the flows raise alerts and open cases over a
 * generated history, analysts close two cases, and the report counts what happened.
 */
abstract class ReportContract {
  /** When the flows ran: an hour after the generated history ends. */
  static final Duration FLOWS_AFTER_END = Duration.ofHours(1);

  @TempDir Path dir;

  /** Settings naming the database under test. */
  abstract Map<String, String> database();

  Settings settings(Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(database());
    values.putAll(extra);
    return Settings.resolve(new ConfigSources(values, Map.of(), Map.of()));
  }

  /** What the test made happen, counted straight from the tables. */
  record Expected(
      long alerts,
      long high,
      Map<String, Long> byRule,
      long cases,
      long falsePositives,
      long sars,
      long openCases) {}

  /**
   * Runs {@code aml report} over {@code period} (days in UTC) writing the page to {@code page};
   * returns what it printed. Here through {@link ReportConsole}, with the settings of {@link
   * #database()}, "now" three hours after the history.
   */
  String report(TimeRange period, Path page, Instant now) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new ReportConsole(
                settings(Map.of()),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                InstantSource.fixed(now))
            .run(period, 10, page);
    assertThat(code).as(err.toString()).isZero();
    return out.toString();
  }

  /** Stores the generated history, runs the three flows and closes two cases. */
  Expected monitoredHistory(FlowsTestData data) throws Exception {
    try (Database db = Database.open(SqlStores.config(settings(Map.of())))) {
      data.storeIn(db);
    }
    Map<String, String> flags =
        Map.of(
            "FLOW_LOOKBACK_DAYS", "4",
            "FLOW_BATCH_SIZE", "1000",
            "FLOW_WORKERS", "2",
            "ALERT_THRESHOLD", "0.4",
            "ALERT_SUPPRESSION", "0");
    Map<String, String> values = new HashMap<>(database());
    values.putAll(flags);
    ConfigSources sources = new ConfigSources(values, Map.of(), Map.of());
    ByteArrayOutputStream flowsOut = new ByteArrayOutputStream();
    int code =
        new FlowRunner(
                Settings.resolve(sources),
                FlowSettings.resolve(sources),
                InstantSource.fixed(data.end().plus(FLOWS_AFTER_END)),
                new PrintStream(flowsOut, true, StandardCharsets.UTF_8))
            .run(List.of(FlowName.values()), data.end(), false);
    assertThat(code).as(flowsOut.toString(StandardCharsets.UTF_8)).isZero();
    try (Database db = Database.open(SqlStores.config(settings(Map.of())))) {
      CaseService cases =
          new CaseService(
              db.cases(),
              EvidenceSource.NONE,
              InstantSource.fixed(data.end().plus(FLOWS_AFTER_END).plusSeconds(600)));
      List<Case> open = cases.find(new CaseQuery(CaseStatus.OPEN, null, null, false, 0, 2));
      assertThat(open).as("the flows opened at least two cases").hasSize(2);
      for (Case c : open) {
        cases.transition(c.id(), CaseStatus.IN_REVIEW, null, "ana");
      }
      cases.transition(open.get(0).id(), CaseStatus.CLOSED_FALSE_POSITIVE, "normal", "ana");
      cases.transition(open.get(1).id(), CaseStatus.CLOSED_SAR, "structuring", "ana");
      try (var c = db.dataSource().getConnection();
          Statement s = c.createStatement()) {
        long alerts = count(s, "SELECT count(*) FROM alerts");
        long high = count(s, "SELECT count(*) FROM alerts WHERE risk_level = 'HIGH'");
        long all = count(s, "SELECT count(*) FROM cases");
        long stillOpen = count(s, "SELECT count(*) FROM cases WHERE closed_at IS NULL");
        Map<String, Long> byRule = new HashMap<>();
        try (ResultSet rs =
            s.executeQuery("SELECT rule_id, count(*) FROM alert_rules GROUP BY rule_id")) {
          while (rs.next()) {
            byRule.put(rs.getString(1), rs.getLong(2));
          }
        }
        return new Expected(
            alerts,
            high,
            byRule,
            all,
            open.get(0).alertCount(),
            open.get(1).alertCount(),
            stillOpen);
      }
    }
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static int occurrences(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  @Test
  void theReportCountsTheAlertsTheFlowsRaisedAndTheCasesTheAnalystsClosed() throws Exception {
    FlowsTestData data = new FlowsTestData();
    Expected e = monitoredHistory(data);
    assertThat(e.alerts()).isPositive();
    // the whole history and the day after it, when the cases were worked
    TimeRange period =
        new TimeRange(FlowsTestData.CONFIG.start(), data.end().plus(Duration.ofDays(1)));
    Path page = dir.resolve("out/report.html");

    String text = report(period, page, data.end().plus(Duration.ofHours(3)));

    String rate =
        String.format(
            "%.1f%% (%d false positive(s), %d SAR)",
            100.0 * e.falsePositives() / (e.falsePositives() + e.sars()),
            e.falsePositives(),
            e.sars());
    assertThat(text)
        .startsWith("AML monitoring report\n")
        .containsPattern("  Alerts +" + String.format("%,d", e.alerts()) + "\n")
        .containsPattern("  Cases opened in the period +" + String.format("%,d", e.cases()) + "\n")
        .containsPattern("  Cases closed in the period +2\n")
        .containsPattern("  Cases open now +" + String.format("%,d", e.openCases()) + "\n")
        .contains("  False-positive rate         " + rate + "\n")
        .containsPattern("  HIGH +" + String.format("%,d", e.high()) + " ")
        .containsPattern("  CLOSED_SAR +1\n")
        .contains(period.until().toString().substring(0, 10))
        .contains("Wrote the report with its charts to " + page);
    String html = Files.readString(page);
    // by rule, by typology, by risk level, alerts per day, cases per day, ageing
    assertThat(occurrences(html, "<svg")).isEqualTo(6);
    assertThat(html)
        .doesNotContain("<script")
        .contains("<td class=\"n\">" + String.format("%,d", e.alerts()) + "</td>")
        .contains(rate);
    assertThat(e.byRule()).isNotEmpty();
    e.byRule()
        .forEach(
            (rule, n) ->
                assertThat(html)
                    .contains(
                        "data-value=\""
                            + n
                            + "\"><title>"
                            + rule
                            + ": "
                            + String.format("%,d", n)));
  }
}

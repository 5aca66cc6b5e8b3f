package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.FlowSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.flow.FlowName;
import io.amlmonitor.jdbc.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aml flows} end to end on one database: all three flows, then all three again. */
abstract class FlowsContract {
  /** Settings naming the database under test (and a data directory). */
  abstract Map<String, String> database();

  Settings settings(Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(database());
    values.putAll(extra);
    return Settings.resolve(new ConfigSources(values, Map.of(), Map.of()));
  }

  String run(Map<String, String> extra, Instant asOf, int expectedCode) {
    Map<String, String> values = new HashMap<>(database());
    values.putAll(extra);
    ConfigSources sources = new ConfigSources(values, Map.of(), Map.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        new FlowRunner(
                Settings.resolve(sources),
                FlowSettings.resolve(sources),
                InstantSource.fixed(Instant.parse("2026-11-21T12:00:00Z")),
                new PrintStream(out, true, StandardCharsets.UTF_8))
            .run(List.of(FlowName.values()), asOf, false);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text).isEqualTo(expectedCode);
    return text;
  }

  @Test
  void allThreeFlowsDecideAlertAndRateOnceAndAgainAddNothing() throws Exception {
    FlowsTestData data;
    try (Database db = Database.open(SqlStores.config(settings(Map.of())))) {
      data = new FlowsTestData().storeIn(db);
    }
    Map<String, String> flags =
        Map.of(
            "FLOW_LOOKBACK_DAYS", "4",
            "FLOW_BATCH_SIZE", "400",
            "FLOW_WORKERS", "2",
            "ALERT_THRESHOLD", "0.4",
            "ALERT_SUPPRESSION", "0");
    long inPeriod =
        data.transactions.stream()
            .filter(t -> !t.timestamp().isBefore(data.end().minus(java.time.Duration.ofDays(4))))
            .count();

    String first = run(flags, data.end(), 0);

    assertThat(first)
        .contains("transaction_monitoring: " + String.format("%,d", data.transactions.size()))
        .contains(String.format("%,d new decisions", inPeriod))
        .contains("customer_risk: " + String.format("%,d", data.generator.customers().size()))
        .contains("alert_generation:");
    long alerts;
    long decisions;
    try (Database db = Database.open(SqlStores.config(settings(Map.of())))) {
      alerts = db.alerts().count();
      decisions = db.decisions().count();
    }
    assertThat(decisions).isEqualTo(inPeriod);
    assertThat(alerts).isPositive();
    assertThat(first).contains(String.format("%,d alerts added to cases", alerts));
    try (Database db = Database.open(SqlStores.config(settings(Map.of())));
        var c = db.dataSource().getConnection();
        var st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT count(*), count(DISTINCT k.customer_id) FROM case_alerts ca"
                    + " JOIN cases k ON k.case_id = ca.case_id")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(alerts);
      // one open case per customer, holding all of that customer's alerts
      assertThat(db.cases().countByStatus().get(io.amlmonitor.core.cases.CaseStatus.OPEN))
          .isEqualTo(rs.getLong(2));
    }

    String again = run(flags, data.end(), 0);

    assertThat(again).contains(" 0 new decisions").contains("; 0 alerts raised");
    // customer_risk ran before alert_generation the first time; the alerts it raised count now,
    // and once counted they change nothing more.
    assertThat(run(flags, data.end(), 0)).contains(" 0 ratings changed");
    try (Database db = Database.open(SqlStores.config(settings(Map.of())))) {
      assertThat(db.alerts().count()).isEqualTo(alerts);
      assertThat(db.decisions().count()).isEqualTo(decisions);
    }
  }

  @Test
  void metricsFileHoldsEachFlowsCountsOnceTheRunEnds(@TempDir Path dir) throws Exception {
    FlowsTestData data;
    try (Database db = Database.open(SqlStores.config(settings(Map.of())))) {
      data = new FlowsTestData().storeIn(db);
    }
    Path file = dir.resolve("textfile/aml_flows.prom");

    String text =
        run(
            Map.of(
                "FLOW_LOOKBACK_DAYS", "4",
                "FLOW_WARM_UP_DAYS", "0",
                "FLOW_BATCH_SIZE", "500",
                "FLOW_WORKERS", "2",
                "FLOW_METRICS_FILE", file.toString()),
            data.end(),
            0);

    long inPeriod =
        data.transactions.stream()
            .filter(t -> !t.timestamp().isBefore(data.end().minus(java.time.Duration.ofDays(4))))
            .count();
    assertThat(text).contains(file.toAbsolutePath().toString());
    String metrics = Files.readString(file);
    assertThat(metric(metrics, "aml_flow_items_read_total", "transaction_monitoring"))
        .isEqualTo(inPeriod);
    assertThat(metric(metrics, "aml_flow_records_written_total", "transaction_monitoring"))
        .isEqualTo(inPeriod);
    assertThat(metric(metrics, "aml_flow_completed", "transaction_monitoring")).isEqualTo(1);
    assertThat(metric(metrics, "aml_flow_running", "alert_generation")).isZero();
    assertThat(metric(metrics, "aml_flow_worker_crashes_total", "transaction_monitoring")).isZero();
    assertThat(metric(metrics, "aml_flow_store_write_seconds_count", "transaction_monitoring"))
        .isPositive();
    assertThat(metric(metrics, "aml_flow_processing_seconds_count", "customer_risk"))
        .isEqualTo(data.generator.customers().size());
    assertThat(metrics)
        .containsPattern(
            "aml_flow_thread_allocated_bytes_total\\{flow=\"transaction_monitoring\","
                + "thread=\"flow-worker-1\"} [1-9]")
        .contains("jvm_memory_used_bytes")
        .doesNotContain("NaN");
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }

  /** The value of a metric of {@code flow} in Prometheus text, as a whole number. */
  static long metric(String text, String name, String flow) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{flow=\"" + flow + "\"} ([0-9.E+-]+)$")
            .matcher(text);
    assertThat(m.find()).as(name + " for " + flow + " in\n" + text).isTrue();
    return Math.round(Double.parseDouble(m.group(1)));
  }
}

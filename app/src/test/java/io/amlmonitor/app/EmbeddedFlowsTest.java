package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code aml flows} on the embedded database, and the options it refuses. */
class EmbeddedFlowsTest extends FlowsContract {
  @TempDir Path dir;

  @Override
  Map<String, String> database() {
    return Map.of("AML_DATA_DIR", dir.toString());
  }

  private static String refused(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cli = new CommandLine(new Main());
    cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
    int code = Main.execute(cli, args);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Main.CONFIG_ERROR);
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void outOfRangeOptionsAreRefusedNamingTheSetting() {
    assertThat(refused("flows", "--workers", "0")).contains("FLOW_WORKERS").contains("0");
    assertThat(refused("flows", "--batch-size", "2000000")).contains("FLOW_BATCH_SIZE");
    assertThat(refused("flows", "--risk-threshold", "1.5")).contains("RISK_SCORE_THRESHOLD");
    assertThat(refused("flows", "--alert-threshold", "-1")).contains("ALERT_THRESHOLD");
    assertThat(refused("flows", "--lookback-days", "0")).contains("FLOW_LOOKBACK_DAYS");
    assertThat(refused("flows", "--flows", "transaction_monitoring", "fraud"))
        .contains("unknown flow 'fraud'")
        .contains("customer_risk");
    assertThat(refused("flows", "--flow", "customer_risk", "--flows", "alert_generation"))
        .contains("--flow");
    assertThat(refused("flows", "--as-of", "yesterday")).contains("--as-of");
    assertThat(refused("flows", "--webhook", "ftp://x")).contains("ALERT_WEBHOOK_URL");
    assertThat(refused("flows", "--metrics-port", "70000")).contains("FLOW_METRICS_PORT");
    assertThat(refused("flows", "--metrics-file", dir.toString())).contains("FLOW_METRICS_FILE");
  }
}

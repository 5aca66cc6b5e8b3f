package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.FlowSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.flow.FlowName;
import io.amlmonitor.jdbc.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flows over someone else's data: an AMLSim sample imported into the embedded database. */
class AmlSimFlowsTest {
  @TempDir Path dir;

  @Test
  void theFlowsDecideEveryImportedTransferAndRaiseAlertsGroupedIntoCases() throws Exception {
    Optional<Path> sample = AmlSimSamples.transactions("20K_fanin200");
    assumeThat(sample)
        .as("the AMLSim samples (../" + AmlSimSamples.FOLDER + ") are not in this checkout")
        .isPresent();
    assertThat(
            Main.execute(
                "import",
                sample.get().toString(),
                "--mapping",
                ImportExportContract.AMLSIM_MAPPING,
                "--time-unit",
                "day",
                "--epoch",
                "2017-01-01",
                "--data-dir",
                dir.toString()))
        .isZero();
    Map<String, String> values =
        Map.of(
            "AML_DATA_DIR", dir.toString(),
            "FLOW_LOOKBACK_DAYS", "400",
            "ALERT_THRESHOLD", "0.4");
    ConfigSources sources = new ConfigSources(values, Map.of(), Map.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code =
        new FlowRunner(
                Settings.resolve(sources),
                FlowSettings.resolve(sources),
                InstantSource.fixed(Instant.parse("2026-11-21T12:00:00Z")),
                new PrintStream(out, true, StandardCharsets.UTF_8))
            .run(
                List.of(FlowName.TRANSACTION_MONITORING, FlowName.ALERT_GENERATION),
                Instant.parse("2018-01-01T00:00:00Z"),
                false);
    String text = out.toString(StandardCharsets.UTF_8);

    assertThat(code).as(text).isZero();
    assertThat(text).contains("118,250 new decisions");
    try (Database db = Database.open(SqlStores.config(Settings.resolve(sources)))) {
      assertThat(db.decisions().count()).isEqualTo(118_250);
      assertThat(db.alerts().count()).isPositive();
      assertThat(text).contains(String.format("%,d alerts added to cases", db.alerts().count()));
    }
  }
}

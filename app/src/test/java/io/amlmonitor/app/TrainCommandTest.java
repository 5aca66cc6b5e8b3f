package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.offline.OfflineStore;
import io.amlmonitor.offline.SnapshotWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `aml train` end to end on a small generated, backfilled history, and its refusals. */
class TrainCommandTest {
  @TempDir static Path dir;
  static Path offline;

  @BeforeAll
  static void generateAndBackfill() {
    Path dataset = dir.resolve("dataset");
    offline = dir.resolve("offline");
    assertThat(
            run(
                    "generate",
                    "--customers",
                    "1500",
                    "--merchants",
                    "80",
                    "--days",
                    "10",
                    "--seed",
                    "5",
                    "--out",
                    dataset.toString())
                .code())
        .isZero();
    assertThat(run("backfill", "--input", dataset.toString(), "--out", offline.toString()).code())
        .isZero();
  }

  @Test
  void trainsReportsAndRegistersAModel() throws Exception {
    Path report = dir.resolve("reports/model.json");
    Path models = dir.resolve("models");

    Result r =
        run(
            "train",
            "--input",
            offline.toString(),
            "--trials",
            "2",
            "--threads",
            "1",
            "--report",
            report.toString(),
            "--models",
            models.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Time split by event_timestamp", "Trial 2/2", "Test period: ROC-AUC");
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.at("/test/roc_auc").asDouble()).isBetween(0.5, 1.0);
    assertThat(json.at("/test/pr_auc").isNumber()).isTrue();
    assertThat(json.at("/test/recall_at_alert_rate").isNumber()).isTrue();
    assertThat(json.at("/test/recall_by_typology").isObject()).isTrue();
    assertThat(json.at("/test/calibration").isArray()).isTrue();
    assertThat(json.at("/baseline/test/pr_auc").isNumber()).isTrue();
    assertThat(json.at("/search/trials").size()).isEqualTo(2);
    assertThat(json.at("/feature_importance").size()).isEqualTo(89);
    assertThat(Files.readString(dir.resolve("reports/model.html"))).contains("<svg", "ROC curve");
    Path version;
    try (Stream<Path> versions = Files.list(models)) {
      version = versions.findFirst().orElseThrow();
    }
    assertThat(version.getFileName().toString()).isEqualTo(json.at("/model/version").asText());
    JsonNode metadata = new ObjectMapper().readTree(version.resolve("metadata.json").toFile());
    assertThat(metadata.at("/feature_names/0").asText()).isEqualTo("amount");
    assertThat(metadata.at("/feature_names").size()).isEqualTo(89);
    assertThat(metadata.at("/training_data/fingerprint_sha256").asText()).hasSize(64);
    assertThat(metadata.at("/label").asText()).isEqualTo("is_laundering");
    assertThat(version.resolve("model.json")).isRegularFile();
  }

  @Test
  void aMissingLabelColumnIsNamedWithTheColumnsThereAre() {
    Result r = train("--label", "is_fraud");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("has no label column 'is_fraud'")
        .contains("its label columns: is_laundering, typology");
  }

  @Test
  void theMessageIsInPortugueseWhenAsked() {
    Result r = train("--label", "is_fraud", "--locale", "pt-BR");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("não tem a coluna de rótulo 'is_fraud'");
  }

  @Test
  void aTextColumnIsNotALabel() {
    Result r = train("--label", "typology");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("label column 'typology' is VARCHAR");
  }

  @Test
  void emptySnapshotsAreRefused() {
    Path empty = dir.resolve("empty");
    try (SnapshotWriter writer =
        new OfflineStore(empty).writeSnapshots(FeatureRegistry.standard(), Backfill.LABELS)) {
      // no rows
    }

    Result r =
        run("train", "--input", empty.toString(), "--report", dir.resolve("e.json").toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("has no labelled rows to train on");
  }

  @Test
  void aMissingInputIsRefused() {
    Result r =
        run(
            "train",
            "--input",
            dir.resolve("nowhere").toString(),
            "--report",
            dir.resolve("n.json").toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no snapshot file at").contains("aml backfill");
  }

  @Test
  void zeroTrialsIsABadOption() {
    Result r = train("--trials", "0");

    assertThat(r.code()).isEqualTo(Main.CONFIG_ERROR);
    assertThat(r.err()).contains("--trials");
  }

  private static Result train(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "train",
                "--input",
                offline.toString(),
                "--report",
                dir.resolve("unused.json").toString(),
                "--models",
                dir.resolve("unused").toString()));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = Main.execute(cli, args);
    return new Result(code, out.toString(), err.toString());
  }
}

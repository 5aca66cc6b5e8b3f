package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.cases.AlertDisposition;
import io.amlmonitor.core.cases.CaseId;
import io.amlmonitor.core.cases.CaseService;
import io.amlmonitor.core.cases.CaseStatus;
import io.amlmonitor.core.cases.EvidenceSource;
import io.amlmonitor.core.cases.FeedbackLabels;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.offline.LabelColumn;
import io.amlmonitor.offline.OfflineStore;
import io.amlmonitor.offline.SnapshotReader;
import io.amlmonitor.offline.SnapshotRow;
import io.amlmonitor.offline.SnapshotWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
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
    // the amount, the 88 features of the engine and the 6 of the graph (the backfill kept a graph)
    assertThat(json.at("/feature_importance").size()).isEqualTo(95);
    assertThat(Files.readString(dir.resolve("reports/model.html"))).contains("<svg", "ROC curve");
    Path version;
    try (Stream<Path> versions = Files.list(models)) {
      version = versions.findFirst().orElseThrow();
    }
    assertThat(version.getFileName().toString()).isEqualTo(json.at("/model/version").asText());
    JsonNode metadata = new ObjectMapper().readTree(version.resolve("metadata.json").toFile());
    assertThat(metadata.at("/feature_names/0").asText()).isEqualTo("amount");
    assertThat(metadata.at("/feature_names").size()).isEqualTo(95);
    assertThat(metadata.at("/feature_names/94").asText())
        .isEqualTo("graph_flagged_counterparty_share");
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

  /** The first row of the snapshots with label {@code laundering}. */
  private static SnapshotRow firstWithLabel(boolean laundering) {
    Path file = offline.resolve(OfflineStore.SNAPSHOTS_FILE);
    List<LabelColumn> label =
        SnapshotReader.labelColumns(file, FeatureRegistry.standard()).stream()
            .filter(c -> c.name().equals("is_laundering"))
            .toList();
    try (SnapshotReader reader = SnapshotReader.open(file, FeatureRegistry.standard(), label)) {
      while (reader.hasNext()) {
        SnapshotRow row = reader.next();
        if (Boolean.valueOf(laundering).equals(row.label(0))) {
          return row;
        }
      }
    }
    throw new AssertionError("no row labelled " + laundering);
  }

  /** A case on {@code row}'s transaction, closed by an analyst as {@code status}. */
  private static void closeCase(Database db, SnapshotRow row, CaseStatus status) {
    Transaction t =
        Transaction.builder()
            .id(row.transactionId())
            .timestamp(row.eventTimestamp())
            .customer(row.customerId())
            .counterparty("ACC-X")
            .amount(row.amount())
            .build();
    db.transactions().save(t);
    Alert a =
        new Alert(
            "A-" + row.transactionId(),
            t.id(),
            t.customerId(),
            t.receiverId(),
            t.amount(),
            t.timestamp(),
            t.timestamp().plusSeconds(1),
            0.7,
            RiskLevel.HIGH,
            List.of("structuring"),
            List.of("reason"),
            "rules-v1");
    db.alerts().save(a);
    CaseService cases =
        new CaseService(db.cases(), EvidenceSource.NONE, InstantSource.fixed(row.eventTimestamp()));
    CaseId id = cases.attachAlert(a, "alert_generation").kase().id();
    cases.transition(id, CaseStatus.IN_REVIEW, null, "ana");
    cases.transition(id, status, "reviewed the account's history", "ana");
  }

  @Test
  void analystsVerdictsOverrideTheLabelColumn() {
    SnapshotRow normal = firstWithLabel(false);
    SnapshotRow laundering = firstWithLabel(true);
    Path data = dir.resolve("feedback-data");
    Settings settings = StoreCheckTest.settings(Map.of("AML_DATA_DIR", data.toString()));
    try (Database db = Database.open(SqlStores.config(settings))) {
      closeCase(db, normal, CaseStatus.CLOSED_SAR);
      closeCase(db, laundering, CaseStatus.CLOSED_FALSE_POSITIVE);
    }

    Result r =
        train("--with-feedback", "--data-dir", data.toString(), "--trials", "1", "--threads", "1");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "Analysts' verdicts: 2 transactions (1 closed with a SAR, the rest false positives);"
                + " labels changed 2, confirmed 0, added 0; not in the snapshots 0");
  }

  @Test
  void verdictsReplaceLabelsAndLabelRowsThatHaveNone() {
    FeedbackLabels feedback = new FeedbackLabels();
    SnapshotRow normal = firstWithLabel(false);
    feedback.add(
        new AlertDisposition(
            "A1",
            TransactionId.of(normal.transactionId()),
            CustomerId.of(normal.customerId()),
            AlertDisposition.Outcome.SAR,
            normal.eventTimestamp(),
            CaseId.of("K1")));
    feedback.add(
        new AlertDisposition(
            "A2",
            TransactionId.of("T-not-in-snapshots"),
            CustomerId.of("C"),
            AlertDisposition.Outcome.FALSE_POSITIVE,
            normal.eventTimestamp(),
            CaseId.of("K2")));
    FeatureRegistry registry = FeatureRegistry.standard();
    TrainingData.Loaded plain = TrainingData.read(offline, "is_laundering", registry);
    TrainingData.Loaded withFeedback =
        TrainingData.read(offline, "is_laundering", registry, feedback);
    assertThat(withFeedback.dataset().positives()).isEqualTo(plain.dataset().positives() + 1);
    assertThat(withFeedback.dataset().fingerprint()).isNotEqualTo(plain.dataset().fingerprint());
    assertThat(withFeedback.feedback()).isEqualTo(new TrainingData.FeedbackApplied(2, 1, 0, 0, 1));

    // A file without the label column: only the rows with a verdict are labelled.
    TrainingData.Loaded only =
        TrainingData.read(offline, "confirmed_by_analyst", registry, feedback);
    assertThat(only.dataset().size()).isEqualTo(1);
    assertThat(only.dataset().positives()).isEqualTo(1);
    assertThat(only.feedback().added()).isEqualTo(1);
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

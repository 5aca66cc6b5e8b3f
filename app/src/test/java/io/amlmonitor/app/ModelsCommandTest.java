package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amlmonitor.app.config.ConfigException;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.ml.Dataset;
import io.amlmonitor.ml.HyperParameters;
import io.amlmonitor.ml.ModelFiles;
import io.amlmonitor.ml.ModelMetadata;
import io.amlmonitor.ml.ModelRegistry;
import io.amlmonitor.ml.TreeRiskModel;
import io.amlmonitor.ml.XgboostTrainer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code aml models} and a serving runtime that follows its promotions without a restart. */
class ModelsCommandTest {
  static final List<String> NAMES =
      List.of("amount", "txn_count_1h", "velocity_score_1h", "graph_degree");

  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = Main.execute(cli, args);
    return new Result(code, out.toString(), err.toString());
  }

  /** A small model on real catalogue names (and one the catalogue lacks), trained in a second. */
  static byte[] train(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Dataset.Builder b = Dataset.builder(NAMES);
    for (int i = 0; i < 2000; i++) {
      double amount = Math.exp(3 + 6 * random.nextDouble());
      double count = random.nextInt(8);
      double velocity = random.nextDouble();
      double degree = random.nextInt(20);
      double logit = -3 + (amount > 2000 ? 3 : 0) + 0.2 * count;
      b.add(
          i * 1000L,
          new double[] {amount, count, velocity, degree},
          random.nextDouble() < 1 / (1 + Math.exp(-logit)),
          null);
    }
    return new XgboostTrainer(1)
        .train(b.build(), new HyperParameters(3, 0.3, 20, 1, 1, 1, 1), 2, seed);
  }

  /** Saves a model {@link #train trained} with seed 1 as {@code version} and promotes it. */
  static void promote(Path modelsDir, String version) {
    ModelRegistry models = new ModelRegistry(modelsDir);
    save(models, version, 1, Map.of());
    models.promote(version, "ana", Instant.parse("2026-11-21T11:00:00Z"));
  }

  /** Saves a model {@link #train trained} with {@code seed} as {@code version}. */
  static void save(ModelRegistry registry, String version, long seed, Map<String, Object> metrics) {
    registry.save(
        new ModelMetadata(
            version,
            Instant.parse("2026-11-21T10:00:00Z"),
            NAMES,
            "is_laundering",
            "ab".repeat(32),
            2000,
            Map.of(),
            2,
            1,
            0.1,
            metrics),
        train(seed));
  }

  @BeforeEach
  void twoVersions() {
    ModelRegistry registry = new ModelRegistry(dir.resolve("models"));
    for (String version : List.of("gbt-1", "gbt-2")) {
      save(
          registry,
          version,
          version.equals("gbt-1") ? 1 : 2,
          Map.of("test.roc_auc", 0.97, "test.pr_auc", 0.81));
    }
  }

  @Test
  void listShowPromoteAndRollBackRecordingWho() {
    String data = dir.toString();
    Result list = run("models", "list", "--data-dir", data);
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("gbt-1", "gbt-2", "0.9700", "0.8100").doesNotContain("* gbt");

    Result promote = run("models", "promote", "gbt-1", "--by", "ana", "--data-dir", data);
    assertThat(promote.code()).as(promote.err()).isZero();
    assertThat(promote.out()).contains("Promoted gbt-1 (by ana at");
    run("models", "promote", "gbt-2", "--by", "bruno", "--data-dir", data);
    assertThat(run("models", "list", "--data-dir", data).out()).contains("* gbt-2");

    Result show = run("models", "show", "gbt-2", "--data-dir", data);
    assertThat(show.out())
        .contains("Model gbt-2 (promoted: it scores)", "Inputs: 4", "promote gbt-2 by bruno");

    Result back = run("models", "rollback", "--by", "carla", "--data-dir", data);
    assertThat(back.code()).as(back.err()).isZero();
    assertThat(back.out()).contains("Rolled back to gbt-1 from gbt-2 (by carla at");
    assertThat(new ModelRegistry(dir.resolve("models")).promoted()).contains("gbt-1");

    Result none = run("models", "rollback", "--data-dir", data, "--locale", "pt-BR");
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("gbt-1 is the first promoted");
    Result unknown = run("models", "promote", "gbt-9", "--data-dir", data);
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("no model version gbt-9");
  }

  @Test
  void theStreamJobTakesThePromotedModelsFilesAndRefusesOneItCannotRead() throws Exception {
    Settings settings = StoreCheckTest.settings(Map.of("AML_DATA_DIR", dir.toString()));
    assertThat(StreamCommand.promotedModel(settings))
        .as("none promoted: the rules alone")
        .isEmpty();

    new ModelRegistry(dir.resolve("models")).promote("gbt-2", "ana", Instant.now());
    ModelFiles files = StreamCommand.promotedModel(settings).orElseThrow();
    assertThat(files.version()).isEqualTo("gbt-2");
    assertThat(TreeRiskModel.of(files, false).featureNames()).isEqualTo(NAMES);

    Files.writeString(dir.resolve("models/gbt-2/model.json"), "{\"learner\": {}}");
    assertThatThrownBy(() -> StreamCommand.promotedModel(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("AML_DATA_DIR=")
        .hasMessageContaining("cannot be read");
  }

  @Test
  void aRunningServerScoresWithThePromotedModelWithoutRestart() throws Exception {
    Settings settings = StoreCheckTest.settings(Map.of("AML_DATA_DIR", dir.toString()));
    try (EmbeddedRuntime runtime = new EmbeddedRuntime(settings, InstantSource.system(), d -> {})) {
      int port = runtime.startApi(0).port();
      JsonNode before = predict(port, "T-1");
      assertThat(before.has("model_version")).isFalse();
      assertThat(health(port).at("/components/model/version").asText())
          .isEqualTo("none (rules alone)");

      assertThat(
              run("models", "promote", "gbt-2", "--by", "ana", "--data-dir", dir.toString()).code())
          .isZero();
      JsonNode after = awaitModel(port, "gbt-2");
      assertThat(after.get("model_score").asDouble()).isBetween(0.0, 1.0);
      assertThat(after.get("risk_score").asDouble())
          .isGreaterThanOrEqualTo(after.get("rule_score").asDouble());
      assertThat(health(port).at("/components/model/version").asText()).isEqualTo("gbt-2");

      run("models", "promote", "gbt-1", "--by", "ana", "--data-dir", dir.toString());
      awaitModel(port, "gbt-1");
      run("models", "rollback", "--by", "ana", "--data-dir", dir.toString());
      awaitModel(port, "gbt-2");
    }
  }

  /** Predicts until the answer names {@code version}; the server polls every 2 s. */
  private JsonNode awaitModel(int port, String version) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    int n = 0;
    JsonNode answer;
    do {
      answer = predict(port, "T-" + version + "-" + n++);
      if (version.equals(answer.path("model_version").asText())) {
        return answer;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the server did not switch to " + version + ": " + answer);
  }

  private static JsonNode predict(int port, String id) throws Exception {
    String body =
        "{\"transaction_id\":\""
            + id
            + "\",\"customer_id\":\"C1\",\"merchant_id\":\"M1\",\"amount\":9500}";
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/predict"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  private static JsonNode health(int port) throws Exception {
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(response.body());
  }
}

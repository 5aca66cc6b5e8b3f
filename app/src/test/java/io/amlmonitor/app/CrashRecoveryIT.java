package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.FeatureDefinition;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import io.amlmonitor.server.TransactionRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts {@code aml serve} as a separate process, sends it transactions through every accepting
 * route, kills it with SIGKILL right after the last acknowledgement, starts it again on the same
 * store, and checks that every acknowledged transaction and every feature built from them came
 * back: each customer's features equal those of an engine fed the acknowledged transactions,
 * evaluated at the instant the restarted server answered for.
 */
class CrashRecoveryIT {
  private static final Pattern API = Pattern.compile("API on http://127\\.0\\.0\\.1:(\\d+)");
  private static final int CUSTOMERS = 12;

  private final ObjectMapper json = io.amlmonitor.server.Json.mapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dir;

  @Test
  void everyAcknowledgedTransactionAndItsFeaturesSurviveSigkillOnTheEmbeddedStore()
      throws Exception {
    checkSurvivesSigkill(Map.of());
  }

  @Test
  void everyAcknowledgedTransactionAndItsFeaturesSurviveSigkillOnPostgresql() throws Exception {
    String schema = "aml_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    TestServices.requirePostgres();
    try {
      checkSurvivesSigkill(
          Map.of(
              "POSTGRES_HOST", "127.0.0.1",
              "POSTGRES_DB", "test",
              "POSTGRES_USER", "postgres",
              "POSTGRES_SCHEMA", schema));
    } finally {
      TestServices.dropSchema(schema);
    }
  }

  @Test
  void everyAcknowledgedTransactionAndItsFeaturesSurviveSigkillWithStateInRedis() throws Exception {
    String prefix = "aml-it-" + UUID.randomUUID() + ":";
    TestServices.requireRedis();
    try {
      // A long flush interval: most state is still unwritten when the process is killed.
      checkSurvivesSigkill(
          Map.of(
              "REDIS_HOST", "127.0.0.1",
              "REDIS_KEY_PREFIX", prefix,
              "REDIS_FLUSH_INTERVAL", "2s"));
    } finally {
      TestServices.removeRedisKeys(prefix);
    }
  }

  private void checkSurvivesSigkill(Map<String, String> env) throws Exception {
    List<Transaction> acknowledged = new ArrayList<>();
    Server first = Server.start(dir, env);
    try {
      Random random = new Random(20261121);
      Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(40));
      List<String> bodies = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        bodies.add(transactionJson(random, i, start.plusSeconds(i * 3L)));
      }
      int i = 0;
      while (i < bodies.size()) {
        int route = random.nextInt(3);
        if (route == 0) {
          expect(first.post("/predict", bodies.get(i)), 200);
          acknowledged.add(parse(bodies.get(i)));
          i++;
        } else if (route == 1) {
          int n = Math.min(1 + random.nextInt(20), bodies.size() - i);
          expect(
              first.post("/batch-predict", "[" + String.join(",", bodies.subList(i, i + n)) + "]"),
              200);
          for (int k = i; k < i + n; k++) {
            acknowledged.add(parse(bodies.get(k)));
          }
          i += n;
        } else {
          expect(first.post("/transactions", bodies.get(i)), 202);
          acknowledged.add(parse(bodies.get(i)));
          i++;
        }
      }
    } finally {
      first.kill();
    }

    Server second = Server.start(dir, env);
    try {
      FeatureEngine expected = referenceEngine(acknowledged);
      List<FeatureDefinition> definitions = expected.registry().definitions();
      for (int c = 0; c < CUSTOMERS; c++) {
        String id = "CR_C" + c;
        JsonNode served = json.readTree(second.get("/features/" + id).body());
        assertThat(served.path("known").asBoolean()).as(id + " is known").isTrue();
        Instant asOf = Instant.parse(served.path("as_of").asText());
        FeatureVector want = expected.entityFeatures(EntityType.CUSTOMER, id, asOf);
        for (int f = 0; f < definitions.size(); f++) {
          FeatureDefinition d = definitions.get(f);
          if (d.entity() != EntityType.CUSTOMER) {
            continue;
          }
          double got = served.path("features").path(d.name()).path("value").asDouble();
          assertThat(got)
              .as("%s of %s at %s", d.name(), id, asOf)
              .isCloseTo(
                  want.get(f),
                  org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(want.get(f)))));
        }
      }
      JsonNode health = json.readTree(second.get("/health").body());
      assertThat(health.path("components").path("system_of_record").path("status").asText())
          .isEqualTo("UP");
    } finally {
      second.stop();
    }
    // Every acknowledged transaction is stored and has its decision (those still on their way at
    // the kill were scored during the restart's replay), and every decision at or above the alert
    // threshold its alert.
    try (Database db = Database.open(sqlConfig(env))) {
      for (Transaction t : acknowledged) {
        assertThat(db.transactions().find(t.id())).as("transaction %s", t.id()).isPresent();
        var decision = db.decisions().find(t.id());
        assertThat(decision).as("decision of %s", t.id()).isPresent();
      }
      long alerting =
          acknowledged.stream()
              .map(t -> db.decisions().find(t.id()).orElseThrow())
              .filter(d -> d.riskScore() >= 0.5)
              .count();
      assertThat(db.alerts().count()).isEqualTo(alerting);
    }
  }

  private DatabaseConfig sqlConfig(Map<String, String> env) {
    if (env.containsKey("POSTGRES_HOST")) {
      return new DatabaseConfig.Postgres(
          "127.0.0.1", 5432, "test", "postgres", null, env.get("POSTGRES_SCHEMA"), 2);
    }
    return new DatabaseConfig.Embedded(dir.resolve("data").resolve("db"), 2);
  }

  private FeatureEngine referenceEngine(List<Transaction> acknowledged) {
    Settings settings = Settings.resolve(new ConfigSources(Map.of(), Map.of(), Map.of()));
    FeatureEngine engine = EmbeddedRuntime.featureEngine(settings, CustomerProfiles.NONE);
    acknowledged.stream()
        .sorted(java.util.Comparator.comparing(Transaction::timestamp))
        .forEach(engine::ingest);
    return engine;
  }

  private static String transactionJson(Random random, int i, Instant at) {
    int customer = random.nextInt(CUSTOMERS);
    boolean toMerchant = random.nextInt(4) != 0;
    String receiver =
        toMerchant
            ? "\"merchant_id\":\"CR_M" + random.nextInt(5) + "\""
            : "\"counterparty_id\":\"CR_C" + random.nextInt(CUSTOMERS) + "\"";
    return String.format(
        java.util.Locale.ROOT,
        "{\"transaction_id\":\"CR_T%05d\",\"timestamp\":\"%s\",\"customer_id\":\"CR_C%d\",%s,"
            + "\"amount\":%.2f,\"ip_address\":\"10.0.0.%d\",\"device_id\":\"D%d\"}",
        i,
        at,
        customer,
        receiver,
        1 + random.nextDouble() * (random.nextInt(10) == 0 ? 12_000 : 900),
        random.nextInt(6),
        random.nextInt(4));
  }

  private Transaction parse(String body) throws IOException {
    return json.readValue(body, TransactionRequest.class).toTransaction(Instant.now());
  }

  private static void expect(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
  }

  /** {@code aml serve} in a process of its own, on the test's class path. */
  private record Server(Process process, int port, HttpClient http) {
    static Server start(Path dir, Map<String, String> env) throws Exception {
      List<String> command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx512m",
              "-cp",
              System.getProperty("java.class.path"),
              Main.class.getName(),
              "serve",
              "--port",
              "0",
              "--data-dir",
              dir.resolve("data").toString());
      ProcessBuilder pb =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
      Map<String, String> environment = new HashMap<>(pb.environment());
      environment.keySet().removeIf(k -> k.startsWith("POSTGRES_") || k.startsWith("REDIS_"));
      pb.environment().clear();
      pb.environment().putAll(environment);
      pb.environment().putAll(env);
      Process p = pb.start();
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    lines.add(line);
                  }
                } catch (IOException ignored) {
                  // the process was killed
                }
              });
      reader.setDaemon(true);
      reader.start();
      StringBuilder seen = new StringBuilder();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        String line = lines.poll(200, TimeUnit.MILLISECONDS);
        if (line != null) {
          seen.append(line).append('\n');
          Matcher m = API.matcher(line);
          if (m.find()) {
            return new Server(
                p,
                Integer.parseInt(m.group(1)),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
          }
        } else if (!p.isAlive()) {
          break;
        }
      }
      p.destroyForcibly();
      throw new AssertionError("aml serve did not start:\n" + seen);
    }

    HttpResponse<String> post(String path, String body) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM: the shutdown hook stops the server and writes what is queued. */
    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill();
      }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}

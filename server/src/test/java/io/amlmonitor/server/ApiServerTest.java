package io.amlmonitor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amlmonitor.core.alert.InMemoryAlertRepository;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.core.pipeline.TransactionProcessor;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.scoring.FeatureContribution;
import io.amlmonitor.core.scoring.RiskModel;
import io.amlmonitor.core.scoring.RiskThresholds;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.core.store.StoreUnavailableException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-06-01T12:00:00Z"));
  private final InstantSource clock = () -> now.get();
  private final AtomicBoolean ingestFull = new AtomicBoolean();
  private final AtomicBoolean storeDown = new AtomicBoolean();
  private final AtomicBoolean drifting = new AtomicBoolean();
  private final CountDownLatch scoringEntered = new CountDownLatch(1);
  private final AtomicReference<CountDownLatch> scoringGate = new AtomicReference<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private FeatureEngine engine;
  private TransactionProcessor processor;
  private ApiServer server;

  @BeforeEach
  void start() {
    engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
    processor =
        new TransactionProcessor(
            engine,
            new Scorer(
                new RuleSetLoader(engine.registry(), ZoneOffset.UTC).loadDefault(),
                RiskThresholds.DEFAULT),
            new InMemoryAlertRepository(),
            0.5,
            clock,
            Locale.ENGLISH);
    ApiContext context =
        new ApiContext(
            processor,
            new TransactionScoring() {
              @Override
              public Decision score(Transaction t) {
                return scoreAll(List.of(t)).get(0);
              }

              @Override
              public List<Decision> scoreAll(List<Transaction> batch) {
                CountDownLatch gate = scoringGate.get();
                if (gate != null) {
                  scoringEntered.countDown();
                  try {
                    gate.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                  }
                }
                if (storeDown.get()) {
                  throw new StoreUnavailableException(
                      "PostgreSQL at db.example:5432: connection refused", null);
                }
                return batch.stream().map(processor::process).toList();
              }
            },
            t -> {
              if (ingestFull.get()) {
                return false;
              }
              processor.process(t);
              return true;
            },
            processor.alerts(),
            clock,
            Locale.ENGLISH,
            List.of(
                new HealthIndicator() {
                  public String name() {
                    return "feature_store";
                  }

                  public Status check() {
                    return Status.up(Map.of("customers", engine.entityCount(EntityType.CUSTOMER)));
                  }
                },
                new HealthIndicator() {
                  public String name() {
                    return "model";
                  }

                  public Status check() {
                    return Status.up(
                        drifting.get()
                            ? Map.of("version", "gbt-1", "warning", "model drift: PSI above 0.2")
                            : Map.of("version", "gbt-1"));
                  }
                }),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            100,
            64 * 1024);
    server = new ApiServer(context).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void predictAnswersTheSeedRequest() throws Exception {
    var r =
        post(
            "/predict",
            """
            {"customer_id": "CUST_000001", "merchant_id": "MERCH_0001", "amount": 15000.00,
             "ip_address": "192.168.1.10"}
            """);

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.get("transaction_id").asText()).startsWith("T-");
    assertThat(body.get("customer_id").asText()).isEqualTo("CUST_000001");
    assertThat(body.get("merchant_id").asText()).isEqualTo("MERCH_0001");
    assertThat(body.get("amount").decimalValue()).isEqualByComparingTo("15000");
    assertThat(body.get("risk_score").asDouble()).isEqualTo(0.45);
    assertThat(body.get("risk_level").asText()).isEqualTo("MEDIUM");
    assertThat(body.get("features_used").has("txn_count_1h")).isTrue();
    assertThat(body.get("features_used").has("merchant_txn_count_1h")).isTrue();
    assertThat(body.get("explanation").get(0).asText())
        .isEqualTo("Amount of 15,000.00 is above the reporting threshold of 10,000.00");
    assertThat(body.has("processing_time_ms")).isTrue();
    assertThat(body.get("timestamp").asText()).isEqualTo("2026-06-01T12:00:00Z");
  }

  @Test
  void closingLetsARequestInFlightFinishAndRefusesNewConnections() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    scoringGate.set(release);
    int port = server.port();
    CompletableFuture<HttpResponse<String>> inFlight =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return post(
                    "/predict",
                    "{\"customer_id\": \"CUST_000001\", \"merchant_id\": \"MERCH_0001\", \"amount\": 15000.00}");
              } catch (Exception e) {
                throw new CompletionException(e);
              }
            });
    assertThat(scoringEntered.await(30, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
    while (accepts(port)) {
      Thread.sleep(20);
    }
    assertThat(closing).isNotDone();
    release.countDown();

    HttpResponse<String> r = inFlight.get(30, TimeUnit.SECONDS);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("risk_level").asText()).isEqualTo("MEDIUM");
    closing.get(30, TimeUnit.SECONDS);
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A model of the scorer's port that always gives 0.5 and blames the amount. */
  static final class HalfOnAmount implements RiskModel {
    @Override
    public boolean reads(String feature) {
      return false;
    }

    @Override
    public String version() {
      return "gbt-half";
    }

    @Override
    public double probability(FeatureVector features, double amount) {
      return 0.5;
    }

    @Override
    public List<FeatureContribution> contributions(FeatureVector features, double amount) {
      return List.of(
          new FeatureContribution("amount", amount, 1.5),
          new FeatureContribution("txn_count_1h", features.get("txn_count_1h"), -0.25));
    }
  }

  @Test
  void predictShowsTheRulesAndTheModelPartsAndTheModelsReasons() throws Exception {
    JsonNode without =
        json(post("/predict", "{\"customer_id\":\"C0\",\"merchant_id\":\"M\",\"amount\":15000}"));
    assertThat(without.has("model_score")).isFalse();
    assertThat(without.has("model_version")).isFalse();
    assertThat(without.has("model_contributions")).isFalse();

    processor.scorer().replaceModel(new HalfOnAmount());
    JsonNode body =
        json(
            post(
                "/predict",
                "{\"transaction_id\":\"T-m\",\"customer_id\":\"C\",\"merchant_id\":\"M\","
                    + "\"amount\":15000}"));
    assertThat(body.get("rule_score").asDouble()).isEqualTo(0.45);
    assertThat(body.get("model_score").asDouble()).isEqualTo(0.5);
    assertThat(body.get("model_version").asText()).isEqualTo("gbt-half");
    assertThat(body.get("risk_score").asDouble()).isEqualTo(1 - 0.55 * 0.5);
    assertThat(body.get("risk_level").asText()).isEqualTo("HIGH");
    assertThat(body.get("model_contributions")).hasSize(1);
    assertThat(body.get("model_contributions").get(0).get("feature").asText()).isEqualTo("amount");
    assertThat(body.get("model_contributions").get(0).get("contribution").asDouble())
        .isEqualTo(1.5);
    assertThat(body.get("explanation").get(1).asText())
        .isEqualTo("Risk model: amount = 15,000 raised the risk (+1.50 in log-odds)");

    JsonNode alert = json(get("/alerts?customer_id=C")).get("alerts").get(0);
    assertThat(alert.get("reasons").get(1).asText())
        .as("the alert freezes the model's reasons with the rules'")
        .isEqualTo("Risk model: amount = 15,000 raised the risk (+1.50 in log-odds)");
  }

  @Test
  void explanationFollowsAcceptLanguage() throws Exception {
    var r =
        post(
            "/predict",
            "{\"customer_id\":\"C\",\"merchant_id\":\"M\",\"amount\":20000}",
            "Accept-Language",
            "pt-BR,pt;q=0.9");
    assertThat(json(r).get("explanation").get(0).asText())
        .isEqualTo("Valor de 20.000,00 acima do limite de comunicação de 10.000,00");
  }

  @Test
  void malformedJsonIsA400Problem() throws Exception {
    var r = post("/predict", "{\"customer_id\": \"C1\", \"amount\": ");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(r).get("title").asText()).isEqualTo("Malformed JSON");
  }

  @Test
  void missingCustomerIsA400NamingTheField() throws Exception {
    var r = post("/predict", "{\"merchant_id\":\"M\",\"amount\":10}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("field").asText()).isEqualTo("customer_id");
  }

  @Test
  void negativeAmountIsA400NamingTheField() throws Exception {
    var r = post("/predict", "{\"customer_id\":\"C\",\"merchant_id\":\"M\",\"amount\":-5}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("field").asText()).isEqualTo("amount");
    assertThat(json(r).get("detail").asText()).contains("negative");
  }

  @Test
  void nonNumericAmountIsA400NamingTheField() throws Exception {
    var r = post("/predict", "{\"customer_id\":\"C\",\"merchant_id\":\"M\",\"amount\":\"ten\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("field").asText()).isEqualTo("amount");
    assertThat(json(r).get("detail").asText()).contains("'ten' is not a number");
  }

  @Test
  void badTimestampIsA400NamingTheField() throws Exception {
    var r =
        post(
            "/predict",
            "{\"customer_id\":\"C\",\"merchant_id\":\"M\",\"amount\":1,\"timestamp\":\"yesterday\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("field").asText()).isEqualTo("timestamp");
  }

  @Test
  void wrongTypeForATextFieldIsA400NamingTheField() throws Exception {
    var r = post("/predict", "{\"customer_id\":{\"a\":1},\"merchant_id\":\"M\",\"amount\":1}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("field").asText()).isEqualTo("customer_id");
  }

  @Test
  void oversizedBodyIsA413Problem() throws Exception {
    String huge = "{\"customer_id\":\"" + "x".repeat(70_000) + "\"}";
    var r = post("/predict", huge);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void emptyBodyAndArrayBodyAre400() throws Exception {
    assertThat(post("/predict", "").statusCode()).isEqualTo(400);
    assertThat(post("/predict", "[]").statusCode()).isEqualTo(400);
  }

  @Test
  void batchScoresGoodItemsAndReportsBadOnesByIndex() throws Exception {
    var r =
        post(
            "/batch-predict",
            """
            [{"customer_id":"C1","merchant_id":"M","amount":10},
             {"customer_id":"C2","merchant_id":"M","amount":-1},
             {"customer_id":"C3","merchant_id":"M","amount":20000}]
            """);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.get("scored").asInt()).isEqualTo(2);
    assertThat(body.get("failed").asInt()).isEqualTo(1);
    assertThat(body.get("results").get(1).get("index").asInt()).isEqualTo(1);
    assertThat(body.get("results").get(1).get("error").get("field").asText()).isEqualTo("amount");
    assertThat(body.get("results").get(2).get("risk_level").asText()).isEqualTo("MEDIUM");
  }

  @Test
  void batchLargerThanTheLimitIs413() throws Exception {
    String item = "{\"customer_id\":\"C\",\"merchant_id\":\"M\",\"amount\":1}";
    String body = "[" + String.join(",", java.util.Collections.nCopies(101, item)) + "]";
    assertThat(post("/batch-predict", body).statusCode()).isEqualTo(413);
  }

  @Test
  void repeatedTransactionIsAcceptedOnce() throws Exception {
    String t =
        "{\"transaction_id\":\"X1\",\"customer_id\":\"C\",\"merchant_id\":\"M\",\"amount\":5}";
    assertThat(post("/transactions", t).statusCode()).isEqualTo(202);
    assertThat(post("/transactions", t).statusCode()).isEqualTo(202);

    assertThat(engine.acceptedCount()).isEqualTo(1);
    assertThat(engine.duplicateCount()).isEqualTo(1);
  }

  @Test
  void fullIngestQueueIsA503WithRetryAfter() throws Exception {
    ingestFull.set(true);
    var r = post("/transactions", "{\"customer_id\":\"C\",\"merchant_id\":\"M\",\"amount\":5}");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
  }

  @Test
  void aStoreThatIsAwayIsA503NamingItWithRetryAfter() throws Exception {
    storeDown.set(true);
    var r = post("/predict", "{\"customer_id\":\"C\",\"merchant_id\":\"M\",\"amount\":5}");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    assertThat(json(r).path("detail").asText()).contains("PostgreSQL at db.example:5432");
    assertThat(engine.acceptedCount()).isZero();

    storeDown.set(false);
    assertThat(
            post("/predict", "{\"customer_id\":\"C\",\"merchant_id\":\"M\",\"amount\":5}")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void featuresDecayWithTheRequestClockAndReportTheirAge() throws Exception {
    post("/transactions", "{\"customer_id\":\"C9\",\"merchant_id\":\"M\",\"amount\":5}");
    now.set(now.get().plusSeconds(1));
    JsonNode fresh = json(get("/features/C9"));
    assertThat(fresh.get("known").asBoolean()).isTrue();
    JsonNode count60s = fresh.get("features").get("txn_count_60s");
    assertThat(count60s.get("value").asLong()).isEqualTo(1);
    assertThat(count60s.get("age_seconds").asDouble()).isEqualTo(1.0);
    assertThat(fresh.get("features").get("in_txn_count_24h").get("age_seconds").isNull())
        .as("no transfer received yet")
        .isTrue();

    now.set(now.get().plusSeconds(61));
    JsonNode later = json(get("/features/C9"));
    assertThat(later.get("features").get("txn_count_60s").get("value").asLong()).isZero();
    assertThat(later.get("features").get("txn_count_1h").get("value").asLong()).isEqualTo(1);
    assertThat(later.get("features").get("txn_count_1h").get("age_seconds").asDouble())
        .isEqualTo(62.0);

    JsonNode nobody = json(get("/features/nobody"));
    assertThat(nobody.get("known").asBoolean()).isFalse();
    assertThat(nobody.get("features").get("txn_count_1h").get("age_seconds").isNull()).isTrue();
  }

  @Test
  void alertsAreListedNewestFirstAndFilterable() throws Exception {
    for (String amount : List.of("9500", "9600", "9700")) {
      post("/predict", "{\"customer_id\":\"C1\",\"merchant_id\":\"M\",\"amount\":" + amount + "}");
      now.set(now.get().plusSeconds(600));
    }

    JsonNode all = json(get("/alerts"));
    assertThat(all.get("total").asLong()).isEqualTo(1);
    JsonNode alert = all.get("alerts").get(0);
    assertThat(alert.get("customer_id").asText()).isEqualTo("C1");
    assertThat(alert.get("rules").get(0).asText()).isEqualTo("structuring");
    assertThat(alert.get("amount").decimalValue()).isEqualByComparingTo("9700");
    assertThat(json(get("/alerts?customer_id=C2")).get("alerts")).isEmpty();
    assertThat(get("/alerts?risk_level=EXTREME").statusCode()).isEqualTo(400);
    assertThat(get("/alerts?limit=0").statusCode()).isEqualTo(400);
  }

  @Test
  void healthReportsEachComponent() throws Exception {
    var r = get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("status").asText()).isEqualTo("UP");
    assertThat(json(r).get("components").get("feature_store").get("status").asText())
        .isEqualTo("UP");
  }

  @Test
  void aComponentsWarningIsListedAtTheTopWhileTheServiceStaysUp() throws Exception {
    assertThat(json(get("/health")).has("warnings")).isFalse();
    drifting.set(true);
    var r = get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("status").asText()).isEqualTo("UP");
    assertThat(json(r).get("warnings").get(0).asText())
        .isEqualTo("model: model drift: PSI above 0.2");
  }

  @Test
  void metricsAreInPrometheusFormat() throws Exception {
    post("/predict", "{\"customer_id\":\"C\",\"merchant_id\":\"M\",\"amount\":1}");
    var r = get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("aml_predict_latency_seconds");
  }

  @Test
  void docsServeSwaggerUiAndAnOpenApiDocumentCoveringEveryRoute() throws Exception {
    assertThat(get("/docs").body()).contains("swagger-ui");
    assertThat(get("/webjars/swagger-ui/5.17.14/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
    JsonNode spec = json(get("/openapi.json"));
    for (String route : ApiServer.ROUTES) {
      String[] parts = route.split(" ");
      assertThat(spec.get("paths").has(parts[1])).as(route).isTrue();
      assertThat(spec.get("paths").get(parts[1]).has(parts[0].toLowerCase(Locale.ROOT)))
          .as(route)
          .isTrue();
    }
  }

  @Test
  void unknownRouteIsA404ProblemAndWrongMethodA405() throws Exception {
    var r = get("/nope");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(get("/predict").statusCode()).isEqualTo(405);
  }
}

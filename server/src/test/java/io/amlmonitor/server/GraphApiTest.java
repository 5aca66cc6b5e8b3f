package io.amlmonitor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amlmonitor.core.alert.InMemoryAlertRepository;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.graph.InMemoryNetworkFindingRepository;
import io.amlmonitor.core.graph.NetworkWatch;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.core.pipeline.TransactionProcessor;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.scoring.RiskThresholds;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.graph.InMemoryTransactionGraph;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live path with the relationship graph: typologies in predictions, neighbourhoods served. */
class GraphApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final InMemoryNetworkFindingRepository findings = new InMemoryNetworkFindingRepository();
  private ApiServer server;

  @BeforeEach
  void start() {
    FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
    InstantSource clock = InstantSource.fixed(Instant.parse("2026-05-02T00:00:00Z"));
    TransactionProcessor processor =
        new TransactionProcessor(
            engine,
            new Scorer(
                new RuleSetLoader(engine.registry(), ZoneOffset.UTC).loadDefault(),
                RiskThresholds.DEFAULT),
            new InMemoryAlertRepository(),
            0.5,
            clock,
            Locale.ENGLISH,
            new NetworkWatch(InMemoryTransactionGraph::new, findings, NetworkWatch.DEFAULT_SCORE));
    ApiContext context =
        new ApiContext(
            processor,
            new TransactionScoring() {
              @Override
              public Decision score(Transaction t) {
                return processor.process(t);
              }

              @Override
              public List<Decision> scoreAll(List<Transaction> batch) {
                return batch.stream().map(processor::process).toList();
              }
            },
            t -> {
              processor.process(t);
              return true;
            },
            processor.alerts(),
            clock,
            Locale.ENGLISH,
            List.of(),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            100,
            64 * 1024);
    server = new ApiServer(context).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode transfer(String id, String from, String to, String amount, String time)
      throws Exception {
    String body =
        String.format(
            "{\"transaction_id\":\"%s\",\"timestamp\":\"%s\",\"customer_id\":\"%s\","
                + "\"counterparty_id\":\"%s\",\"amount\":%s,\"ip_address\":\"ip-%s\"}",
            id, time, from, to, amount, from);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/predict"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void cycle() throws Exception {
    transfer("T1", "A", "B", "900.00", "2026-05-01T10:00:00Z");
    transfer("T2", "B", "C", "880.00", "2026-05-01T11:00:00Z");
  }

  @Test
  void aTransferClosingACycleIsScoredHighWithTheTypologyAndRaisesAnAlert() throws Exception {
    cycle();
    JsonNode r = transfer("T3", "C", "A", "870.00", "2026-05-01T12:00:00Z");

    assertThat(r.get("risk_level").asText()).isEqualTo("HIGH");
    assertThat(r.get("rules_fired").findValuesAsText("id")).contains("graph_cycle");
    assertThat(r.get("explanation").get(0).asText())
        .isEqualTo(
            "Network pattern, money returned to its origin: money returned to C through 3 hops:"
                + " C → A → B → C");
    assertThat(r.get("alert_id").asText()).startsWith("A-");
    assertThat(findings.forTransaction(TransactionId.of("T3")))
        .singleElement()
        .satisfies(f -> assertThat(f.subgraph().accounts()).hasSize(3));
  }

  @Test
  void theNeighbourhoodHasNodesEdgesAmountsAndRisk() throws Exception {
    cycle();
    transfer("T3", "C", "A", "870.00", "2026-05-01T12:00:00Z");
    transfer("T4", "C", "D", "10.00", "2026-05-01T13:00:00Z");

    HttpResponse<String> r = get("/graph/customers/A?hops=1");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("nodes").findValuesAsText("id"))
        .containsExactlyInAnyOrder("A", "B", "C", "ip-A");
    JsonNode ab = body.get("edges").get(0);
    assertThat(body.get("edges").size()).isEqualTo(4);
    assertThat(ab.get("count").asLong()).isEqualTo(1);
    assertThat(body.get("nodes").findValuesAsText("risk_level")).contains("HIGH");
    assertThat(body.get("measures").get("graph_ip_diversity").asInt()).isEqualTo(1);

    JsonNode two = JSON.readTree(get("/graph/customers/A").body());
    assertThat(two.get("hops").asInt()).isEqualTo(2);
    assertThat(two.get("nodes").findValuesAsText("id")).contains("D");
  }

  @Test
  void badInputIsA4xxProblem() throws Exception {
    cycle();
    for (String path :
        List.of(
            "/graph/customers/A?hops=0",
            "/graph/customers/A?hops=9",
            "/graph/customers/A?hops=two",
            "/graph/customers/A?max_nodes=0")) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    assertThat(get("/graph/customers/nobody").statusCode()).isEqualTo(404);
  }

  @Test
  void graphFeaturesAreServedWithTheOthers() throws Exception {
    cycle();
    JsonNode f = JSON.readTree(get("/features/B").body());
    assertThat(f.get("graph_features").get("graph_degree_centrality").asDouble()).isEqualTo(1.0);
    assertThat(f.get("graph_features").has("graph_betweenness_centrality")).isTrue();
    assertThat(f.get("features").has("txn_count_1h")).isTrue();
  }
}

package io.amlmonitor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.alert.InMemoryAlertRepository;
import io.amlmonitor.core.cases.CaseId;
import io.amlmonitor.core.cases.CaseService;
import io.amlmonitor.core.cases.EvidenceSource;
import io.amlmonitor.core.cases.InMemoryCaseRepository;
import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.CustomerType;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.graph.InMemoryNetworkFindingRepository;
import io.amlmonitor.core.graph.NetworkWatch;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.core.pipeline.TransactionProcessor;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.core.scoring.RiskThresholds;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.core.store.CustomerRiskRating;
import io.amlmonitor.core.store.DecisionRecord;
import io.amlmonitor.graph.InMemoryTransactionGraph;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The case endpoints through real HTTP, over the in-memory case repository. */
class CaseApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final InstantSource clock = () -> now.get();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<TransactionId, Transaction> transactions = new HashMap<>();
  private final AtomicInteger ids = new AtomicInteger(1);
  private CaseService cases;
  private ApiServer server;
  private TransactionProcessor processor;

  @BeforeEach
  void start() {
    cases =
        new CaseService(
            new InMemoryCaseRepository(),
            evidence(),
            clock,
            () -> CaseId.of("CASE-" + ids.getAndIncrement()));
    server = new ApiServer(context(cases)).start("127.0.0.1", 0);
  }

  /** A context serving {@code cases} (null: none). */
  private ApiContext context(CaseService cases) {
    FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
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
            new NetworkWatch(
                InMemoryTransactionGraph::new,
                new InMemoryNetworkFindingRepository(),
                NetworkWatch.DEFAULT_SCORE));
    this.processor = processor;
    return new ApiContext(
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
            t -> true,
            processor.alerts(),
            clock,
            Locale.ENGLISH,
            List.of(),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            100,
            64 * 1024)
        .withCases(cases);
  }

  private EvidenceSource evidence() {
    return new EvidenceSource() {
      @Override
      public Optional<Transaction> transaction(TransactionId id) {
        return Optional.ofNullable(transactions.get(id));
      }

      @Override
      public Optional<DecisionRecord> decision(TransactionId id) {
        return Optional.of(
            new DecisionRecord(
                id,
                T0,
                0.8,
                RiskLevel.HIGH,
                List.of("structuring"),
                "rules-v1",
                null,
                Map.of("txn_count_24h", 4L, "txn_amount_avg_7d", 9650.5)));
      }

      @Override
      public Optional<Customer> customer(CustomerId id) {
        return Optional.of(
            new Customer(
                id,
                CustomerType.INDIVIDUAL,
                "BR",
                "salaried <b>",
                Money.of(5_000),
                LocalDate.of(2024, 5, 17),
                false));
      }

      @Override
      public Optional<CustomerRiskRating> rating(CustomerId id) {
        return Optional.empty();
      }
    };
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    return send("POST", path, body, headers);
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    return send("GET", path, null, headers);
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  /** Opens CASE-1 for customer C1 with alerts on T1 and T2, both stored. */
  private String openCase() {
    for (int i = 1; i <= 2; i++) {
      Transaction t =
          Transaction.builder()
              .id("T" + i)
              .timestamp(T0.minusSeconds(600 - i))
              .customer("C1")
              .merchant("M<1>")
              .amount(Money.of(9_700))
              .currency("BRL")
              .build();
      transactions.put(t.id(), t);
      processor.process(t);
      cases.attachAlert(
          new Alert(
              "A" + i,
              t.id(),
              t.customerId(),
              "M<1>",
              t.amount(),
              t.timestamp(),
              T0,
              0.8,
              RiskLevel.HIGH,
              List.of("structuring"),
              List.of("Amount of 9,700.00 is just under the threshold & repeated"),
              "rules-v1"),
          "alert_generation");
    }
    return "CASE-1";
  }

  @Test
  void aCaseIsListedFilteredAndReadWithItsEvidenceAndTrail() throws Exception {
    String id = openCase();

    JsonNode list = json(get("/cases?status=open&customer_id=C1"));
    assertThat(list.get("total").asLong()).isEqualTo(1);
    JsonNode summary = list.get("cases").get(0);
    assertThat(summary.get("case_id").asText()).isEqualTo(id);
    assertThat(summary.get("alert_count").asInt()).isEqualTo(2);
    assertThat(summary.get("allowed_transitions").toString()).isEqualTo("[\"IN_REVIEW\"]");
    assertThat(json(get("/cases?assignee=nobody")).get("total").asLong()).isZero();
    assertThat(json(get("/cases?open=true&limit=1&offset=1")).get("cases")).isEmpty();

    JsonNode file = json(get("/cases/" + id));
    JsonNode first = file.get("alerts").get(0);
    assertThat(first.get("alert").get("alert_id").asText()).isEqualTo("A1");
    assertThat(first.get("transaction").get("transaction_id").asText()).isEqualTo("T1");
    assertThat(first.get("transaction").get("amount").decimalValue()).isEqualByComparingTo("9700");
    assertThat(first.get("decision").get("features").get("txn_count_24h").asLong()).isEqualTo(4);
    assertThat(file.get("timeline").get(0).get("kind").asText()).isEqualTo("OPENED");
    assertThat(file.get("timeline").get(0).get("actor").asText()).isEqualTo("alert_generation");
    JsonNode network = file.get("network");
    assertThat(network.get("customer_id").asText()).isEqualTo("C1");
    assertThat(network.get("nodes").findValuesAsText("id")).contains("C1", "M<1>");
    assertThat(network.get("edges").get(0).get("count").asInt()).isEqualTo(2);
  }

  @Test
  void theWorkflowRunsOverHttpAndRecordsWhoFromTheHeaderOrTheBody() throws Exception {
    String id = openCase();

    var assigned =
        post(
            "/cases/" + id + "/assign",
            "{\"assignee\":\"ana\",\"note\":\"on duty\"}",
            "X-Actor",
            "lead");
    assertThat(assigned.statusCode()).isEqualTo(200);
    assertThat(json(assigned).get("assignee").asText()).isEqualTo("ana");
    now.set(T0.plusSeconds(60));
    var review = post("/cases/" + id + "/transitions", "{\"to\":\"in_review\",\"actor\":\"ana\"}");
    assertThat(review.statusCode()).isEqualTo(200);
    assertThat(json(review).get("status").asText()).isEqualTo("IN_REVIEW");
    var comment =
        post("/cases/" + id + "/comments", "{\"comment\":\"Looks structured\"}", "X-Actor", "ana");
    assertThat(comment.statusCode()).isEqualTo(201);
    transactions.put(
        TransactionId.of("T9"),
        Transaction.builder()
            .id("T9")
            .timestamp(T0.minusSeconds(9_000))
            .customer("C1")
            .counterparty("C7")
            .amount(Money.of(20_000))
            .currency("BRL")
            .build());
    var attached =
        post(
            "/cases/" + id + "/attachments",
            "{\"kind\":\"transaction\",\"reference\":\"T9\",\"note\":\"same week\"}",
            "X-Actor",
            "ana");
    assertThat(attached.statusCode()).isEqualTo(201);
    var closed =
        post(
            "/cases/" + id + "/transitions",
            "{\"to\":\"CLOSED_SAR\",\"reason\":\"Structuring <script>alert(1)</script>\"}",
            "X-Actor",
            "ana");
    assertThat(closed.statusCode()).isEqualTo(200);
    assertThat(json(closed).get("closed_at").asText()).isEqualTo("2026-06-01T12:01:00Z");
    assertThat(json(closed).get("allowed_transitions")).isEmpty();

    JsonNode trail = json(get("/cases/" + id)).get("timeline");
    assertThat(trail).hasSize(8);
    assertThat(trail.get(3).get("actor").asText()).isEqualTo("lead");
    assertThat(trail.get(3).get("detail").asText()).isEqualTo("ana");
    assertThat(trail.get(4).get("actor").asText()).isEqualTo("ana");
    assertThat(trail.get(4).get("from_status").asText()).isEqualTo("OPEN");
    assertThat(trail.get(4).get("to_status").asText()).isEqualTo("IN_REVIEW");
    assertThat(trail.get(5).get("reason").asText()).isEqualTo("Looks structured");
    assertThat(trail.get(7).get("to_status").asText()).isEqualTo("CLOSED_SAR");
    assertThat(
            json(get("/cases/" + id))
                .get("attachments")
                .get(0)
                .get("transaction")
                .get("amount")
                .asInt())
        .isEqualTo(20_000);
  }

  @Test
  void anIllegalTransitionIsA409NamingTheStatusAndWhatIsAllowedInTheAskedLanguage()
      throws Exception {
    String id = openCase();

    var r =
        post(
            "/cases/" + id + "/transitions",
            "{\"to\":\"CLOSED_SAR\",\"reason\":\"x\"}",
            "X-Actor",
            "ana");
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(r).get("detail").asText())
        .isEqualTo(
            "Case CASE-1 is OPEN; it cannot move to CLOSED_SAR. Allowed from OPEN: IN_REVIEW");

    var pt =
        post(
            "/cases/" + id + "/transitions",
            "{\"to\":\"ESCALATED\"}",
            "X-Actor",
            "ana",
            "Accept-Language",
            "pt-BR");
    assertThat(json(pt).get("detail").asText()).startsWith("O caso CASE-1 está em OPEN");
  }

  @Test
  void badRequestsAre400sNamingTheFieldAndUnknownCasesAre404() throws Exception {
    String id = openCase();
    post("/cases/" + id + "/transitions", "{\"to\":\"IN_REVIEW\"}", "X-Actor", "ana");

    var noReason =
        post(
            "/cases/" + id + "/transitions",
            "{\"to\":\"CLOSED_FALSE_POSITIVE\"}",
            "X-Actor",
            "ana");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(json(noReason).get("field").asText()).isEqualTo("reason");
    var noActor = post("/cases/" + id + "/comments", "{\"comment\":\"hi\"}");
    assertThat(noActor.statusCode()).isEqualTo(400);
    assertThat(json(noActor).get("field").asText()).isEqualTo("actor");
    var badStatus = post("/cases/" + id + "/transitions", "{\"to\":\"DONE\"}", "X-Actor", "ana");
    assertThat(json(badStatus).get("field").asText()).isEqualTo("to");
    var notText = post("/cases/" + id + "/assign", "{\"assignee\":42}", "X-Actor", "ana");
    assertThat(json(notText).get("field").asText()).isEqualTo("assignee");
    var unknownTxn =
        post(
            "/cases/" + id + "/attachments",
            "{\"kind\":\"transaction\",\"reference\":\"T404\"}",
            "X-Actor",
            "ana");
    assertThat(unknownTxn.statusCode()).isEqualTo(400);
    assertThat(json(unknownTxn).get("field").asText()).isEqualTo("reference");
    var badKind =
        post(
            "/cases/" + id + "/attachments",
            "{\"kind\":\"photo\",\"reference\":\"x\"}",
            "X-Actor",
            "ana");
    assertThat(json(badKind).get("field").asText()).isEqualTo("kind");
    assertThat(post("/cases/" + id + "/comments", "", "X-Actor", "ana").statusCode())
        .isEqualTo(400);
    assertThat(post("/cases/" + id + "/comments", "[1]", "X-Actor", "ana").statusCode())
        .isEqualTo(400);
    assertThat(get("/cases?status=DONE").statusCode()).isEqualTo(400);
    assertThat(get("/cases?limit=5000").statusCode()).isEqualTo(400);
    assertThat(get("/cases?open=maybe").statusCode()).isEqualTo(400);
    var missing = get("/cases/CASE-404");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).get("detail").asText()).isEqualTo("No case has id CASE-404");
    assertThat(post("/cases/CASE-404/comments", "{\"comment\":\"x\"}", "X-Actor", "a").statusCode())
        .isEqualTo(404);
  }

  @Test
  void theSarDraftIsJsonOrAnEscapedPrintablePageOnlyForCasesClosedAsSar() throws Exception {
    String id = openCase();
    assertThat(get("/cases/" + id + "/sar").statusCode()).isEqualTo(409);
    post("/cases/" + id + "/transitions", "{\"to\":\"IN_REVIEW\"}", "X-Actor", "ana");
    post(
        "/cases/" + id + "/transitions",
        "{\"to\":\"CLOSED_SAR\",\"reason\":\"Structuring <script>alert(1)</script>\"}",
        "X-Actor",
        "ana");

    JsonNode sar = json(get("/cases/" + id + "/sar"));
    assertThat(sar.get("report_type").asText()).isEqualTo("suspicious_activity_report_draft");
    assertThat(sar.get("subject").get("kyc").get("segment").asText()).isEqualTo("salaried <b>");
    assertThat(sar.get("subject").get("kyc").get("onboarding_date").asText())
        .isEqualTo("2024-05-17");
    assertThat(sar.get("review").get("closing_reason").asText()).startsWith("Structuring <script>");
    assertThat(sar.get("transactions")).hasSize(2);
    assertThat(sar.get("alerts").get(0).get("rules").get(0).asText()).isEqualTo("structuring");
    assertThat(sar.get("totals").get("amount").decimalValue()).isEqualByComparingTo("19400");
    assertThat(sar.get("totals").get("amount_by_currency").get("BRL").decimalValue())
        .isEqualByComparingTo("19400");
    assertThat(sar.get("timeline")).hasSize(5);

    var page = get("/cases/" + id + "/sar", "Accept", "text/html", "Accept-Language", "pt-BR");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body())
        .startsWith("<!DOCTYPE html>")
        .contains("Comunicação de operação suspeita (rascunho)")
        .contains("19.400,00")
        .contains("Structuring &lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("salaried &lt;b&gt;")
        .contains("M&lt;1&gt;")
        .contains("threshold &amp; repeated")
        .doesNotContain("<script>")
        .doesNotContain("src=")
        .doesNotContain("href=");
    assertThat(get("/cases/" + id + "/sar?format=html").body())
        .contains("Suspicious activity report");
    assertThat(get("/cases/" + id + "/sar?format=pdf").statusCode()).isEqualTo(400);
  }

  @Test
  void withoutACaseServiceTheCaseEndpointsAre503() throws Exception {
    server.close();
    server = new ApiServer(context(null)).start("127.0.0.1", 0);

    var r = get("/cases");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(json(r).get("detail").asText()).contains("SQL system of record");
  }
}

package io.amlmonitor.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.amlmonitor.core.alert.AlertQuery;
import io.amlmonitor.core.domain.InvalidFieldException;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.FeatureDefinition;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.core.scoring.Messages;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.core.store.StoreUnavailableException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API. Routes parse and validate, call the core, and map every failure to an {@code
 * application/problem+json} answer in one place: bad input is a 4xx naming the field, never a 500.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  /** Every route, for the documentation check. */
  public static final List<String> ROUTES =
      List.of(
          "POST /predict",
          "POST /batch-predict",
          "POST /transactions",
          "GET /features/{customer_id}",
          "GET /graph/customers/{customer_id}",
          "GET /alerts",
          "GET /cases",
          "GET /cases/{case_id}",
          "POST /cases/{case_id}/assign",
          "POST /cases/{case_id}/comments",
          "POST /cases/{case_id}/transitions",
          "POST /cases/{case_id}/attachments",
          "GET /cases/{case_id}/sar",
          "GET /health",
          "GET /metrics",
          "GET /docs",
          "GET /openapi.json");

  /** How long {@link #close()} waits for requests in flight to finish. */
  static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final ApiContext ctx;
  private final GraphRoutes graphRoutes;
  private final ObjectMapper mapper = Json.mapper();
  private final Javalin app;
  private final Timer predictTimer;
  private final String openApiJson;

  public ApiServer(ApiContext context) {
    this.ctx = context;
    this.graphRoutes = new GraphRoutes(context);
    this.openApiJson = loadOpenApi();
    this.predictTimer =
        Timer.builder("aml_predict_latency")
            .description("Time to score one transaction in POST /predict")
            .publishPercentiles(0.5, 0.99, 0.999)
            .register(context.metrics());
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(mapper, false));
              config.http.maxRequestSize = context.maxBodyBytes();
              config.http.prefer405over404 = true;
              config.staticFiles.enableWebjars();
              // Jetty's default stop closes connections with requests still in flight (the
              // client sees an empty reply); with a stop timeout it stops accepting, then lets
              // those requests finish. Javalin's server already counts them (StatisticsHandler).
              config.jetty.modifyServer(server -> server.setStopTimeout(STOP_GRACE.toMillis()));
            });
    routes();
    errors();
  }

  private void routes() {
    app.get("/", c -> c.redirect("/docs"));
    app.post("/predict", this::predict);
    app.post("/batch-predict", this::batchPredict);
    app.post("/transactions", this::ingest);
    app.get("/features/{customer_id}", this::features);
    graphRoutes.register(app);
    app.get("/alerts", this::alerts);
    new CaseRoutes(ctx.cases(), mapper, this::problem, this::locale, graphRoutes::forCase)
        .register(app);
    app.get("/health", this::health);
    app.get(
        "/metrics", c -> c.contentType("text/plain; version=0.0.4").result(ctx.metrics().scrape()));
    app.get("/openapi.json", c -> c.contentType("application/json").result(openApiJson));
    app.get("/docs", c -> c.html(SwaggerPage.HTML));
  }

  private void errors() {
    app.exception(
        InvalidFieldException.class,
        (e, c) -> problem(c, Problem.invalidField(e.field(), e.getMessage())));
    app.exception(JsonProcessingException.class, (e, c) -> problem(c, jsonProblem(e)));
    app.exception(
        StoreUnavailableException.class,
        (e, c) -> {
          LOG.warn("{} {}: {}", c.method(), c.path(), e.getMessage());
          c.header("Retry-After", "5");
          problem(
              c,
              Problem.of(
                  503,
                  title(503),
                  "A store this request needs is unavailable; retry later (a repeated "
                      + "transaction_id is counted once). "
                      + e.getMessage()));
        });
    app.exception(
        HttpResponseException.class,
        (e, c) -> problem(c, Problem.of(e.getStatus(), title(e.getStatus()), e.getMessage())));
    app.exception(
        Exception.class,
        (e, c) -> {
          LOG.error("Unexpected failure on {} {}", c.method(), c.path(), e);
          problem(
              c,
              Problem.of(500, "Internal error", "The request failed unexpectedly; it was logged"));
        });
    app.error(
        404,
        c -> {
          if (!Problem.CONTENT_TYPE.equals(c.res().getContentType())) {
            problem(c, Problem.of(404, "Not found", "No resource at " + c.path()));
          }
        });
    app.error(
        405,
        c ->
            problem(
                c,
                Problem.of(
                    405, "Method not allowed", c.method() + " is not allowed on " + c.path())));
  }

  private static Problem jsonProblem(JsonProcessingException e) {
    if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      String field = m.getPath().get(m.getPath().size() - 1).getFieldName();
      if (field != null) {
        return Problem.invalidField(field, field + ": has the wrong type");
      }
    }
    String detail = e.getOriginalMessage();
    if (e.getLocation() != null) {
      detail +=
          " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")";
    }
    return Problem.of(400, "Malformed JSON", detail);
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Invalid request";
      case 404 -> "Not found";
      case 409 -> "Conflict with the case's state";
      case 413 -> "Request too large";
      case 503 -> "Service unavailable";
      default -> "Request failed";
    };
  }

  private void problem(Context c, Problem p) {
    c.status(p.status());
    try {
      // Bytes, not a String: Jetty would encode a String as ISO-8859-1 for a content type without
      // a charset, and JSON is UTF-8 (a Portuguese detail must survive).
      c.contentType(Problem.CONTENT_TYPE).result(mapper.writeValueAsBytes(p));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode body(Context c) throws IOException {
    byte[] bytes = c.bodyAsBytes();
    if (bytes.length == 0) {
      throw new HttpResponseException(400, "The request has no body; send a JSON document");
    }
    return mapper.readTree(bytes);
  }

  private Transaction transaction(JsonNode node) throws JsonProcessingException {
    if (!node.isObject()) {
      throw new HttpResponseException(400, "Expected a JSON object describing one transaction");
    }
    return mapper.treeToValue(node, TransactionRequest.class).toTransaction(ctx.clock().instant());
  }

  private Locale locale(Context c) {
    String header = c.header("Accept-Language");
    if (header == null || header.isBlank()) {
      return ctx.locale();
    }
    for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
      try {
        return Messages.parseLocale(range.getRange());
      } catch (IllegalArgumentException unsupported) {
        // try the next preference
      }
    }
    return ctx.locale();
  }

  private void predict(Context c) throws IOException {
    Transaction t = transaction(body(c));
    Decision d = predictTimer.record(() -> ctx.scoring().score(t));
    c.json(PredictionResponse.of(d, locale(c)));
  }

  private void batchPredict(Context c) throws IOException {
    JsonNode body = body(c);
    if (!body.isArray()) {
      throw new HttpResponseException(400, "Expected a JSON array of transactions");
    }
    if (body.size() > ctx.maxBatchSize()) {
      throw new HttpResponseException(
          413, "The batch has " + body.size() + " transactions; at most " + ctx.maxBatchSize());
    }
    Locale locale = locale(c);
    // Parse everything first, so that the valid ones are recorded in one commit and scored in
    // order; each invalid one keeps its own error in its place.
    List<Object> results = new ArrayList<>(body.size());
    List<Transaction> valid = new ArrayList<>(body.size());
    List<Integer> validIndex = new ArrayList<>(body.size());
    int failed = 0;
    for (int i = 0; i < body.size(); i++) {
      Object error = null;
      try {
        valid.add(transaction(body.get(i)));
        validIndex.add(i);
      } catch (InvalidFieldException e) {
        error = Problem.invalidField(e.field(), e.getMessage());
      } catch (JsonProcessingException e) {
        error = jsonProblem(e);
      } catch (HttpResponseException e) {
        error = Problem.of(400, title(400), e.getMessage());
      }
      if (error != null) {
        failed++;
      }
      results.add(error == null ? null : Map.of("index", i, "error", error));
    }
    List<Decision> decisions = ctx.scoring().scoreAll(valid);
    for (int k = 0; k < decisions.size(); k++) {
      results.set(validIndex.get(k), PredictionResponse.of(decisions.get(k), locale));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("scored", body.size() - failed);
    out.put("failed", failed);
    out.put("results", results);
    c.json(out);
  }

  private void ingest(Context c) throws IOException, InterruptedException {
    Transaction t = transaction(body(c));
    if (!ctx.ingest().offer(t)) {
      c.header("Retry-After", "1");
      throw new HttpResponseException(503, "The ingest queue is full; retry in a moment");
    }
    c.status(202).json(Map.of("transaction_id", t.id().value(), "status", "accepted"));
  }

  private void features(Context c) {
    String customerId = c.pathParam("customer_id");
    Instant now = ctx.clock().instant();
    var engine = ctx.processor().engine();
    FeatureVector v = engine.entityFeatures(EntityType.CUSTOMER, customerId, now);
    Map<String, Object> features = new LinkedHashMap<>();
    List<FeatureDefinition> definitions = engine.registry().definitions();
    for (int i = 0; i < definitions.size(); i++) {
      FeatureDefinition d = definitions.get(i);
      if (d.entity() != EntityType.CUSTOMER) {
        continue;
      }
      double value = v == null ? 0 : v.get(i);
      long age = v == null ? -1 : v.ageMillis(i);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put(
          "value",
          d.type() == io.amlmonitor.core.feature.ValueType.INT ? (Object) (long) value : value);
      entry.put("age_seconds", age < 0 ? null : age / 1000.0);
      features.put(d.name(), entry);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("customer_id", customerId);
    out.put("as_of", now);
    out.put("known", v != null);
    out.put("features", features);
    Map<String, Object> graph = graphRoutes.features(customerId);
    if (graph != null) {
      out.put("graph_features", graph);
    }
    c.json(out);
  }

  private void alerts(Context c) {
    int limit = intParam(c, "limit", 50);
    String level = c.queryParam("risk_level");
    RiskLevel riskLevel = null;
    if (level != null && !level.isBlank()) {
      try {
        riskLevel = RiskLevel.valueOf(level.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException(
            "risk_level", "'" + level + "' is not one of LOW, MEDIUM, HIGH");
      }
    }
    AlertQuery query;
    try {
      query = new AlertQuery(c.queryParam("customer_id"), riskLevel, limit);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("limit", e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", ctx.alerts().count());
    out.put("alerts", ctx.alerts().find(query));
    c.json(out);
  }

  /** The whole-number query parameter {@code name}, or {@code fallback} when absent. */
  static int intParam(Context c, String name, int fallback) {
    String text = c.queryParam(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidFieldException(name, "'" + text + "' is not a whole number");
    }
  }

  private void health(Context c) {
    Map<String, Object> components = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    boolean allUp = true;
    for (HealthIndicator h : ctx.health()) {
      HealthIndicator.Status s;
      try {
        s = h.check();
      } catch (RuntimeException e) {
        s = HealthIndicator.Status.down(String.valueOf(e.getMessage()));
      }
      allUp &= s.up();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("status", s.up() ? "UP" : "DOWN");
      entry.putAll(s.details());
      components.put(h.name(), entry);
      if (s.details().get("warning") instanceof String w) {
        warnings.add(h.name() + ": " + w);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", allUp ? "UP" : "DOWN");
    if (!warnings.isEmpty()) {
      // Still UP: a warning asks for a look (model drift), it does not stop scoring.
      out.put("warnings", warnings);
    }
    out.put("time", ctx.clock().instant());
    out.put("components", components);
    c.status(allUp ? 200 : 503).json(out);
  }

  private static String loadOpenApi() {
    try (InputStream in = ApiServer.class.getResourceAsStream("/openapi/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("missing resource openapi/openapi.yaml");
      }
      JsonNode spec =
          new YAMLMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts listening; port 0 picks a free port. */
  public ApiServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  /**
   * Stops accepting connections, waits up to {@link #STOP_GRACE} for requests in flight to get
   * their responses, then stops.
   */
  @Override
  public void close() {
    app.stop();
  }
}

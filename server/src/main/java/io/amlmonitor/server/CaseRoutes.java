package io.amlmonitor.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amlmonitor.core.cases.Case;
import io.amlmonitor.core.cases.CaseFile;
import io.amlmonitor.core.cases.CaseId;
import io.amlmonitor.core.cases.CaseNotFoundException;
import io.amlmonitor.core.cases.CaseQuery;
import io.amlmonitor.core.cases.CaseService;
import io.amlmonitor.core.cases.CaseStatus;
import io.amlmonitor.core.cases.CaseWorkflowException;
import io.amlmonitor.core.cases.EvidenceRef;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.InvalidFieldException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The case endpoints: list and read cases, assign, comment, change status, attach evidence, and the
 * SAR draft of a case closed as SAR (JSON, or a printable HTML page). Who acts comes from the
 * {@code X-Actor} header or, without it, the body's {@code actor}. Without a case service (nothing
 * durable to keep cases in) every case endpoint answers 503.
 */
final class CaseRoutes {
  /** The header naming who makes a change. */
  static final String ACTOR_HEADER = "X-Actor";

  private final CaseService cases;
  private final ObjectMapper mapper;
  private final BiConsumer<Context, Problem> problem;
  private final Function<Context, Locale> locale;
  private final Function<String, Map<String, Object>> network;

  /**
   * @param cases the workflow, or null when cases are not kept
   * @param problem answers a request with a problem document
   * @param locale the language a request asks for
   * @param network a customer's neighbourhood in the relationship graph, or null when not kept
   */
  CaseRoutes(
      CaseService cases,
      ObjectMapper mapper,
      BiConsumer<Context, Problem> problem,
      Function<Context, Locale> locale,
      Function<String, Map<String, Object>> network) {
    this.network = network;
    this.cases = cases;
    this.mapper = mapper;
    this.problem = problem;
    this.locale = locale;
  }

  /** The case file, with the customer's neighbourhood in the relationship graph when kept. */
  private void show(Context c) {
    CaseFile file = service().file(id(c));
    Map<String, Object> json = CaseJson.file(file);
    json.put("network", network.apply(file.kase().customerId().value()));
    c.json(json);
  }

  void register(Javalin app) {
    app.get("/cases", this::list);
    app.get("/cases/{case_id}", this::show);
    app.post("/cases/{case_id}/assign", this::assign);
    app.post("/cases/{case_id}/comments", this::comment);
    app.post("/cases/{case_id}/transitions", this::transition);
    app.post("/cases/{case_id}/attachments", this::attach);
    app.get("/cases/{case_id}/sar", this::sar);
    app.exception(
        CaseNotFoundException.class,
        (e, c) -> problem.accept(c, Problem.of(404, "Not found", e.message(locale.apply(c)))));
    app.exception(
        CaseWorkflowException.class,
        (e, c) -> {
          String detail = e.message(locale.apply(c));
          problem.accept(
              c,
              e.field() == null
                  ? Problem.of(409, "Conflict with the case's state", detail)
                  : Problem.invalidField(e.field(), detail));
        });
  }

  private CaseService service() {
    if (cases == null) {
      throw new HttpResponseException(
          503, "Cases are kept in the SQL system of record, which this server runs without");
    }
    return cases;
  }

  private void list(Context c) {
    String status = c.queryParam("status");
    String customer = c.queryParam("customer_id");
    CaseQuery query =
        new CaseQuery(
            status == null || status.isBlank() ? null : CaseStatus.parse("status", status),
            c.queryParam("assignee"),
            customer == null || customer.isBlank() ? null : CustomerId.of(customer),
            bool(c, "open"),
            ApiServer.intParam(c, "offset", 0),
            ApiServer.intParam(c, "limit", 50));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", service().count(query));
    out.put("offset", query.offset());
    out.put("limit", query.limit());
    out.put("cases", service().find(query).stream().map(CaseJson::summary).toList());
    c.json(out);
  }

  private void assign(Context c) throws IOException {
    JsonNode body = body(c);
    Case k = service().assign(id(c), text(body, "assignee"), text(body, "note"), actor(c, body));
    c.json(CaseJson.summary(k));
  }

  private void comment(Context c) throws IOException {
    JsonNode body = body(c);
    Case k = service().comment(id(c), text(body, "comment"), actor(c, body));
    c.status(201).json(CaseJson.summary(k));
  }

  private void transition(Context c) throws IOException {
    JsonNode body = body(c);
    CaseStatus to = CaseStatus.parse("to", text(body, "to"));
    Case k = service().transition(id(c), to, text(body, "reason"), actor(c, body));
    c.json(CaseJson.summary(k));
  }

  private void attach(Context c) throws IOException {
    JsonNode body = body(c);
    EvidenceRef ref = EvidenceRef.of(text(body, "kind"), text(body, "reference"));
    Case k = service().attachEvidence(id(c), ref, text(body, "note"), actor(c, body));
    c.status(201).json(CaseJson.summary(k));
  }

  private void sar(Context c) {
    String format = c.queryParam("format");
    boolean html;
    if (format == null || format.isBlank()) {
      String accept = c.header("Accept");
      html = accept != null && accept.contains("text/html");
    } else if (format.strip().equalsIgnoreCase("html")) {
      html = true;
    } else if (format.strip().equalsIgnoreCase("json")) {
      html = false;
    } else {
      throw new InvalidFieldException("format", "'" + format + "' is not one of json, html");
    }
    var report = service().sar(id(c));
    if (html) {
      c.html(SarHtml.render(report, locale.apply(c)));
    } else {
      c.json(CaseJson.sar(report));
    }
  }

  private static CaseId id(Context c) {
    return CaseId.of(c.pathParam("case_id"));
  }

  private JsonNode body(Context c) throws IOException {
    byte[] bytes = c.bodyAsBytes();
    if (bytes.length == 0) {
      throw new HttpResponseException(400, "The request has no body; send a JSON object");
    }
    JsonNode node = mapper.readTree(bytes);
    if (!node.isObject()) {
      throw new HttpResponseException(400, "Expected a JSON object");
    }
    return node;
  }

  /** The text of {@code field}, or null when absent or null; anything but text is refused. */
  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidFieldException(field, "must be a string");
    }
    return v.asText();
  }

  private static String actor(Context c, JsonNode body) {
    String header = c.header(ACTOR_HEADER);
    String actor = header == null || header.isBlank() ? text(body, "actor") : header;
    if (actor == null || actor.isBlank()) {
      throw new InvalidFieldException(
          "actor", "is required: send the " + ACTOR_HEADER + " header or an actor field");
    }
    return actor;
  }

  private static boolean bool(Context c, String name) {
    String text = c.queryParam(name);
    if (text == null || text.isBlank()) {
      return false;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new InvalidFieldException(name, "'" + text + "' is not true or false");
    };
  }
}

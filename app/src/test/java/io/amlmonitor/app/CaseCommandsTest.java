package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.cases.CaseEventKind;
import io.amlmonitor.core.cases.CaseId;
import io.amlmonitor.core.cases.CaseQuery;
import io.amlmonitor.core.cases.CaseService;
import io.amlmonitor.core.cases.CaseStatus;
import io.amlmonitor.core.cases.EvidenceRef;
import io.amlmonitor.core.cases.EvidenceSource;
import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.CustomerType;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.core.store.DecisionRecord;
import io.amlmonitor.jdbc.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aml cases} on the embedded database file. */
class CaseCommandsTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

  @TempDir Path dir;
  private Settings settings;
  private String caseId;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void storeWithOneCase() {
    settings = settings("en");
    try (Database db = Database.open(SqlStores.config(settings))) {
      db.customers()
          .upsert(
              new Customer(
                  CustomerId.of("C1"),
                  CustomerType.BUSINESS,
                  "BR",
                  "money transfer & exchange",
                  Money.of(50_000),
                  LocalDate.of(2023, 1, 9),
                  false));
      for (int i = 1; i <= 3; i++) {
        Transaction t =
            Transaction.builder()
                .id("T" + i)
                .timestamp(T0.plusSeconds(600L * i))
                .customer("C1")
                .counterparty("C" + (10 + i))
                .amount(Money.of(9_500 + i * 100))
                .currency("BRL")
                .build();
        db.transactions().save(t);
        if (i < 3) {
          Alert a =
              new Alert(
                  "A" + i,
                  t.id(),
                  t.customerId(),
                  t.receiverId(),
                  t.amount(),
                  t.timestamp(),
                  t.timestamp().plusMillis(5),
                  0.85,
                  RiskLevel.HIGH,
                  List.of("structuring"),
                  List.of("Several amounts just under 10,000.00 within a day"),
                  "rules-v1");
          db.decisions()
              .saveAll(
                  List.of(
                      new DecisionRecord(
                          t.id(),
                          a.createdAt(),
                          0.85,
                          RiskLevel.HIGH,
                          List.of("structuring"),
                          "rules-v1",
                          null,
                          Map.of("txn_count_24h", (long) i, "txn_amount_sum_24h", 9_600.0 * i))),
                  List.of(a));
          CaseService cases =
              new CaseService(db.cases(), EvidenceSource.NONE, InstantSource.fixed(T0));
          caseId = cases.attachAlert(a, "alert_generation").kase().id().value();
        }
      }
    }
  }

  private Settings settings(String locale) {
    return StoreCheckTest.settings(Map.of("AML_DATA_DIR", dir.toString(), "AML_LOCALE", locale));
  }

  private CaseConsole console() {
    return console(settings);
  }

  private CaseConsole console(Settings s) {
    out.reset();
    err.reset();
    return new CaseConsole(
        s,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        InstantSource.fixed(NOW));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void listsAndShowsACaseWithItsEvidenceAndTrail() {
    CaseConsole c = console();
    assertThat(c.run(cases -> c.list(cases, CaseQuery.latest(50), false))).isZero();
    assertThat(out()).contains(caseId).contains("C1").contains("OPEN").contains("1 of 1");

    CaseConsole s = console();
    assertThat(s.run(cases -> s.show(cases.file(CaseId.of(caseId)), false))).isZero();
    assertThat(out())
        .contains("Case " + caseId + ", customer C1")
        .contains("Status: OPEN; assignee: nobody; may move to: IN_REVIEW")
        .contains("A1: transaction T1, score 0.85 HIGH, rules structuring")
        .contains("- Several amounts just under 10,000.00 within a day")
        .contains("transaction: 2026-03-01 10:10:00, to C11, 9600.00 BRL")
        .contains("txn_count_24h=1")
        .contains("OPENED  alert_generation  OPEN [A1]");

    CaseConsole j = console();
    assertThat(j.run(cases -> j.list(cases, CaseQuery.latest(5), true))).isZero();
    assertThat(out()).contains("\"total\" : 1").contains("\"alert_count\" : 2");
  }

  @Test
  void theWorkflowThroughTheCommandLineRecordsTheActorAndRefusesIllegalMoves() throws Exception {
    assumeThat(System.getenv("POSTGRES_HOST"))
        .as("the command line would use the PostgreSQL the environment names")
        .isNull();
    String data = "--data-dir=" + dir;

    assertThat(Main.execute("cases", "assign", caseId, "ana", "--actor", "lead", data)).isZero();
    assertThat(
            Main.execute(
                "cases", "transition", caseId, "--to", "in-review", "--actor", "ana", data))
        .isZero();
    assertThat(
            Main.execute(
                "cases", "comment", caseId, "Same counterparty pattern", "--actor=ana", data))
        .isZero();
    assertThat(
            Main.execute(
                "cases",
                "attach",
                caseId,
                "transaction:T3",
                "--note",
                "third one",
                "--actor=ana",
                data))
        .isZero();
    assertThat(Main.execute("cases", "transition", caseId, "--to", "open", "--actor", "ana", data))
        .as("IN_REVIEW cannot go back to OPEN")
        .isEqualTo(1);
    assertThat(
            Main.execute(
                "cases", "transition", caseId, "--to", "closed_sar", "--actor", "ana", data))
        .as("closing needs a reason")
        .isEqualTo(2);
    assertThat(Main.execute("cases", "transition", caseId, "--to", "finished", data)).isEqualTo(2);
    assertThat(Main.execute("cases", "show", "CASE-404", data)).isEqualTo(1);
    assertThat(
            Main.execute(
                "cases",
                "transition",
                caseId,
                "--to",
                "CLOSED_SAR",
                "--reason",
                "Structuring",
                "--actor",
                "ana",
                data))
        .isZero();

    try (Database db = Database.open(SqlStores.config(settings))) {
      var trail = db.cases().events(CaseId.of(caseId));
      assertThat(trail)
          .extracting(e -> e.kind())
          .containsExactly(
              CaseEventKind.OPENED,
              CaseEventKind.ALERT_ATTACHED,
              CaseEventKind.ALERT_ATTACHED,
              CaseEventKind.ASSIGNED,
              CaseEventKind.TRANSITIONED,
              CaseEventKind.COMMENTED,
              CaseEventKind.EVIDENCE_ATTACHED,
              CaseEventKind.TRANSITIONED);
      assertThat(trail.get(3).actor()).isEqualTo("lead");
      assertThat(trail.get(3).detail()).isEqualTo("ana");
      assertThat(trail.get(7).reason()).isEqualTo("Structuring");
      assertThat(db.cases().find(CaseId.of(caseId)).orElseThrow().status())
          .isEqualTo(CaseStatus.CLOSED_SAR);
    }
  }

  @Test
  void refusalsAndBadInputPrintAClearMessageInTheChosenLanguage() {
    CaseConsole c = console();
    int code =
        c.run(
            cases ->
                c.changed(
                    "cases.moved",
                    cases.transition(CaseId.of(caseId), CaseStatus.CLOSED_SAR, "x", "ana"),
                    "OPEN"));
    assertThat(code).isEqualTo(1);
    assertThat(err())
        .isEqualTo(
            "aml: Case "
                + caseId
                + " is OPEN; it cannot move to CLOSED_SAR. Allowed from OPEN: IN_REVIEW"
                + System.lineSeparator());

    CaseConsole pt = console(settings("pt-BR"));
    assertThat(pt.run(cases -> pt.sar(cases.sar(CaseId.of(caseId)), false, null))).isEqualTo(1);
    assertThat(err()).contains("só existe para casos encerrados como CLOSED_SAR");

    CaseConsole bad = console();
    assertThat(bad.run(cases -> bad.show(cases.file(CaseId.of(" ")), false))).isEqualTo(2);
    assertThat(err()).contains("aml: case_id: is required");

    CaseConsole none =
        console(StoreCheckTest.settings(Map.of("AML_DATA_DIR", dir.resolve("empty").toString())));
    assertThat(none.run(cases -> 0)).isEqualTo(1);
    assertThat(err()).contains("there is no embedded database at");
  }

  @Test
  void aSarDraftIsWrittenAsJsonOrAsAnHtmlPage() throws Exception {
    try (Database db = Database.open(SqlStores.config(settings))) {
      CaseService cases =
          new CaseService(
              db.cases(),
              EvidenceSource.of(db.transactions(), db.decisions(), db.customers()),
              InstantSource.fixed(T0.plusSeconds(7200)));
      cases.transition(CaseId.of(caseId), CaseStatus.IN_REVIEW, null, "ana");
      cases.attachEvidence(CaseId.of(caseId), EvidenceRef.transaction("T3"), null, "ana");
      cases.transition(CaseId.of(caseId), CaseStatus.CLOSED_SAR, "Structuring <below> 10k", "ana");
    }
    Path json = dir.resolve("out/sar.json");
    CaseConsole c = console();
    assertThat(c.run(cases -> c.sar(cases.sar(CaseId.of(caseId)), false, json))).isZero();
    assertThat(out()).contains("Wrote the SAR draft of case " + caseId + " to " + json);
    JsonNode sar = new ObjectMapper().readTree(Files.readString(json));
    assertThat(sar.get("subject").get("kyc").get("customer_type").asText()).isEqualTo("BUSINESS");
    assertThat(sar.get("transactions")).hasSize(3);
    assertThat(sar.get("totals").get("amount").decimalValue()).isEqualByComparingTo("29100.00");
    assertThat(sar.get("alerts").get(1).get("reasons").get(0).asText()).contains("just under");
    assertThat(sar.get("review").get("closed_by").asText()).isEqualTo("ana");
    assertThat(sar.get("generated_at").asText()).isEqualTo("2026-03-02T09:30:00Z");

    Path html = dir.resolve("sar.html");
    CaseConsole pt = console(settings("pt-BR"));
    assertThat(pt.run(cases -> pt.sar(cases.sar(CaseId.of(caseId)), true, html))).isZero();
    assertThat(Files.readString(html))
        .contains("<html lang=\"pt-BR\">")
        .contains("Comunicação de operação suspeita (rascunho)")
        .contains("money transfer &amp; exchange")
        .contains("Structuring &lt;below&gt; 10k")
        .contains("29.100,00");
  }

  @Test
  void theApiOfARuntimeOnTheSystemOfRecordServesItsCases() throws Exception {
    try (EmbeddedRuntime runtime =
        new EmbeddedRuntime(
            settings,
            InstantSource.system(),
            d -> {},
            CustomerProfiles.NONE,
            LiveStores.open(settings))) {
      int port = runtime.startApi(0).port();
      var response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port + "/cases?open=true"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains(caseId);
    }
  }
}

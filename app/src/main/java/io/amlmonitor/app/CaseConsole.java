package io.amlmonitor.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.cases.Case;
import io.amlmonitor.core.cases.CaseEvent;
import io.amlmonitor.core.cases.CaseFile;
import io.amlmonitor.core.cases.CaseQuery;
import io.amlmonitor.core.cases.CaseService;
import io.amlmonitor.core.cases.CaseStatus;
import io.amlmonitor.core.cases.CaseWorkflowException;
import io.amlmonitor.core.cases.EvidenceSource;
import io.amlmonitor.core.cases.SarReport;
import io.amlmonitor.core.domain.InvalidFieldException;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.store.StoreException;
import io.amlmonitor.core.store.StoreUnavailableException;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import io.amlmonitor.server.CaseJson;
import io.amlmonitor.server.Json;
import io.amlmonitor.server.SarHtml;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code aml cases} does, on the SQL system of record the settings name: each operation opens
 * the store, runs one use case of {@link CaseService}, prints the outcome and returns the exit
 * code: 0 done, 1 refused by the workflow (unknown case, illegal transition, closed case) or the
 * store unreachable, 2 bad input.
 */
final class CaseConsole {
  /** One operation on the case service; returns the exit code. */
  @FunctionalInterface
  interface Operation {
    int run(CaseService cases) throws IOException;
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final Settings settings;
  private final PrintStream out;
  private final PrintStream err;
  private final AppMessages msg;
  private final InstantSource clock;

  CaseConsole(Settings settings, PrintStream out, PrintStream err, InstantSource clock) {
    this.settings = settings;
    this.out = out;
    this.err = err;
    this.msg = new AppMessages(settings.locale());
    this.clock = clock;
  }

  /** Opens the store, runs {@code operation}, and turns its failures into messages and codes. */
  int run(Operation operation) {
    DatabaseConfig config = SqlStores.config(settings);
    if (config instanceof DatabaseConfig.Embedded embedded && !Files.exists(embedded.file())) {
      err.println(msg.get("cases.noEmbedded", embedded.file().toString()));
      return 1;
    }
    try (Database db = Database.open(config)) {
      CaseService cases =
          new CaseService(
              db.cases(),
              EvidenceSource.of(db.transactions(), db.decisions(), db.customers()),
              clock);
      return operation.run(cases);
    } catch (InvalidFieldException e) {
      err.println(msg.get("cases.badInput", e.getMessage()));
      return 2;
    } catch (CaseWorkflowException e) {
      err.println(msg.get("cases.refused", e.message(settings.locale())));
      return e.field() == null ? 1 : 2;
    } catch (StoreUnavailableException e) {
      err.println(msg.get("import.unreachable", e.getMessage()));
      return 1;
    } catch (StoreException | IOException | UncheckedIOException e) {
      err.println(msg.get("cases.failed", e.getMessage()));
      return 1;
    }
  }

  int list(CaseService cases, CaseQuery query, boolean json) throws IOException {
    var page = cases.find(query);
    long total = cases.count(query);
    if (json) {
      out.println(
          mapper()
              .writeValueAsString(
                  Map.of(
                      "total",
                      total,
                      "offset",
                      query.offset(),
                      "limit",
                      query.limit(),
                      "cases",
                      page.stream().map(CaseJson::summary).toList())));
      return 0;
    }
    if (page.isEmpty()) {
      out.println(msg.get("cases.none", total));
      return 0;
    }
    out.println(
        String.format(
            "%-40s %-20s %-22s %-12s %-19s %6s",
            msg.get("cases.col.case"),
            msg.get("cases.col.customer"),
            msg.get("cases.col.status"),
            msg.get("cases.col.assignee"),
            msg.get("cases.col.opened"),
            msg.get("cases.col.alerts")));
    for (Case c : page) {
      out.println(
          String.format(
              "%-40s %-20s %-22s %-12s %-19s %6d",
              c.id(),
              c.customerId(),
              c.status(),
              c.assignee() == null ? "-" : c.assignee(),
              TIME.format(c.openedAt()),
              c.alertCount()));
    }
    out.println(msg.get("cases.page", page.size(), total, query.offset()));
    return 0;
  }

  int show(CaseFile f, boolean json) throws IOException {
    if (json) {
      out.println(mapper().writeValueAsString(CaseJson.file(f)));
      return 0;
    }
    Case c = f.kase();
    out.println(msg.get("cases.show.case", c.id().value(), c.customerId().value()));
    out.println(
        msg.get(
            "cases.show.status",
            c.status().name(),
            c.assignee() == null ? msg.get("cases.nobody") : c.assignee(),
            names(c.status().allowedTargets())));
    out.println(
        msg.get(
            "cases.show.times",
            time(c.openedAt()),
            time(c.updatedAt()),
            c.closedAt() == null ? "-" : time(c.closedAt())));
    out.println(msg.get("cases.show.alerts", f.alerts().size()));
    for (CaseFile.AlertEvidence e : f.alerts()) {
      Alert a = e.alert();
      out.println(
          msg.get(
              "cases.show.alert",
              a.alertId(),
              a.transactionId().value(),
              String.format(settings.locale(), "%.2f", a.riskScore()),
              a.riskLevel().name(),
              String.join(", ", a.rules())));
      a.reasons().forEach(r -> out.println(msg.get("cases.show.reason", r)));
      if (e.transaction() != null) {
        out.println(msg.get("cases.show.transaction", describe(e.transaction())));
      }
      if (e.decision() != null) {
        out.println(
            msg.get(
                "cases.show.features",
                e.decision().features().entrySet().stream()
                    .filter(x -> x.getValue().doubleValue() != 0)
                    .map(x -> x.getKey() + "=" + x.getValue())
                    .collect(Collectors.joining(", "))));
      }
    }
    if (!f.attachments().isEmpty()) {
      out.println(msg.get("cases.show.attachments"));
      for (CaseFile.Attachment a : f.attachments()) {
        out.println(
            msg.get(
                "cases.show.attachment",
                a.ref().toString(),
                a.actor(),
                time(a.attachedAt()),
                a.note() == null ? "" : a.note(),
                a.transaction() == null ? "" : " (" + describe(a.transaction()) + ")"));
      }
    }
    out.println(msg.get("cases.show.timeline"));
    for (CaseEvent e : f.timeline()) {
      out.println(
          msg.get(
              "cases.show.event",
              time(e.occurredAt()),
              e.kind().name(),
              e.actor(),
              e.fromStatus() == null || e.fromStatus() == e.toStatus()
                  ? e.toStatus().name()
                  : e.fromStatus().name() + " -> " + e.toStatus().name(),
              e.detail() == null ? "" : " [" + e.detail() + "]",
              e.reason() == null ? "" : ": " + e.reason()));
    }
    return 0;
  }

  /** Prints what a change left the case as. */
  int changed(String key, Case c, Object... args) {
    Object[] all = new Object[args.length + 2];
    all[0] = c.id().value();
    all[1] = c.status().name();
    System.arraycopy(args, 0, all, 2, args.length);
    out.println(msg.get(key, all));
    return 0;
  }

  /**
   * Writes the SAR draft as JSON or HTML to {@code file}, or to standard output when it is null.
   */
  int sar(SarReport report, boolean html, Path file) throws IOException {
    String text =
        html
            ? SarHtml.render(report, settings.locale())
            : mapper().writeValueAsString(CaseJson.sar(report)) + "\n";
    if (file == null) {
      out.print(text);
      out.flush();
      return 0;
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
    out.println(msg.get("cases.sarWritten", report.caseId().value(), file.toString()));
    return 0;
  }

  private String describe(Transaction t) {
    return msg.get(
        "cases.show.txn",
        time(t.timestamp()),
        t.receiverId(),
        t.amount().toBigDecimal().toPlainString(),
        t.currency() == null ? "" : t.currency());
  }

  private static String names(Set<CaseStatus> statuses) {
    return statuses.isEmpty()
        ? "-"
        : statuses.stream().map(Enum::name).collect(Collectors.joining(", "));
  }

  private static String time(Instant t) {
    return TIME.format(t);
  }

  private static ObjectMapper mapper() {
    return Json.mapper().enable(SerializationFeature.INDENT_OUTPUT);
  }
}

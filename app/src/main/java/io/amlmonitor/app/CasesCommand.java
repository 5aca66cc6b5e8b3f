package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.cases.CaseId;
import io.amlmonitor.core.cases.CaseQuery;
import io.amlmonitor.core.cases.CaseService;
import io.amlmonitor.core.cases.CaseStatus;
import io.amlmonitor.core.cases.EvidenceRef;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.InvalidFieldException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aml cases}: review alerts grouped into cases, on the SQL system of record. */
@Command(
    name = "cases",
    mixinStandardHelpOptions = true,
    description = {
      "Work on cases: the alerts of one customer grouped for review. Workflow: OPEN -> IN_REVIEW"
          + " -> ESCALATED -> CLOSED_FALSE_POSITIVE | CLOSED_SAR (IN_REVIEW may close directly,"
          + " ESCALATED may go back to IN_REVIEW, closed is final). Every change is kept in the"
          + " case's append-only audit trail.",
      "Exit codes: 0 done, 1 refused by the workflow or store unreachable, 2 bad input."
    },
    subcommands = {
      CasesCommand.ListCases.class,
      CasesCommand.Show.class,
      CasesCommand.Assign.class,
      CasesCommand.Comment.class,
      CasesCommand.Transition.class,
      CasesCommand.Attach.class,
      CasesCommand.Sar.class
    })
final class CasesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** What every subcommand shares: the settings, the store, who acts. */
  abstract static class Base implements Callable<Integer> {
    @Mixin CommonOptions common;

    Settings settings() {
      Settings settings = Settings.resolve(ConfigSources.standard(common.asSettings()));
      Logging.configure(settings.logLevel(), common.verbose);
      return settings;
    }

    /** Runs {@code step} on the store the settings name; returns the exit code. */
    int run(Step step) {
      CaseConsole console =
          new CaseConsole(settings(), System.out, System.err, InstantSource.system());
      return console.run(cases -> step.run(console, cases));
    }
  }

  /** What one subcommand does with the case service, printing through the console. */
  @FunctionalInterface
  interface Step {
    int run(CaseConsole console, CaseService cases) throws IOException;
  }

  /** A subcommand that changes a case: it names the case and who changes it. */
  abstract static class Change extends Base {
    @Parameters(index = "0", paramLabel = "CASE_ID", description = "The case.")
    String caseId;

    @Option(
        names = "--actor",
        paramLabel = "NAME",
        description = "Who makes the change, for the audit trail (default: the OS user).")
    String actor = System.getProperty("user.name");
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List cases, newest opened first.")
  static final class ListCases extends Base {
    @Option(names = "--status", paramLabel = "STATUS", description = "Only cases in this status.")
    String status;

    @Option(names = "--assignee", paramLabel = "NAME", description = "Only this analyst's cases.")
    String assignee;

    @Option(names = "--customer", paramLabel = "ID", description = "Only this customer's cases.")
    String customer;

    @Option(names = "--open", description = "Only cases not closed.")
    boolean open;

    @Option(names = "--offset", paramLabel = "N", description = "Skip N cases (default 0).")
    int offset;

    @Option(names = "--limit", paramLabel = "N", description = "At most N cases, 1–1000 (50).")
    int limit = 50;

    @Option(names = "--format", paramLabel = "table|json", description = "Output (table).")
    String format = "table";

    @Override
    public Integer call() {
      return run(
          (console, cases) -> {
            boolean json = json(format, "table");
            CaseQuery query =
                new CaseQuery(
                    status == null ? null : CaseStatus.parse("--status", status),
                    assignee,
                    customer == null ? null : CustomerId.of(customer),
                    open,
                    offset,
                    limit);
            return console.list(cases, query, json);
          });
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Show a case: its alerts with the transactions and features behind them, the evidence"
              + " attached and the audit trail.")
  static final class Show extends Base {
    @Parameters(index = "0", paramLabel = "CASE_ID", description = "The case.")
    String caseId;

    @Option(names = "--format", paramLabel = "text|json", description = "Output (text).")
    String format = "text";

    @Override
    public Integer call() {
      return run(
          (console, cases) -> {
            boolean json = json(format, "text");
            return console.show(cases.file(CaseId.of(caseId)), json);
          });
    }
  }

  @Command(
      name = "assign",
      mixinStandardHelpOptions = true,
      description = "Give a case to someone.")
  static final class Assign extends Change {
    @Parameters(index = "1", paramLabel = "ASSIGNEE", description = "Who works on it.")
    String assignee;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why, for the audit trail.")
    String note;

    @Override
    public Integer call() {
      return run(
          (console, cases) ->
              console.changed(
                  "cases.assigned",
                  cases.assign(CaseId.of(caseId), assignee, note, actor),
                  assignee));
    }
  }

  @Command(name = "comment", mixinStandardHelpOptions = true, description = "Comment on a case.")
  static final class Comment extends Change {
    @Parameters(index = "1", paramLabel = "TEXT", description = "The comment.")
    String text;

    @Override
    public Integer call() {
      return run(
          (console, cases) ->
              console.changed("cases.commented", cases.comment(CaseId.of(caseId), text, actor)));
    }
  }

  @Command(
      name = "transition",
      mixinStandardHelpOptions = true,
      description = "Move a case to another status; closing needs --reason.")
  static final class Transition extends Change {
    @Option(
        names = "--to",
        required = true,
        paramLabel = "STATUS",
        description = "IN_REVIEW, ESCALATED, CLOSED_FALSE_POSITIVE or CLOSED_SAR.")
    String to;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (required to close).")
    String reason;

    @Override
    public Integer call() {
      return run(
          (console, cases) -> {
            CaseStatus target = CaseStatus.parse("--to", to);
            String from = cases.get(CaseId.of(caseId)).status().name();
            return console.changed(
                "cases.moved", cases.transition(CaseId.of(caseId), target, reason, actor), from);
          });
    }
  }

  @Command(
      name = "attach",
      mixinStandardHelpOptions = true,
      description =
          "Attach evidence by hand: a stored transaction (transaction:ID) or a document kept"
              + " elsewhere (document:REFERENCE).")
  static final class Attach extends Change {
    @Parameters(
        index = "1",
        paramLabel = "KIND:REFERENCE",
        description = "transaction:T123 or document:kyc/passport.pdf")
    String reference;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why it matters.")
    String note;

    @Override
    public Integer call() {
      return run(
          (console, cases) -> {
            EvidenceRef ref = EvidenceRef.parse(reference);
            return console.changed(
                "cases.attached",
                cases.attachEvidence(CaseId.of(caseId), ref, note, actor),
                ref.toString());
          });
    }
  }

  @Command(
      name = "sar",
      mixinStandardHelpOptions = true,
      description =
          "Write the suspicious-activity report draft of a case closed as CLOSED_SAR: JSON, or a"
              + " printable HTML page labelled in --locale.")
  static final class Sar extends Base {
    @Parameters(index = "0", paramLabel = "CASE_ID", description = "The case.")
    String caseId;

    @Option(
        names = "--format",
        paramLabel = "json|html",
        description = "The draft's format (json).")
    String format = "json";

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "Write here (default: standard output).")
    Path out;

    @Override
    public Integer call() {
      return run(
          (console, cases) -> {
            boolean html = !json(format, "html");
            return console.sar(cases.sar(CaseId.of(caseId)), html, out);
          });
    }
  }

  /** True for json, false for {@code other}; anything else is refused naming both. */
  static boolean json(String format, String other) {
    String f = format.strip().toLowerCase(Locale.ROOT);
    if (f.equals("json") || f.equals(other)) {
      return f.equals("json");
    }
    throw new InvalidFieldException(
        "--format", "'" + format + "' is not one of " + other + ", json");
  }
}

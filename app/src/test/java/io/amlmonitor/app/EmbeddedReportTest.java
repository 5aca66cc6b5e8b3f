package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.TimeRange;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code aml report} on the embedded database, through the command line, and what it refuses. */
class EmbeddedReportTest extends ReportContract {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  @Override
  Map<String, String> database() {
    return Map.of("AML_DATA_DIR", dir.resolve("data").toString());
  }

  /** The run of the contract, as a user types it: whole days, default zone UTC. */
  @Override
  String report(TimeRange period, Path page, Instant now) {
    Result r =
        aml(
            "report",
            "--data-dir",
            dir.resolve("data").toString(),
            "--from",
            DAY.format(period.from()),
            "--to",
            DAY.format(period.until()),
            "--out",
            page.toString());
    assertThat(r.code()).as(r.err()).isZero();
    return r.out();
  }

  record Result(int code, String out, String err) {}

  static Result aml(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = Main.execute(cli, args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void portugueseLabelsTheTextAndThePage() throws Exception {
    FlowsTestData data = new FlowsTestData();
    monitoredHistory(data);
    Path page = dir.resolve("relatorio.html");

    Result r =
        aml(
            "report",
            "--data-dir",
            dir.resolve("data").toString(),
            "--as-of",
            "2026-01-14",
            "--days",
            "9",
            "--locale",
            "pt-BR",
            "--out",
            page.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("Relatório de monitoramento de PLD\n")
        .contains("Período de 2026-01-05 00:00 a 2026-01-14 00:00 (UTC)")
        .contains("Alertas por tipologia")
        .contains("Relatório com gráficos gravado em");
    assertThat(java.nio.file.Files.readString(page))
        .contains("<html lang=\"pt-BR\">")
        .contains("Casos abertos e encerrados por dia");
  }

  @Test
  void withoutAnEmbeddedDatabaseThereIsNothingToReport() {
    Result r = aml("report", "--data-dir", dir.resolve("nothing").toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no embedded database").contains("nothing to report");
  }

  @Test
  void conflictingOrOutOfRangeOptionsAreRefusedNamingTheOption() {
    String data = dir.resolve("data").toString();
    assertThat(refused("report", "--data-dir", data, "--to", "2026-01-14", "--as-of", "2026-01-14"))
        .contains("--as-of")
        .contains("--to");
    assertThat(refused("report", "--data-dir", data, "--from", "2026-01-01", "--days", "3"))
        .contains("--days");
    assertThat(refused("report", "--data-dir", data, "--days", "0")).contains("--days='0'");
    assertThat(refused("report", "--data-dir", data, "--from", "2026-02-01", "--to", "2026-01-01"))
        .contains("--from")
        .contains("before the end");
    assertThat(refused("report", "--data-dir", data, "--from", "2000-01-01", "--to", "2026-01-01"))
        .contains("at most 3660 days");
    assertThat(refused("report", "--data-dir", data, "--top", "0")).contains("--top='0'");
    assertThat(refused("report", "--data-dir", data, "--to", "tomorrow")).contains("--to");
  }

  private static String refused(String... args) {
    Result r = aml(args);
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.CONFIG_ERROR);
    return r.err();
  }
}

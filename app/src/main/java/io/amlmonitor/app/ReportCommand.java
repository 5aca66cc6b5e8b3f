package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigException;
import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.report.ReportBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aml report}: what the monitoring produced over a period, as text and as an HTML page. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Report on a period of the system of record (the embedded database, or PostgreSQL when"
          + " POSTGRES_HOST is set): alerts by rule, typology, risk level and day; cases opened and"
          + " closed per day, the open cases' ageing; the false-positive rate from the"
          + " dispositions of closed cases; the riskiest customers; the promoted model's drift"
          + " (PSI of its score and inputs against its training reference).",
      "Prints the report as text; --out also writes it as a self-contained HTML page with"
          + " charts. Alerts count by when their transaction happened, case work by when it was"
          + " done.",
      "Exits 0, 1 when the store cannot be read or the page written, 2 on a bad option."
    })
final class ReportCommand implements Callable<Integer> {
  static final int DEFAULT_DAYS = 30;

  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Also write the report as an HTML page with charts here.")
  Path out;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "Start of the period, inclusive (default: --days before its end).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "End of the period, exclusive (default: now).")
  String to;

  @Option(names = "--as-of", paramLabel = "DATE", description = "The same as --to.")
  String asOf;

  @Option(
      names = "--days",
      paramLabel = "N",
      description = "Length of the period in days, when --from is not given (default 30).")
  Integer days;

  @Option(
      names = "--top",
      paramLabel = "N",
      description = "How many of the riskiest customers to list (default 10).")
  int top = 10;

  @Option(
      names = "--models",
      paramLabel = "DIR",
      description =
          "The model registry whose promoted model's drift is reported (default: models in the"
              + " data directory).")
  Path models;

  @Override
  public Integer call() {
    Settings settings = Settings.resolve(ConfigSources.standard(common.asSettings()));
    Logging.configure(settings.logLevel(), common.verbose);
    InstantSource clock = InstantSource.system();
    TimeRange period = period(settings.zone(), clock.instant());
    if (top < 1 || top > ReportBuilder.MAX_TOP) {
      throw new ConfigException(
          "--top", String.valueOf(top), "must be 1 to " + ReportBuilder.MAX_TOP);
    }
    return new ReportConsole(
            settings, spec.commandLine().getOut(), spec.commandLine().getErr(), clock)
        .run(period, top, out, models);
  }

  /**
   * The period the options name, with days in {@code zone}.
   *
   * @throws ConfigException naming the option when a date is malformed, the options conflict or the
   *     period is empty or too long
   */
  TimeRange period(ZoneId zone, Instant now) {
    if (to != null && asOf != null) {
      throw new ConfigException("--as-of", asOf, "cannot be combined with --to; use one");
    }
    if (from != null && days != null) {
      throw new ConfigException("--days", days.toString(), "cannot be combined with --from");
    }
    String endOption = to != null ? "--to" : "--as-of";
    String endText = to != null ? to : asOf;
    Instant end = endText == null ? now : time(endOption, endText, zone);
    Instant start;
    if (from != null) {
      start = time("--from", from, zone);
      if (!start.isBefore(end)) {
        throw new ConfigException("--from", from, "must be before the end of the period, " + end);
      }
    } else {
      int n = days == null ? DEFAULT_DAYS : days;
      if (n < 1 || n > ReportBuilder.MAX_DAYS) {
        throw new ConfigException(
            "--days", String.valueOf(n), "must be 1 to " + ReportBuilder.MAX_DAYS);
      }
      start = end.atZone(zone).minusDays(n).toInstant();
    }
    if (ChronoUnit.DAYS.between(start, end) > ReportBuilder.MAX_DAYS) {
      throw new ConfigException(
          "--from", from, "the period may be at most " + ReportBuilder.MAX_DAYS + " days");
    }
    return new TimeRange(start, end);
  }

  /**
   * A date means its start in the report's zone, so that the report's days are whole days there; a
   * time is read as {@link IsoTime} reads it.
   */
  private static Instant time(String option, String text, ZoneId zone) {
    String t = text.strip();
    if (t.length() == 10) {
      try {
        return LocalDate.parse(t).atStartOfDay(zone).toInstant();
      } catch (DateTimeParseException e) {
        // not a plain date: IsoTime names the option and the forms it accepts
      }
    }
    return IsoTime.option(option, t);
  }
}

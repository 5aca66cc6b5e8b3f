package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigException;
import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.domain.TimeRange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aml export}: writes part of the SQL system of record to a CSV or Parquet file. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write transactions (selected by event time), alerts or decisions (by created_at) from the "
          + "SQL system of record to a CSV or Parquet file. Rules, reasons and feature values are "
          + "JSON text, times UTC, amounts exact decimals.",
      "Exits 1 when the store cannot be reached or the file cannot be written, 2 on a bad option."
    })
final class ExportCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Parameters(
      index = "0",
      paramLabel = "alerts|transactions|decisions",
      description = "What to export.")
  String table;

  @Option(
      names = "--format",
      paramLabel = "csv|parquet",
      description = "The file's format (default: from the extension of --out).")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
  Path out;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Only rows at or after this date or time (UTC), e.g. 2026-01-01.")
  String since;

  @Option(
      names = "--until",
      paramLabel = "DATE",
      description = "Only rows before this date or time (UTC), e.g. 2026-02-01.")
  String until;

  @Override
  public Integer call() {
    Settings settings = Settings.resolve(ConfigSources.standard(common.asSettings()));
    Logging.configure(settings.logLevel(), common.verbose);
    TableExport.Request request =
        new TableExport.Request(
            ExportTable.parse(table), FileFormat.of("--format", format, out), out, range());
    return new TableExport(settings, System.out, System.err).run(request);
  }

  private TimeRange range() {
    Instant from = since == null ? null : IsoTime.option("--since", since);
    Instant to = until == null ? null : IsoTime.option("--until", until);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new ConfigException("--until", until, "must be after --since (" + since + ")");
    }
    return new TimeRange(from, to);
  }
}

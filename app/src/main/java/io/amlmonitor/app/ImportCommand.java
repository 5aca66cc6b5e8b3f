package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigException;
import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.Settings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aml import}: loads another system's transactions into the SQL system of record. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Load a CSV or Parquet file of transactions into the SQL system of record (PostgreSQL when "
          + "POSTGRES_HOST is set, else the embedded database file under AML_DATA_DIR).",
      "Rows that break a rule (bad amount, missing customer, bad time, ...) are rejected with "
          + "their line and reason and the rest load. Without a transaction_id column, ids are "
          + "derived from each row's position and values, so importing the same file again adds "
          + "nothing.",
      "Exits 1 when the file cannot be read or the store cannot be reached, 2 on a bad option "
          + "(such as a mapping naming an unknown field or column)."
    })
final class ImportCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "FILE", description = "The CSV or Parquet file to load.")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "csv|parquet",
      description = "The file's format (default: from its extension).")
  String format;

  @Option(
      names = "--mapping",
      paramLabel = "SRC=FIELD,...",
      description =
          "Which column feeds which transaction field, e.g. sourceNodeId=customer_id,"
              + "value=amount. Fields: transaction_id, timestamp, customer_id, merchant_id, "
              + "counterparty_id, amount, currency, channel, ip_address, device_id, country, "
              + "counterparty_country. Default: columns named like a field feed it.")
  String mapping;

  @Option(
      names = "--time-unit",
      paramLabel = "ms|s|day",
      defaultValue = "ms",
      description = "What a numeric time counts, from --epoch (default ${DEFAULT-VALUE}).")
  String timeUnit;

  @Option(
      names = "--epoch",
      paramLabel = "DATE",
      description =
          "Where numeric times count from, e.g. 2017-01-01 (default 1970-01-01T00:00Z). "
              + "ISO-8601 times in the file are taken as they are.")
  String epoch;

  @Option(
      names = "--rejects",
      paramLabel = "FILE",
      description =
          "Where rejected rows go, with line and reason "
              + "(default: AML_DATA_DIR/imports/NAME.rejects.csv).")
  Path rejects;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Transactions saved per batch (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Override
  public Integer call() {
    Settings settings = Settings.resolve(ConfigSources.standard(common.asSettings()));
    Logging.configure(settings.logLevel(), common.verbose);
    TransactionImport.Request request =
        new TransactionImport.Request(
            file,
            FileFormat.of("--format", format, file),
            mapping,
            new TimeScale(unit(), epoch == null ? Instant.EPOCH : IsoTime.option("--epoch", epoch)),
            rejects,
            batchSize);
    return new TransactionImport(settings, System.out, System.err).run(request);
  }

  private TimeScale.Unit unit() {
    try {
      return TimeScale.Unit.valueOf(timeUnit.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--time-unit", timeUnit, "must be ms, s or day");
    }
  }
}

package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigException;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.store.StoreException;
import io.amlmonitor.core.store.StoreUnavailableException;
import io.amlmonitor.generator.csv.CsvFormatException;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import io.amlmonitor.offline.OfflineStoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads a file of transactions from another system into the SQL system of record: streamed in file
 * order, each row checked by the domain records, good rows saved in idempotent batches, bad rows
 * rejected with their line and reason while the rest load.
 */
final class TransactionImport {
  /** Two batches are in memory at a time; a million transactions take about 1 GB. */
  static final int MAX_BATCH_SIZE = 1_000_000;

  /**
   * What to import and how.
   *
   * @param mapping {@code SRC=FIELD,...}, or null to map columns by name
   * @param rejects where rejected rows go, or null for {@link #defaultRejects}
   */
  record Request(
      Path file, FileFormat format, String mapping, TimeScale time, Path rejects, int batchSize) {
    Request {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(time, "time");
      if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
        throw new ConfigException(
            "--batch-size", String.valueOf(batchSize), "must be between 1 and " + MAX_BATCH_SIZE);
      }
    }
  }

  /**
   * What an import did.
   *
   * @param present valid rows whose transaction was stored already (by an earlier import, or
   *     earlier in the same file)
   */
  record Summary(
      long read, long loaded, long present, long rejected, double seconds, Path rejects) {
    double rowsPerSecond() {
      return seconds <= 0 ? read : read / seconds;
    }
  }

  private final Settings settings;
  private final PrintStream out;
  private final PrintStream err;
  private final AppMessages msg;

  TransactionImport(Settings settings, PrintStream out, PrintStream err) {
    this.settings = settings;
    this.out = out;
    this.err = err;
    this.msg = new AppMessages(settings.locale());
  }

  /**
   * Runs the import and prints its summary.
   *
   * @return 0 when the file was read to the end (rejected rows included), 1 when the file cannot be
   *     read or the store cannot be reached or fails, 2 when the options do not fit the file
   */
  int run(Request request) {
    try {
      load(request);
      return 0;
    } catch (ConfigException e) {
      err.println("aml: " + e.getMessage());
      return Main.CONFIG_ERROR;
    } catch (UncheckedIOException | CsvFormatException | OfflineStoreException e) {
      err.println(msg.get("import.unreadable", request.file().toString(), reason(e)));
      return 1;
    } catch (StoreUnavailableException e) {
      err.println(msg.get("import.unreachable", e.getMessage()));
      return 1;
    } catch (StoreException e) {
      err.println(msg.get("import.failed", e.getMessage()));
      return 1;
    }
  }

  /**
   * Runs the import; the options are checked against the file before the store is opened.
   *
   * @throws ConfigException when the mapping does not fit the file
   * @throws UncheckedIOException when the file cannot be read
   * @throws CsvFormatException when a CSV file has no header
   * @throws OfflineStoreException when a Parquet file cannot be read
   * @throws StoreException when the store cannot be reached or fails
   */
  Summary load(Request request) {
    if (!Files.isRegularFile(request.file()) || !Files.isReadable(request.file())) {
      throw new UncheckedIOException(
          new IOException(Files.exists(request.file()) ? "not a readable file" : "no such file"));
    }
    try (ImportSource source = ImportSource.open(request.file(), request.format())) {
      FieldMapping mapping =
          FieldMapping.resolve(
              request.mapping(), source.columns(), request.file().getFileName().toString());
      DatabaseConfig config = SqlStores.config(settings);
      Path rejects = request.rejects() != null ? request.rejects() : defaultRejects(request.file());
      out.println(
          msg.get(
              "import.start",
              request.file().toString(),
              request.format().label(),
              config.describe()));
      out.println(
          msg.get(
              "import.mapping",
              mapping.describe(),
              request.time().unit().label(),
              request.time().epoch().toString()));
      if (!mapping.ignored().isEmpty()) {
        out.println(msg.get("import.ignored", String.join(", ", mapping.ignored())));
      }
      if (!mapping.hasIds()) {
        out.println(msg.get("import.derivedIds"));
      }
      try (Database db = Database.open(config)) {
        Summary summary =
            new ImportLoop(source, new RowConverter(mapping, request.time()), msg, out, err)
                .run(db.transactions(), rejects, request.batchSize());
        report(summary);
        StoreCompaction.afterBulkWrite(db, summary.loaded(), msg, out);
        return summary;
      }
    }
  }

  /**
   * {@code AML_DATA_DIR/imports/NAME.rejects.csv}: beside the data, since inputs may be read-only.
   */
  Path defaultRejects(Path file) {
    return settings.dataDir().resolve("imports").resolve(file.getFileName() + ".rejects.csv");
  }

  private void report(Summary s) {
    out.println(
        msg.get(
            "import.done",
            s.read(),
            String.format(msg.locale(), "%.1f", s.seconds()),
            Math.round(s.rowsPerSecond()),
            s.loaded(),
            s.present(),
            s.rejected()));
    if (s.rejected() > 0) {
      out.println(msg.get("import.rejected", s.rejects().toString()));
    }
  }

  private static String reason(RuntimeException e) {
    Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}

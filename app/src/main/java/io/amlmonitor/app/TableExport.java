package io.amlmonitor.app;

import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.store.StoreException;
import io.amlmonitor.core.store.StoreUnavailableException;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import io.amlmonitor.offline.OfflineStoreException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes transactions, alerts or decisions from the SQL system of record to a CSV or Parquet file,
 * streamed from the database in time order, so that the file may be larger than memory.
 */
final class TableExport {
  /** What to export, where to, and which rows ({@code range} on the table's own time). */
  record Request(ExportTable table, FileFormat format, Path out, TimeRange range) {
    Request {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(out, "out");
      Objects.requireNonNull(range, "range");
    }
  }

  /** What an export wrote. */
  record Summary(long rows, double seconds) {}

  private final Settings settings;
  private final PrintStream out;
  private final PrintStream err;
  private final AppMessages msg;

  TableExport(Settings settings, PrintStream out, PrintStream err) {
    this.settings = settings;
    this.out = out;
    this.err = err;
    this.msg = new AppMessages(settings.locale());
  }

  /**
   * Runs the export and prints what it wrote.
   *
   * @return 0 when the file was written, 1 when the store cannot be reached or read, or the file
   *     cannot be written
   */
  int run(Request request) {
    DatabaseConfig config = SqlStores.config(settings);
    if (config instanceof DatabaseConfig.Embedded embedded && !Files.exists(embedded.file())) {
      err.println(msg.get("export.noEmbedded", embedded.file().toString()));
      return 1;
    }
    try {
      Summary s = export(config, request);
      out.println(
          msg.get(
              "export.done",
              s.rows(),
              request.table().label(),
              request.out().toString(),
              String.format(msg.locale(), "%.1f", s.seconds())));
      return 0;
    } catch (StoreUnavailableException e) {
      err.println(msg.get("import.unreachable", e.getMessage()));
      return 1;
    } catch (StoreException | UncheckedIOException | OfflineStoreException e) {
      err.println(msg.get("export.failed", e.getMessage()));
      return 1;
    }
  }

  /** Writes the file; on any failure, nothing has its name. */
  Summary export(DatabaseConfig config, Request request) {
    long started = System.nanoTime();
    out.println(
        msg.get(
            "export.start",
            request.table().label(),
            request.range().toString(),
            request.table().selectedBy(),
            config.describe()));
    StatusLine status = new StatusLine(err);
    try (Database db = Database.open(config);
        TableWriter writer =
            TableWriter.open(request.format(), request.out(), request.table().columns())) {
      long rows;
      try {
        rows =
            request
                .table()
                .forEachRow(
                    db,
                    request.range(),
                    new Consumer<>() {
                      private long written;

                      @Override
                      public void accept(Object[] row) {
                        writer.write(row);
                        if (++written % 10_000 == 0) {
                          status.showEvery(() -> msg.get("export.progress", written));
                        }
                      }
                    });
      } catch (RuntimeException e) {
        writer.abort();
        throw e;
      } finally {
        status.end();
      }
      return new Summary(rows, (System.nanoTime() - started) / 1e9);
    }
  }
}

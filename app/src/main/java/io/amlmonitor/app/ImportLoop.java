package io.amlmonitor.app;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.store.TransactionRepository;
import io.amlmonitor.generator.csv.BadRow;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over an imported file: rows to transactions in batches, bad rows to the rejects file
 * with their line and reason, a progress line on standard error. Memory holds two batches at most.
 */
final class ImportLoop {
  /** Bad rows shown on the console; the rejects file has them all. */
  static final int SHOWN_BAD_ROWS = 10;

  private final ImportSource source;
  private final RowConverter converter;
  private final AppMessages msg;
  private final PrintStream out;
  private final StatusLine status;
  private final List<BadRow> shown = new ArrayList<>();
  private final long started = System.nanoTime();

  ImportLoop(
      ImportSource source,
      RowConverter converter,
      AppMessages msg,
      PrintStream out,
      PrintStream err) {
    this.source = source;
    this.converter = converter;
    this.msg = msg;
    this.out = out;
    this.status = new StatusLine(err);
  }

  /**
   * Reads the whole source, saving good rows in batches of {@code batchSize} and writing bad ones
   * to {@code rejectsFile}; replaces a rejects file left by an earlier import.
   */
  TransactionImport.Summary run(
      TransactionRepository transactions, Path rejectsFile, int batchSize) {
    long read = 0;
    try {
      // A rejects file from an earlier import of this file would describe rows this one loaded.
      Files.deleteIfExists(rejectsFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TransactionImport.Summary summary;
    try (HistorySource.Rejected rejected = new HistorySource.Rejected(rejectsFile);
        BatchWriter writer = new BatchWriter(transactions)) {
      try {
        List<Transaction> batch = new ArrayList<>(batchSize);
        for (ImportSource.Row row = source.next(); row != null; row = source.next()) {
          read++;
          try {
            batch.add(converter.convert(row));
          } catch (IllegalArgumentException e) {
            BadRow bad = new BadRow(row.line(), row.display(), e.getMessage());
            rejected.add(bad);
            if (shown.size() < SHOWN_BAD_ROWS) {
              shown.add(bad);
            }
          }
          if (batch.size() == batchSize) {
            writer.submit(batch);
            batch = new ArrayList<>(batchSize);
            progress(read, writer.added(), rejected.count());
          }
        }
        writer.submit(batch);
        writer.flush();
      } finally {
        status.end();
      }
      summary =
          new TransactionImport.Summary(
              read,
              writer.added(),
              writer.submitted() - writer.added(),
              rejected.count(),
              (System.nanoTime() - started) / 1e9,
              rejectsFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    showBadRows(summary.rejected());
    return summary;
  }

  private void progress(long read, long loaded, long rejected) {
    status.showEvery(
        () -> {
          double seconds = (System.nanoTime() - started) / 1e9;
          return msg.get(
              "import.progress",
              String.format("%02d:%02d", (long) seconds / 60, (long) seconds % 60),
              Math.round(source.fractionRead() * 100),
              read,
              loaded,
              rejected,
              Math.round(read / Math.max(seconds, 1e-3)));
        });
  }

  private void showBadRows(long rejected) {
    if (shown.isEmpty()) {
      return;
    }
    out.println(msg.get("import.badRows", rejected));
    for (BadRow bad : shown) {
      out.println(msg.get("import.badRow", String.valueOf(bad.line()), bad.reason()));
    }
    if (rejected > shown.size()) {
      out.println(msg.get("import.moreBadRows", rejected - shown.size()));
    }
  }
}

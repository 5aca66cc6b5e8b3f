package io.amlmonitor.app;

import io.amlmonitor.core.store.StoreException;
import io.amlmonitor.jdbc.Compaction;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import java.io.PrintStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts the embedded database file after a command wrote many rows into it, as the last use of
 * the database: H2 leaves a bulk load's file many times the size of its data (see {@link
 * Database#compactAndClose()}). PostgreSQL is left to its own vacuum.
 */
final class StoreCompaction {
  /** Fewer rows written than this leave too little dead space to be worth a rewrite. */
  static final long FROM_ROWS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(StoreCompaction.class);

  private StoreCompaction() {}

  /**
   * Compacts and closes {@code db} when it is the embedded file and {@code rowsWritten} reach
   * {@link #FROM_ROWS}; otherwise does nothing. A failure is reported and does not fail the
   * command: what it wrote is committed, and the next compaction tries again.
   */
  static Optional<Compaction> afterBulkWrite(
      Database db, long rowsWritten, AppMessages msg, PrintStream out) {
    if (rowsWritten < FROM_ROWS || !(db.config() instanceof DatabaseConfig.Embedded h2)) {
      return Optional.empty();
    }
    out.println(msg.get("store.compacting", size(h2.file().toFile().length())));
    try {
      Optional<Compaction> done = db.compactAndClose();
      done.ifPresent(
          c ->
              out.println(
                  msg.get(
                      "store.compacted",
                      size(c.bytesBefore()),
                      size(c.bytesAfter()),
                      String.format(msg.locale(), "%.1f", c.took().toMillis() / 1000.0))));
      return done;
    } catch (StoreException e) {
      LOG.warn("could not compact {}", h2.file(), e);
      out.println(msg.get("store.notCompacted", e.getMessage()));
      return Optional.empty();
    }
  }

  /** Bytes in decimal megabytes or gigabytes. */
  static String size(long bytes) {
    return bytes >= 1_000_000_000
        ? String.format(java.util.Locale.ROOT, "%.2f GB", bytes / 1e9)
        : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}

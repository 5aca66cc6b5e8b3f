package io.amlmonitor.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Rows staged in a private DuckDB table and published as one Parquet file on {@link #close()}.
 *
 * <p>Implementation note: the staging table lives in an in-memory database capped at {@link
 * DuckDb#MEMORY_LIMIT}; beyond that DuckDB spills to a hidden work directory next to the target, so
 * millions of rows never sit on the Java heap. The file is written into that directory, forced to
 * disk and renamed onto the target: the target name only ever holds a complete file. A crash can
 * leave the work directory ({@code .NAME.tmp-*}) behind, never a partial target.
 */
final class StagedParquetFile implements AutoCloseable {
  private static final String TABLE = "staged";

  /** Appends one row; may validate first and throw before touching the appender. */
  @FunctionalInterface
  interface RowWriter {
    void write(DuckDBAppender appender) throws SQLException;
  }

  private final Path target;
  private final Path work;
  private final DuckDBConnection connection;
  private final DuckDBAppender appender;
  private final String query;
  private long rows;
  private RuntimeException failure;
  private boolean aborted;
  private boolean closed;

  private StagedParquetFile(
      Path target, Path work, DuckDBConnection connection, DuckDBAppender appender, String query) {
    this.target = target;
    this.work = work;
    this.connection = connection;
    this.appender = appender;
    this.query = query;
  }

  /**
   * Prepares to write {@code target}.
   *
   * @param columns the staging table's column definitions, e.g. {@code "id VARCHAR, x DOUBLE"}
   * @param select the projection from the staging table to the file's columns, in file order
   */
  static StagedParquetFile create(Path target, String columns, String select) {
    Path file = target.toAbsolutePath();
    Path work = null;
    DuckDBConnection connection = null;
    try {
      work = workDirectory(file);
      connection = DuckDb.open(work.resolve("spill"));
      try (Statement s = connection.createStatement()) {
        s.execute("CREATE TABLE " + TABLE + " (" + columns + ")");
      }
      DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, TABLE);
      return new StagedParquetFile(
          file, work, connection, appender, "SELECT " + select + " FROM " + TABLE);
    } catch (IOException | SQLException | RuntimeException e) {
      closeQuietly(connection);
      deleteQuietly(work);
      throw new OfflineStoreException("could not start writing " + file + ": " + e.getMessage(), e);
    }
  }

  Path target() {
    return target;
  }

  long rows() {
    return rows;
  }

  /**
   * Appends one row. Any exception, invalid input included, fails the file: later writes are
   * refused and {@link #close()} publishes nothing, since the caller's data is incomplete.
   */
  void write(String rowId, RowWriter row) {
    if (closed) {
      throw new IllegalStateException("the writer of " + target + " is closed");
    }
    if (failure != null) {
      throw new IllegalStateException(
          "the writer of " + target + " failed earlier and will not write the file", failure);
    }
    try {
      row.write(appender);
      rows++;
    } catch (SQLException e) {
      failure =
          new OfflineStoreException(
              "could not append transaction '" + rowId + "' to " + target + ": " + e.getMessage(),
              e);
      throw failure;
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    }
  }

  /** Discards everything written; the target is left as it was. */
  void abort() {
    aborted = true;
    close();
  }

  /** Publishes the file, unless a write failed or the file was aborted; then discards it. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (failure == null && !aborted) {
        publish();
      }
    } finally {
      closeQuietly(appender);
      closeQuietly(connection);
      deleteQuietly(work);
    }
  }

  private void publish() {
    try {
      appender.close(); // flushes the last rows into the table
    } catch (SQLException e) {
      throw new OfflineStoreException("could not write " + target + ": " + e.getMessage(), e);
    }
    copy(connection, query, target, work);
  }

  /**
   * A fresh hidden directory next to {@code target} (same file system, so the final rename is
   * atomic); creates the target's directory if needed.
   */
  static Path workDirectory(Path target) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    return Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
  }

  /**
   * Writes the result of {@code query} to {@code target} atomically: into {@code work}, forced to
   * disk, then renamed onto {@code target}. Closes {@code connection} once the file is written.
   *
   * @return the number of rows written
   */
  static long copy(DuckDBConnection connection, String query, Path target, Path work) {
    Path part = work.resolve("part.parquet");
    try {
      long rows;
      try (Statement s = connection.createStatement()) {
        s.execute(
            "COPY ("
                + query
                + ") TO "
                + DuckDb.literal(part.toString())
                + " (FORMAT parquet, COMPRESSION zstd)");
        rows = s.getLargeUpdateCount();
      }
      connection.close(); // frees DuckDB's memory before the file-system work
      try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      forceDirectory(target.toAbsolutePath().getParent());
      return rows;
    } catch (SQLException | IOException e) {
      throw new OfflineStoreException("could not write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Makes the rename durable where the platform allows syncing a directory (Linux, macOS). */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not supported on Windows; the rename itself is still atomic.
    }
  }

  static void closeQuietly(AutoCloseable resource) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (Exception e) {
      // Already failing or discarding: the first error is the one to report.
    }
  }

  static void deleteQuietly(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(StagedParquetFile::deleteIfExists);
    } catch (IOException | UncheckedIOException e) {
      // A leftover work directory is hidden and harmless; never mask the real outcome.
    }
  }

  private static void deleteIfExists(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.amlmonitor.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL's {@code COPY … FROM STDIN} text format: tab-separated fields, {@code \N} for null,
 * backslash escapes, one line per row; lines are sent in chunks as they fill up.
 */
final class CopyText {
  private static final int CHUNK = 60 * 1024;

  /** Writes the rows of a copy, one {@link #line()} and {@link #endLine()} each. */
  @FunctionalInterface
  interface Rows {
    void writeTo(CopyText out) throws SQLException;
  }

  /**
   * Adds {@code rows} to {@code table}, skipping those whose key is already there, inside the
   * caller's transaction; returns how many were new.
   *
   * <p>{@code COPY} cannot skip stored keys, so the rows go into a session's temporary staging
   * table (created once per session with {@code stagingColumns}, emptied at every commit) and one
   * {@code INSERT … SELECT … ON CONFLICT DO NOTHING} moves them; its row count is the new rows.
   *
   * @param columns the columns the rows give, in their order, as a SQL list
   */
  static int copyNew(
      Connection c, String table, String staging, String stagingColumns, String columns, Rows rows)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TEMPORARY TABLE IF NOT EXISTS "
              + staging
              + " ("
              + stagingColumns
              + ") ON COMMIT DELETE ROWS");
    }
    CopyText out =
        new CopyText(
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY " + staging + " (" + columns + ") FROM STDIN"));
    try {
      rows.writeTo(out);
      out.finish();
    } finally {
      out.cancelIfActive();
    }
    try (Statement s = c.createStatement()) {
      return s.executeUpdate(
          "INSERT INTO "
              + table
              + " ("
              + columns
              + ") SELECT "
              + columns
              + " FROM "
              + staging
              + " ON CONFLICT DO NOTHING");
    }
  }

  private final CopyIn copy;
  private final StringBuilder lines = new StringBuilder(CHUNK + 4 * 1024);

  CopyText(CopyIn copy) {
    this.copy = copy;
  }

  /** The buffer the next line is appended to; call {@link #endLine()} after each. */
  StringBuilder line() {
    return lines;
  }

  void endLine() throws SQLException {
    lines.append('\n');
    if (lines.length() >= CHUNK) {
      flush();
    }
  }

  /** Sends what is left and ends the copy; cancels it when anything failed. */
  long finish() throws SQLException {
    try {
      flush();
      return copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  /** Cancels the copy if it is still open (after a failure). */
  void cancelIfActive() throws SQLException {
    if (copy.isActive()) {
      copy.cancelCopy();
    }
  }

  private void flush() throws SQLException {
    byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    lines.setLength(0);
  }

  /** Appends {@code value} escaped, or {@code \N} for null. */
  static void field(StringBuilder out, String value) {
    if (value == null) {
      out.append("\\N");
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }
}

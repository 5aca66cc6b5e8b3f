package io.amlmonitor.jdbc;

/**
 * How a batch of transactions reaches its table; every method skips ids already stored and reports
 * how many rows were new. docs/storage.md has the measured rate of each.
 */
public enum InsertMethod {
  /**
   * PostgreSQL only: {@code COPY} into a session's temporary staging table, then one {@code INSERT
   * … SELECT … ON CONFLICT DO NOTHING}.
   */
  COPY,
  /**
   * PostgreSQL only: one {@code INSERT … VALUES (…), (…), … ON CONFLICT DO NOTHING} per chunk of
   * rows. (H2 runs it, but under concurrent overlapping batches reports fewer new rows than it
   * added, so it is refused there.)
   */
  MULTI_ROW_VALUES,
  /**
   * One single-row {@code INSERT … ON CONFLICT DO NOTHING} per row, sent as a JDBC batch: the one
   * method of the embedded database.
   */
  JDBC_BATCH
}

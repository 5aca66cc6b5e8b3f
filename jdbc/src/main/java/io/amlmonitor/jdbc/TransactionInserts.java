package io.amlmonitor.jdbc;

import io.amlmonitor.core.domain.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The three ways of writing a batch of transactions ({@link InsertMethod}), each inside the
 * caller's transaction and each returning how many rows were new.
 *
 * <p>Implementation note: {@code COPY} cannot skip ids already stored, so it fills a temporary
 * staging table (created once per session, emptied at every commit) and one {@code INSERT … SELECT
 * … ON CONFLICT DO NOTHING} moves the rows; its row count is the number of new transactions. It
 * measured 1.5× the multi-row inserts (docs/benchmarks.md).
 */
final class TransactionInserts {
  /** Rows per {@code INSERT … VALUES} statement: 12 parameters each, well under 32,767. */
  static final int ROWS_PER_STATEMENT = 500;

  private static final String STAGING = "aml_transactions_staging";
  private static final String ROW = "(?" + ", ?".repeat(TransactionRows.COLUMN_COUNT - 1) + ")";
  private static final String MULTI_ROW_INSERT =
      insertPrefix()
          + (ROW + ", ").repeat(ROWS_PER_STATEMENT - 1)
          + ROW
          + " ON CONFLICT DO NOTHING";

  private TransactionInserts() {}

  private static String insertPrefix() {
    return "INSERT INTO transactions (" + TransactionRows.COLUMNS + ") VALUES ";
  }

  static int copy(Connection c, List<Transaction> batch) throws SQLException {
    return CopyText.copyNew(
        c,
        "transactions",
        STAGING,
        "transaction_id VARCHAR(128), event_time TIMESTAMP WITH TIME ZONE,"
            + " customer_id VARCHAR(128), merchant_id VARCHAR(128),"
            + " counterparty_id VARCHAR(128), amount NUMERIC(16,2), currency VARCHAR(3),"
            + " channel VARCHAR(16), ip_address VARCHAR(128), device_id VARCHAR(128),"
            + " country VARCHAR(2), counterparty_country VARCHAR(2)",
        TransactionRows.COLUMNS,
        out -> {
          for (Transaction t : batch) {
            TransactionRows.appendCopyLine(out.line(), t);
            out.endLine();
          }
        });
  }

  static int multiRow(Connection c, List<Transaction> batch) throws SQLException {
    int added = 0;
    int full = batch.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
    if (full > 0) {
      try (PreparedStatement ps = c.prepareStatement(MULTI_ROW_INSERT)) {
        for (int start = 0; start < full; start += ROWS_PER_STATEMENT) {
          bindRows(ps, batch, start, ROWS_PER_STATEMENT);
          added += ps.executeUpdate();
        }
      }
    }
    int rest = batch.size() - full;
    if (rest > 0) {
      String statement =
          insertPrefix() + (ROW + ", ").repeat(rest - 1) + ROW + " ON CONFLICT DO NOTHING";
      try (PreparedStatement ps = c.prepareStatement(statement)) {
        bindRows(ps, batch, full, rest);
        added += ps.executeUpdate();
      }
    }
    return added;
  }

  private static void bindRows(PreparedStatement ps, List<Transaction> batch, int start, int rows)
      throws SQLException {
    for (int r = 0; r < rows; r++) {
      TransactionRows.bind(ps, 1 + r * TransactionRows.COLUMN_COUNT, batch.get(start + r));
    }
  }

  static int jdbcBatch(Connection c, List<Transaction> batch) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(insertPrefix() + ROW + " ON CONFLICT DO NOTHING")) {
      for (Transaction t : batch) {
        TransactionRows.bind(ps, 1, t);
        ps.addBatch();
      }
      return BatchCounts.added(ps.executeBatch());
    }
  }
}

package io.amlmonitor.jdbc;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.store.TransactionRepository;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Transactions in the {@code transactions} table, written in batches that skip ids already stored.
 *
 * <p>Implementation note: on PostgreSQL the default is {@link InsertMethod#COPY} into a temporary
 * staging table (created once per session, emptied at every commit) and one {@code INSERT … SELECT
 * … ON CONFLICT DO NOTHING}, which measured fastest; see docs/storage.md for the numbers.
 */
public final class JdbcTransactionRepository implements TransactionRepository {
  /** Rows per {@code INSERT … VALUES} statement: 12 parameters each, well under 32,767. */
  static final int ROWS_PER_STATEMENT = 500;

  private static final int FETCH_SIZE = 2_000;
  private static final String STAGING = "aml_transactions_staging";

  private final Sql sql;
  private final InsertMethod method;
  private final String multiRowInsert;

  JdbcTransactionRepository(Sql sql, InsertMethod method) {
    this.sql = sql;
    this.method = method;
    StringBuilder values = new StringBuilder();
    String row = "(?" + ", ?".repeat(TransactionRows.COLUMN_COUNT - 1) + ")";
    for (int i = 0; i < ROWS_PER_STATEMENT; i++) {
      values.append(i == 0 ? "" : ", ").append(row);
    }
    this.multiRowInsert = insertPrefix() + values + " ON CONFLICT DO NOTHING";
  }

  /** How this repository writes batches. */
  public InsertMethod method() {
    return method;
  }

  @Override
  public int saveAll(List<Transaction> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    return sql.inTransaction(
        "saving " + batch.size() + " transactions",
        c ->
            switch (method) {
              case COPY -> copy(c, batch);
              case MULTI_ROW_VALUES -> multiRow(c, batch);
              case JDBC_BATCH -> jdbcBatch(c, batch);
            });
  }

  private static String insertPrefix() {
    return "INSERT INTO transactions (" + TransactionRows.COLUMNS + ") VALUES ";
  }

  private int copy(Connection c, List<Transaction> batch) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TEMPORARY TABLE IF NOT EXISTS "
              + STAGING
              + " (transaction_id VARCHAR(128), event_time TIMESTAMP WITH TIME ZONE,"
              + " customer_id VARCHAR(128), merchant_id VARCHAR(128),"
              + " counterparty_id VARCHAR(128), amount NUMERIC(16,2), currency VARCHAR(3),"
              + " channel VARCHAR(16), ip_address VARCHAR(128), device_id VARCHAR(128),"
              + " country VARCHAR(2), counterparty_country VARCHAR(2)) ON COMMIT DELETE ROWS");
    }
    CopyIn copy =
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("COPY " + STAGING + " (" + TransactionRows.COLUMNS + ") FROM STDIN");
    try {
      StringBuilder lines = new StringBuilder(64 * 1024);
      for (Transaction t : batch) {
        TransactionRows.appendCopyLine(lines, t);
        if (lines.length() >= 60 * 1024) {
          write(copy, lines);
        }
      }
      write(copy, lines);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
    try (Statement s = c.createStatement()) {
      return s.executeUpdate(
          "INSERT INTO transactions ("
              + TransactionRows.COLUMNS
              + ") SELECT "
              + TransactionRows.COLUMNS
              + " FROM "
              + STAGING
              + " ON CONFLICT DO NOTHING");
    }
  }

  private static void write(CopyIn copy, StringBuilder lines) throws SQLException {
    byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    lines.setLength(0);
  }

  private int multiRow(Connection c, List<Transaction> batch) throws SQLException {
    int added = 0;
    int full = batch.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
    if (full > 0) {
      try (PreparedStatement ps = c.prepareStatement(multiRowInsert)) {
        for (int start = 0; start < full; start += ROWS_PER_STATEMENT) {
          bindRows(ps, batch, start, ROWS_PER_STATEMENT);
          added += ps.executeUpdate();
        }
      }
    }
    int rest = batch.size() - full;
    if (rest > 0) {
      String row = "(?" + ", ?".repeat(TransactionRows.COLUMN_COUNT - 1) + ")";
      String statement =
          insertPrefix() + (row + ", ").repeat(rest - 1) + row + " ON CONFLICT DO NOTHING";
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

  private static int jdbcBatch(Connection c, List<Transaction> batch) throws SQLException {
    String row = "(?" + ", ?".repeat(TransactionRows.COLUMN_COUNT - 1) + ")";
    try (PreparedStatement ps =
        c.prepareStatement(insertPrefix() + row + " ON CONFLICT DO NOTHING")) {
      for (Transaction t : batch) {
        TransactionRows.bind(ps, 1, t);
        ps.addBatch();
      }
      return BatchCounts.added(ps.executeBatch());
    }
  }

  @Override
  public Optional<Transaction> find(TransactionId id) {
    return sql.run(
        "finding transaction " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + TransactionRows.COLUMNS
                      + " FROM transactions WHERE transaction_id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(TransactionRows.read(rs)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public long forEachSince(Instant from, Consumer<? super Transaction> action) {
    // A transaction with a fetch size makes PostgreSQL stream through a cursor instead of
    // materialising the whole result in the client.
    return sql.inTransaction(
        "reading transactions since " + from,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + TransactionRows.COLUMNS
                      + " FROM transactions WHERE event_time >= ?"
                      + " ORDER BY event_time, transaction_id")) {
            ps.setFetchSize(FETCH_SIZE);
            Sql.setInstant(ps, 1, from);
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                action.accept(TransactionRows.read(rs));
                n++;
              }
            }
            return n;
          }
        });
  }

  @Override
  public long count() {
    return sql.run("counting transactions", c -> Sql.count(c, "SELECT count(*) FROM transactions"));
  }

  static void checkMethod(InsertMethod method, Dialect dialect) {
    if (method != InsertMethod.JDBC_BATCH && dialect != Dialect.POSTGRESQL) {
      throw new IllegalArgumentException(method + " needs PostgreSQL; this database is " + dialect);
    }
  }
}

package io.amlmonitor.jdbc;

import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.store.TransactionRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Transactions in the {@code transactions} table, written in batches that skip ids already stored
 * ({@link InsertMethod} says how), read back one by one or as an event-time ordered stream.
 */
public final class JdbcTransactionRepository implements TransactionRepository {
  private static final int COPY_FROM_ROWS = 256;

  private final Sql sql;
  private final InsertMethod method;

  JdbcTransactionRepository(Sql sql, InsertMethod method) {
    this.sql = sql;
    this.method = method;
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
              // A staging table costs three statements: below a few hundred rows, one multi-row
              // INSERT is quicker (the journal commits small groups of concurrent requests).
              case COPY ->
                  batch.size() < COPY_FROM_ROWS
                      ? TransactionInserts.multiRow(c, batch)
                      : TransactionInserts.copy(c, batch);
              case MULTI_ROW_VALUES -> TransactionInserts.multiRow(c, batch);
              case JDBC_BATCH -> TransactionInserts.jdbcBatch(c, batch);
            });
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
    return forEach("reading transactions since " + from, "event_time", from, null, action);
  }

  @Override
  public long forEachIn(TimeRange eventTime, Consumer<? super Transaction> action) {
    return forEach(
        "reading transactions in " + eventTime,
        "event_time",
        eventTime.from(),
        eventTime.until(),
        action);
  }

  @Override
  public long forEachReceivedSince(Instant from, Consumer<? super Transaction> action) {
    return forEach(
        "reading transactions received since " + from, "received_at", from, null, action);
  }

  /** Those whose {@code column} is in [{@code from}, {@code until}), in event-time order. */
  private long forEach(
      String operation,
      String column,
      Instant from,
      Instant until,
      Consumer<? super Transaction> action) {
    return sql.forEach(
        operation,
        "SELECT " + TransactionRows.COLUMNS + " FROM transactions",
        column,
        new TimeRange(from, until),
        "event_time, transaction_id",
        TransactionRows::read,
        action);
  }

  @Override
  public long count() {
    return sql.run("counting transactions", c -> Sql.count(c, "SELECT count(*) FROM transactions"));
  }

  @Override
  public long countIn(TimeRange eventTime) {
    return sql.countIn(
        "counting transactions in " + eventTime, "transactions", "event_time", eventTime);
  }

  static void checkMethod(InsertMethod method, Dialect dialect) {
    if (method != InsertMethod.JDBC_BATCH && dialect != Dialect.POSTGRESQL) {
      throw new IllegalArgumentException(method + " needs PostgreSQL; this database is " + dialect);
    }
  }
}

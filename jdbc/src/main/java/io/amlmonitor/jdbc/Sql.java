package io.amlmonitor.jdbc;

import io.amlmonitor.core.domain.TimeRange;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Runs units of work on pooled connections and translates their failures; converts the values the
 * tables share (instants, amounts, optional text).
 */
final class Sql {
  /** A unit of work on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  /** Reads the current row of a result set. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Rows fetched at a time when streaming a result. */
  static final int FETCH_SIZE = 2_000;

  private final DataSource dataSource;
  private final SqlErrors errors;

  Sql(DataSource dataSource, SqlErrors errors) {
    this.dataSource = dataSource;
    this.errors = errors;
  }

  /** Runs {@code work} on a connection in auto-commit mode. */
  <T> T run(String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.apply(c);
    } catch (SQLException e) {
      throw errors.translate(operation, e);
    }
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back if it throws. The
   * pool restores auto-commit when the connection goes back.
   */
  <T> T inTransaction(String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      T result;
      try {
        result = work.apply(c);
      } catch (SQLException | RuntimeException | Error e) {
        rollback(c, e);
        throw e;
      }
      c.commit();
      return result;
    } catch (SQLException e) {
      throw errors.translate(operation, e);
    }
  }

  /**
   * Streams the rows of {@code selectFrom} (a {@code SELECT … FROM table}) whose {@code column}
   * lies in {@code range}, in {@code orderBy} order, to {@code action}.
   *
   * <p>Implementation note: a transaction with a fetch size makes PostgreSQL stream through a
   * cursor instead of materialising the whole result in the client; H2 keeps large results in a
   * temporary file. Either way the rows are never all in memory.
   *
   * @return how many rows were passed to {@code action}
   */
  <T> long forEach(
      String operation,
      String selectFrom,
      String column,
      TimeRange range,
      String orderBy,
      RowReader<T> reader,
      Consumer<? super T> action) {
    return forEachWhere(operation, selectFrom, null, null, column, range, orderBy, reader, action);
  }

  /**
   * As {@link #forEach}, with a further {@code condition} that rows must meet (none when null): SQL
   * with one {@code ?} bound to {@code parameter}, or with none when {@code parameter} is null.
   */
  <T> long forEachWhere(
      String operation,
      String selectFrom,
      String condition,
      Object parameter,
      String column,
      TimeRange range,
      String orderBy,
      RowReader<T> reader,
      Consumer<? super T> action) {
    StringBuilder statement = new StringBuilder(selectFrom);
    String joiner = " WHERE ";
    if (condition != null) {
      statement.append(joiner).append(condition);
      joiner = " AND ";
    }
    if (range.from() != null) {
      statement.append(joiner).append(column).append(" >= ?");
      joiner = " AND ";
    }
    if (range.until() != null) {
      statement.append(joiner).append(column).append(" < ?");
    }
    statement.append(" ORDER BY ").append(orderBy);
    return forEachRow(
        operation,
        statement.toString(),
        ps -> {
          int i = 1;
          if (parameter != null) {
            ps.setObject(i++, parameter);
          }
          if (range.from() != null) {
            setInstant(ps, i++, range.from());
          }
          if (range.until() != null) {
            setInstant(ps, i, range.until());
          }
        },
        reader,
        action);
  }

  /** Sets the parameters of a prepared statement. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /**
   * Streams the rows of {@code statement}, its parameters set by {@code binder}, to {@code action},
   * through a cursor as {@link #forEach} does.
   *
   * @return how many rows were passed to {@code action}
   */
  <T> long forEachRow(
      String operation,
      String statement,
      Binder binder,
      RowReader<T> reader,
      Consumer<? super T> action) {
    return inTransaction(
        operation,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setFetchSize(FETCH_SIZE);
            binder.bind(ps);
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                action.accept(reader.read(rs));
                n++;
              }
            }
            return n;
          }
        });
  }

  private static void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * Instants are kept to the microsecond (PostgreSQL's precision), truncated rather than rounded so
   * that the millisecond the feature engine reads never changes on the way through the database.
   */
  static Instant stored(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS);
  }

  static void setInstant(PreparedStatement ps, int index, Instant t) throws SQLException {
    if (t == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(stored(t), ZoneOffset.UTC));
    }
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static void setText(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  static void setDecimal(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.NUMERIC);
    } else {
      ps.setBigDecimal(index, value);
    }
  }

  /** Rows of {@code table} whose {@code column} lies in {@code range}. */
  long countIn(String operation, String table, String column, TimeRange range) {
    StringBuilder statement = new StringBuilder("SELECT count(*) FROM ").append(table);
    if (range.from() != null) {
      statement.append(" WHERE ").append(column).append(" >= ?");
    }
    if (range.until() != null) {
      statement.append(range.from() == null ? " WHERE " : " AND ").append(column).append(" < ?");
    }
    return run(
        operation,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(statement.toString())) {
            int i = 1;
            if (range.from() != null) {
              setInstant(ps, i++, range.from());
            }
            if (range.until() != null) {
              setInstant(ps, i, range.until());
            }
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

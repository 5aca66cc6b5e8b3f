package io.amlmonitor.jdbc;

import io.amlmonitor.core.store.StoreException;
import io.amlmonitor.core.store.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Turns {@link SQLException}s into the core's {@link StoreException}, naming the operation and the
 * database, and telling an unreachable database ({@link StoreUnavailableException}) from a bad
 * statement or bad data.
 */
final class SqlErrors {
  /** H2: database in use, not found, connection broken, closed, closing. */
  private static final Set<Integer> H2_UNAVAILABLE = Set.of(90020, 90146, 90067, 90098, 90121);

  private final String target;

  SqlErrors(String target) {
    this.target = target;
  }

  StoreException translate(String operation, SQLException e) {
    if (isUnavailable(e)) {
      return new StoreUnavailableException(
          "cannot reach " + target + " while " + operation + ": " + rootMessage(e), e);
    }
    return new StoreException(
        operation + " failed on " + target + ": " + e.getMessage() + state(e), e);
  }

  static boolean isUnavailable(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException s) {
        String state = s.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
          return true;
        }
        if (H2_UNAVAILABLE.contains(s.getErrorCode()) && isH2(s)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isH2(SQLException e) {
    return e.getClass().getName().startsWith("org.h2.");
  }

  /**
   * The innermost message: for a refused connection, the driver's sentence naming host and port.
   */
  static String rootMessage(Throwable e) {
    Throwable t = e;
    String message = e.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null && t instanceof SQLException) {
        message = t.getMessage();
      }
    }
    return message;
  }

  private static String state(SQLException e) {
    return e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")";
  }
}

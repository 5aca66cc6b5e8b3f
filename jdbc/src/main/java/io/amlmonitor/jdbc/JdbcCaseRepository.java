package io.amlmonitor.jdbc;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.cases.AlertAttachment;
import io.amlmonitor.core.cases.AlertDisposition;
import io.amlmonitor.core.cases.Case;
import io.amlmonitor.core.cases.CaseChange;
import io.amlmonitor.core.cases.CaseEvent;
import io.amlmonitor.core.cases.CaseEventKind;
import io.amlmonitor.core.cases.CaseId;
import io.amlmonitor.core.cases.CaseNotFoundException;
import io.amlmonitor.core.cases.CaseQuery;
import io.amlmonitor.core.cases.CaseRepository;
import io.amlmonitor.core.cases.CaseStatus;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Cases in the {@code cases}, {@code case_alerts} and append-only {@code case_events} tables, with
 * the contract of the in-memory repository.
 *
 * <p>Implementation note: every change runs in one transaction that locks the case row ({@code
 * SELECT … FOR UPDATE}), so the decision and its event see no concurrent change. One open case per
 * customer is the database's rule (V6: a UNIQUE computed column), not the client's: when two
 * workers open a case for the same customer at once, the second insert finds the first (PostgreSQL
 * waits for it to commit; {@code ON CONFLICT DO NOTHING} then inserts nothing) and the attach is
 * retried from the start, now finding the open case. Deadlocks, serialization failures and H2's
 * lock timeouts are retried the same way.
 */
public final class JdbcCaseRepository implements CaseRepository {
  private static final String CASE_COLUMNS =
      "c.case_id, c.customer_id, c.status, c.assignee, c.opened_at, c.updated_at, c.closed_at,"
          + " (SELECT count(*) FROM case_alerts n WHERE n.case_id = c.case_id) AS alert_count";
  private static final String ALERT_COLUMNS =
      Arrays.stream(JdbcAlertRepository.COLUMNS.split(","))
          .map(column -> "a." + column.strip())
          .collect(Collectors.joining(", "));
  private static final String CLOSED = "('CLOSED_FALSE_POSITIVE', 'CLOSED_SAR')";
  private static final int ATTEMPTS = 20;

  /** SQLStates worth a retry: unique violation, serialization failure, deadlock, lock timeout. */
  private static final Set<String> RETRYABLE = Set.of("23505", "40001", "40P01", "HYT00");

  /** H2's "concurrent update" and "deadlock" errors. */
  private static final Set<Integer> H2_RETRYABLE = Set.of(90131, 40001);

  private final Sql sql;

  JdbcCaseRepository(Sql sql) {
    this.sql = sql;
  }

  /** Another transaction got there first; start again. */
  private static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Conflict() {
      super(null, null, false, false);
    }
  }

  @Override
  public AlertAttachment attachToOpenCase(Alert alert, CaseId newCaseId, String actor, Instant at) {
    return retrying(
        "attaching alert " + alert.alertId() + " to a case",
        c -> attach(c, alert, newCaseId, actor, at));
  }

  private AlertAttachment attach(
      Connection c, Alert alert, CaseId newCaseId, String actor, Instant at) throws SQLException {
    Optional<CaseId> existing = caseOf(c, alert.alertId());
    if (existing.isPresent()) {
      return new AlertAttachment(read(c, existing.get()).orElseThrow(), false, false);
    }
    CaseId id = lockOpenCase(c, alert.customerId());
    boolean opened = id == null;
    if (opened) {
      id = newCaseId;
      if (!insertCase(c, Case.opened(id, alert.customerId(), at))) {
        throw new Conflict();
      }
      insertEvent(c, CaseEvent.opened(id, alert.alertId(), actor, at));
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO case_alerts (case_id, alert_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
      ps.setString(1, id.value());
      ps.setString(2, alert.alertId());
      if (ps.executeUpdate() == 0) {
        throw new Conflict();
      }
    }
    Case current = read(c, id).orElseThrow();
    CaseEvent event = CaseEvent.alertAttached(id, current.status(), alert.alertId(), actor, at);
    update(c, current.apply(event));
    insertEvent(c, event);
    return new AlertAttachment(read(c, id).orElseThrow(), opened, true);
  }

  private static CaseId lockOpenCase(Connection c, CustomerId customer) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT case_id FROM cases WHERE open_customer_id = ? FOR UPDATE")) {
      ps.setString(1, customer.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? CaseId.of(rs.getString(1)) : null;
      }
    }
  }

  private static boolean insertCase(Connection c, Case k) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO cases (case_id, customer_id, status, assignee, opened_at, updated_at,"
                + " closed_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      ps.setString(1, k.id().value());
      ps.setString(2, k.customerId().value());
      ps.setString(3, k.status().name());
      Sql.setText(ps, 4, k.assignee());
      Sql.setInstant(ps, 5, k.openedAt());
      Sql.setInstant(ps, 6, k.updatedAt());
      Sql.setInstant(ps, 7, k.closedAt());
      return ps.executeUpdate() == 1;
    }
  }

  private static void update(Connection c, Case k) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE cases SET status = ?, assignee = ?, updated_at = ?, closed_at = ?"
                + " WHERE case_id = ?")) {
      ps.setString(1, k.status().name());
      Sql.setText(ps, 2, k.assignee());
      Sql.setInstant(ps, 3, k.updatedAt());
      Sql.setInstant(ps, 4, k.closedAt());
      ps.setString(5, k.id().value());
      ps.executeUpdate();
    }
  }

  private static void insertEvent(Connection c, CaseEvent e) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO case_events (case_id, kind, actor, occurred_at, from_status, to_status,"
                + " reason, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, e.caseId().value());
      ps.setString(2, e.kind().name());
      ps.setString(3, e.actor());
      Sql.setInstant(ps, 4, e.occurredAt());
      Sql.setText(ps, 5, e.fromStatus() == null ? null : e.fromStatus().name());
      ps.setString(6, e.toStatus().name());
      Sql.setText(ps, 7, e.reason());
      Sql.setText(ps, 8, e.detail());
      ps.executeUpdate();
    }
  }

  @Override
  public Optional<Case> find(CaseId id) {
    return sql.run("reading case " + id, c -> read(c, id));
  }

  private static Optional<Case> read(Connection c, CaseId id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + CASE_COLUMNS + " FROM cases c WHERE c.case_id = ?")) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(readCase(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public Case change(CaseId id, CaseChange change) {
    return retrying(
        "changing case " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT case_id FROM cases WHERE case_id = ? FOR UPDATE")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new CaseNotFoundException(id);
              }
            }
          }
          Case current = read(c, id).orElseThrow();
          CaseEvent event = change.decide(current);
          update(c, current.apply(event));
          insertEvent(c, event);
          // Read back: the stored instants are truncated to the microsecond.
          return read(c, id).orElseThrow();
        });
  }

  /**
   * Runs {@code work} in a transaction, again from the start when it meets a concurrent one ({@link
   * Conflict}, or a retryable SQL error).
   */
  private <T> T retrying(String operation, Sql.Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return sql.inTransaction(operation, work);
      } catch (Conflict e) {
        if (attempt == ATTEMPTS) {
          throw new StoreException(
              operation + " met a concurrent change " + ATTEMPTS + " times in a row", e);
        }
      } catch (StoreException e) {
        if (attempt == ATTEMPTS || !retryable(e.getCause())) {
          throw e;
        }
      }
      Thread.onSpinWait();
    }
  }

  private static boolean retryable(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof SQLException s
          && (RETRYABLE.contains(s.getSQLState())
              || (s.getClass().getName().startsWith("org.h2.")
                  && H2_RETRYABLE.contains(s.getErrorCode())))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<Case> find(CaseQuery query) {
    List<Object> params = new ArrayList<>();
    String where = where(query, params);
    String statement =
        "SELECT "
            + CASE_COLUMNS
            + " FROM cases c"
            + where
            + " ORDER BY c.opened_at DESC, c.case_id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    return sql.run(
        "listing cases",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(statement)) {
            int i = bind(ps, params);
            ps.setInt(i++, query.offset());
            ps.setInt(i, query.limit());
            List<Case> cases = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                cases.add(readCase(rs));
              }
            }
            return cases;
          }
        });
  }

  @Override
  public long count(CaseQuery query) {
    List<Object> params = new ArrayList<>();
    String statement = "SELECT count(*) FROM cases c" + where(query, params);
    return sql.run(
        "counting cases",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(statement)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  private static String where(CaseQuery q, List<Object> params) {
    List<String> conditions = new ArrayList<>();
    if (q.status() != null) {
      conditions.add("c.status = ?");
      params.add(q.status().name());
    }
    if (q.assignee() != null) {
      conditions.add("c.assignee = ?");
      params.add(q.assignee());
    }
    if (q.customerId() != null) {
      conditions.add("c.customer_id = ?");
      params.add(q.customerId().value());
    }
    if (q.openOnly()) {
      conditions.add("c.status NOT IN " + CLOSED);
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** Binds text and instant parameters from 1; returns the next index. */
  private static int bind(PreparedStatement ps, List<Object> params) throws SQLException {
    int i = 1;
    for (Object p : params) {
      if (p instanceof Instant t) {
        Sql.setInstant(ps, i++, t);
      } else {
        ps.setString(i++, (String) p);
      }
    }
    return i;
  }

  @Override
  public Map<CaseStatus, Long> countByStatus() {
    return sql.run(
        "counting cases by status",
        c -> {
          Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
          for (CaseStatus s : CaseStatus.values()) {
            counts.put(s, 0L);
          }
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT status, count(*) FROM cases GROUP BY status");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              counts.put(CaseStatus.valueOf(rs.getString(1)), rs.getLong(2));
            }
          }
          return counts;
        });
  }

  @Override
  public List<Alert> alerts(CaseId id) {
    return sql.run(
        "reading the alerts of case " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + ALERT_COLUMNS
                      + " FROM case_alerts ca JOIN alerts a ON a.alert_id = ca.alert_id"
                      + " WHERE ca.case_id = ? ORDER BY ca.attach_seq")) {
            ps.setString(1, id.value());
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                alerts.add(JdbcAlertRepository.read(rs));
              }
            }
            return alerts;
          }
        });
  }

  @Override
  public List<CaseEvent> events(CaseId id) {
    return sql.run(
        "reading the trail of case " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT kind, actor, occurred_at, from_status, to_status, reason, detail"
                      + " FROM case_events WHERE case_id = ? ORDER BY event_id")) {
            ps.setString(1, id.value());
            List<CaseEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String from = rs.getString("from_status");
                events.add(
                    new CaseEvent(
                        id,
                        CaseEventKind.valueOf(rs.getString("kind")),
                        rs.getString("actor"),
                        Sql.instant(rs, "occurred_at"),
                        from == null ? null : CaseStatus.valueOf(from),
                        CaseStatus.valueOf(rs.getString("to_status")),
                        rs.getString("reason"),
                        rs.getString("detail")));
              }
            }
            return events;
          }
        });
  }

  @Override
  public Optional<CaseId> caseOf(String alertId) {
    return sql.run("finding the case of alert " + alertId, c -> caseOf(c, alertId));
  }

  private static Optional<CaseId> caseOf(Connection c, String alertId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT case_id FROM case_alerts WHERE alert_id = ?")) {
      ps.setString(1, alertId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(CaseId.of(rs.getString(1))) : Optional.empty();
      }
    }
  }

  @Override
  public long forEachOpenedOrClosedIn(TimeRange range, Consumer<? super Case> action) {
    List<Object> params = new ArrayList<>();
    String opened = rangeCondition("c.opened_at", range, params);
    String closed = rangeCondition("c.closed_at", range, params);
    return stream(
        "reading the cases opened or closed in " + range,
        "SELECT "
            + CASE_COLUMNS
            + " FROM cases c WHERE ("
            + opened
            + ") OR (c.closed_at IS NOT NULL AND "
            + closed
            + ") ORDER BY c.opened_at, c.case_id",
        params,
        JdbcCaseRepository::readCase,
        action);
  }

  @Override
  public long forEachOpen(Consumer<? super Case> action) {
    return stream(
        "reading the open cases",
        "SELECT "
            + CASE_COLUMNS
            + " FROM cases c WHERE c.status NOT IN "
            + CLOSED
            + " ORDER BY c.opened_at, c.case_id",
        List.of(),
        JdbcCaseRepository::readCase,
        action);
  }

  @Override
  public long forEachDisposition(TimeRange closedIn, Consumer<? super AlertDisposition> action) {
    List<Object> params = new ArrayList<>();
    String closed = rangeCondition("c.closed_at", closedIn, params);
    return stream(
        "reading the dispositions of cases closed in " + closedIn,
        "SELECT ca.alert_id, a.transaction_id, a.customer_id, c.status, c.closed_at, c.case_id"
            + " FROM cases c JOIN case_alerts ca ON ca.case_id = c.case_id"
            + " JOIN alerts a ON a.alert_id = ca.alert_id"
            + " WHERE c.closed_at IS NOT NULL AND "
            + closed
            + " ORDER BY c.closed_at, c.case_id, ca.attach_seq",
        params,
        rs ->
            new AlertDisposition(
                rs.getString("alert_id"),
                TransactionId.of(rs.getString("transaction_id")),
                CustomerId.of(rs.getString("customer_id")),
                AlertDisposition.Outcome.of(CaseStatus.valueOf(rs.getString("status"))),
                Sql.instant(rs, "closed_at"),
                CaseId.of(rs.getString("case_id"))),
        action);
  }

  /** {@code column} within {@code range}, adding the bounds to {@code params}; TRUE when open. */
  private static String rangeCondition(String column, TimeRange range, List<Object> params) {
    List<String> parts = new ArrayList<>(2);
    if (range.from() != null) {
      parts.add(column + " >= ?");
      params.add(range.from());
    }
    if (range.until() != null) {
      parts.add(column + " < ?");
      params.add(range.until());
    }
    return parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
  }

  private <T> long stream(
      String operation,
      String statement,
      List<Object> params,
      Sql.RowReader<T> reader,
      Consumer<? super T> action) {
    return sql.forEachRow(operation, statement, ps -> bind(ps, params), reader, action);
  }

  private static Case readCase(ResultSet rs) throws SQLException {
    return new Case(
        CaseId.of(rs.getString("case_id")),
        CustomerId.of(rs.getString("customer_id")),
        CaseStatus.valueOf(rs.getString("status")),
        rs.getString("assignee"),
        Sql.instant(rs, "opened_at"),
        Sql.instant(rs, "updated_at"),
        Sql.instant(rs, "closed_at"),
        rs.getInt("alert_count"));
  }
}

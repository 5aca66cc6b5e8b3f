package io.amlmonitor.jdbc;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.flow.AlertGenerationRepository;
import io.amlmonitor.core.flow.Suppression;
import io.amlmonitor.core.store.ScoredTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/** The alert_generation flow's reads and writes, over the system of record's tables. */
public final class JdbcAlertGenerationRepository implements AlertGenerationRepository {
  private static final String CANDIDATES =
      "SELECT t.transaction_id, t.event_time, t.customer_id, t.merchant_id, t.counterparty_id,"
          + " t.amount, t.currency, t.channel, t.ip_address, t.device_id, t.country,"
          + " t.counterparty_country, d.created_at, d.risk_score, d.risk_level, d.rules_fired,"
          + " d.rule_set_version, d.model_version, d.features, d.reasons"
          + " FROM transactions t JOIN decisions d ON d.transaction_id = t.transaction_id";

  private final Sql sql;

  JdbcAlertGenerationRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public long forEachCandidate(
      TimeRange eventTime, double minScore, Consumer<ScoredTransaction> action) {
    return sql.forEachWhere(
        "reading alert candidates in " + eventTime,
        CANDIDATES,
        "d.risk_score >= ?"
            + " AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.transaction_id = t.transaction_id)"
            + " AND NOT EXISTS (SELECT 1 FROM suppressed_alerts s"
            + " WHERE s.transaction_id = t.transaction_id)",
        minScore,
        "t.event_time",
        eventTime,
        "t.event_time, t.transaction_id",
        rs -> new ScoredTransaction(TransactionRows.read(rs), JdbcDecisionRepository.read(rs)),
        action);
  }

  @Override
  public long forEachAlertIn(TimeRange eventTime, Consumer<Alert> action) {
    return sql.forEach(
        "reading alerts of transactions in " + eventTime,
        "SELECT " + JdbcAlertRepository.COLUMNS + " FROM alerts",
        "transaction_time",
        eventTime,
        "alert_seq",
        JdbcAlertRepository::read,
        action);
  }

  @Override
  public long forEachAlertWithoutCase(TimeRange eventTime, Consumer<Alert> action) {
    return sql.forEachWhere(
        "reading alerts in no case, of transactions in " + eventTime,
        "SELECT " + JdbcAlertRepository.COLUMNS + " FROM alerts a",
        "NOT EXISTS (SELECT 1 FROM case_alerts ca WHERE ca.alert_id = a.alert_id)",
        null,
        "a.transaction_time",
        eventTime,
        "a.alert_seq",
        JdbcAlertRepository::read,
        action);
  }

  @Override
  public int record(List<Alert> raised, List<Suppression> suppressed, List<String> channels) {
    if (raised.isEmpty() && suppressed.isEmpty()) {
      return 0;
    }
    return sql.inTransaction(
        "storing " + raised.size() + " alerts and " + suppressed.size() + " suppressions",
        c -> {
          int added = 0;
          for (Alert a : raised) {
            if (!suppressedAlready(c, a) && JdbcAlertRepository.insert(c, a)) {
              added++;
              owe(c, a, channels);
            }
          }
          suppress(c, suppressed);
          return added;
        });
  }

  private static boolean suppressedAlready(Connection c, Alert a) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM suppressed_alerts WHERE transaction_id = ?")) {
      ps.setString(1, a.transactionId().value());
      try (var rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void owe(Connection c, Alert a, List<String> channels) throws SQLException {
    if (channels.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO alert_notifications (alert_id, channel, status, attempts,"
                + " next_attempt_at) VALUES (?, ?, 'PENDING', 0, ?) ON CONFLICT DO NOTHING")) {
      for (String channel : channels) {
        ps.setString(1, a.alertId());
        ps.setString(2, channel);
        Sql.setInstant(ps, 3, a.createdAt());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void suppress(Connection c, List<Suppression> suppressed) throws SQLException {
    if (suppressed.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO suppressed_alerts (transaction_id, customer_id, pattern, suppressed_by,"
                + " created_at) SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM alerts"
                + " WHERE transaction_id = ?) ON CONFLICT DO NOTHING")) {
      for (Suppression s : suppressed) {
        ps.setString(1, s.transactionId().value());
        ps.setString(2, s.customerId().value());
        ps.setString(3, s.pattern());
        ps.setString(4, s.suppressedBy());
        Sql.setInstant(ps, 5, s.createdAt());
        ps.setString(6, s.transactionId().value());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}

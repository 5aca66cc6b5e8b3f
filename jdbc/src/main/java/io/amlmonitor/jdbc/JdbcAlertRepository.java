package io.amlmonitor.jdbc;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.alert.AlertQuery;
import io.amlmonitor.core.alert.AlertRepository;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.scoring.RiskLevel;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Alerts in the {@code alerts} table, with the same contract as the in-memory repository: the first
 * alert of a transaction is kept, lists are newest first (in the order alerts were saved).
 */
public final class JdbcAlertRepository implements AlertRepository {
  static final String COLUMNS =
      "alert_id, transaction_id, customer_id, receiver_id, amount, transaction_time, created_at,"
          + " risk_score, risk_level, rules, reasons, rule_set_version";

  private final Sql sql;

  JdbcAlertRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public boolean save(Alert a) {
    return sql.inTransaction("saving alert " + a.alertId(), c -> insert(c, a));
  }

  /** Inserts {@code a} and its rules on {@code c}, unless its transaction has an alert already. */
  static boolean insert(Connection c, Alert a) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO alerts ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      ps.setString(1, a.alertId());
      ps.setString(2, a.transactionId().value());
      ps.setString(3, a.customerId().value());
      Sql.setText(ps, 4, a.receiverId());
      Sql.setDecimal(ps, 5, a.amount() == null ? null : a.amount().toBigDecimal());
      Sql.setInstant(ps, 6, a.transactionTime());
      Sql.setInstant(ps, 7, a.createdAt());
      ps.setDouble(8, a.riskScore());
      ps.setString(9, a.riskLevel().name());
      ps.setString(10, JsonText.strings(a.rules()));
      ps.setString(11, JsonText.strings(a.reasons()));
      Sql.setText(ps, 12, a.ruleSetVersion());
      if (ps.executeUpdate() == 0) {
        return false;
      }
    }
    if (!a.rules().isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO alert_rules (alert_id, rule_index, rule_id) VALUES (?, ?, ?)")) {
        for (int i = 0; i < a.rules().size(); i++) {
          ps.setString(1, a.alertId());
          ps.setInt(2, i);
          ps.setString(3, a.rules().get(i));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    return true;
  }

  @Override
  public List<Alert> find(AlertQuery query) {
    StringBuilder where = new StringBuilder();
    List<String> params = new ArrayList<>(2);
    if (query.customerId() != null) {
      where.append(" WHERE customer_id = ?");
      params.add(query.customerId());
    }
    if (query.riskLevel() != null) {
      where.append(where.isEmpty() ? " WHERE" : " AND").append(" risk_level = ?");
      params.add(query.riskLevel().name());
    }
    String statement =
        "SELECT "
            + COLUMNS
            + " FROM alerts"
            + where
            + " ORDER BY alert_seq DESC FETCH FIRST ? ROWS ONLY";
    return sql.run(
        "listing alerts",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(statement)) {
            int i = 1;
            for (String p : params) {
              ps.setString(i++, p);
            }
            ps.setInt(i, query.limit());
            List<Alert> alerts = new ArrayList<>(Math.min(query.limit(), 64));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                alerts.add(read(rs));
              }
            }
            return alerts;
          }
        });
  }

  @Override
  public long forEachCreatedIn(TimeRange created, Consumer<? super Alert> action) {
    return sql.forEach(
        "reading alerts raised in " + created,
        "SELECT " + COLUMNS + " FROM alerts",
        "created_at",
        created,
        "alert_seq",
        JdbcAlertRepository::read,
        action);
  }

  static Alert read(ResultSet rs) throws SQLException {
    BigDecimal amount = rs.getBigDecimal("amount");
    return new Alert(
        rs.getString("alert_id"),
        TransactionId.of(rs.getString("transaction_id")),
        CustomerId.of(rs.getString("customer_id")),
        rs.getString("receiver_id"),
        amount == null ? null : Money.of(amount),
        Sql.instant(rs, "transaction_time"),
        Sql.instant(rs, "created_at"),
        rs.getDouble("risk_score"),
        RiskLevel.valueOf(rs.getString("risk_level")),
        JsonText.strings(rs.getString("rules")),
        JsonText.strings(rs.getString("reasons")),
        rs.getString("rule_set_version"));
  }

  @Override
  public long count() {
    return sql.run("counting alerts", c -> Sql.count(c, "SELECT count(*) FROM alerts"));
  }

  @Override
  public Map<String, Long> countByRule() {
    return sql.run(
        "counting alerts by rule",
        c -> {
          Map<String, Long> counts = new TreeMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT rule_id, count(*) FROM alert_rules GROUP BY rule_id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              counts.put(rs.getString(1), rs.getLong(2));
            }
          }
          return counts;
        });
  }
}

package io.amlmonitor.jdbc;

import io.amlmonitor.core.flow.NotificationOutbox;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Alert notifications owed, in the {@code alert_notifications} table. */
public final class JdbcNotificationOutbox implements NotificationOutbox {
  private final Sql sql;

  JdbcNotificationOutbox(Sql sql) {
    this.sql = sql;
  }

  @Override
  public List<Pending> due(String channel, Instant now, int limit) {
    return sql.run(
        "finding notifications due",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT n.channel, n.attempts, "
                      + prefixed()
                      + " FROM alert_notifications n JOIN alerts a ON a.alert_id = n.alert_id"
                      + " WHERE n.channel = ? AND n.status = 'PENDING' AND n.next_attempt_at <= ?"
                      + " ORDER BY n.next_attempt_at, a.alert_seq FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, channel);
            Sql.setInstant(ps, 2, now);
            ps.setInt(3, limit);
            List<Pending> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Pending(
                        JdbcAlertRepository.read(rs),
                        rs.getString("channel"),
                        rs.getInt("attempts")));
              }
            }
            return out;
          }
        });
  }

  private static String prefixed() {
    StringBuilder b = new StringBuilder();
    for (String col : JdbcAlertRepository.COLUMNS.split(",")) {
      if (!b.isEmpty()) {
        b.append(", ");
      }
      b.append("a.").append(col.strip());
    }
    return b.toString();
  }

  @Override
  public long countDue(String channel, Instant now) {
    return sql.run(
        "counting notifications due",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT count(*) FROM alert_notifications WHERE channel = ?"
                      + " AND status = 'PENDING' AND next_attempt_at <= ?")) {
            ps.setString(1, channel);
            Sql.setInstant(ps, 2, now);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  @Override
  public void delivered(String alertId, String channel, Instant at) {
    sql.run(
        "marking the notification of " + alertId + " delivered",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE alert_notifications SET status = 'DELIVERED', delivered_at = ?,"
                      + " attempts = attempts + 1, last_error = NULL"
                      + " WHERE alert_id = ? AND channel = ?")) {
            Sql.setInstant(ps, 1, at);
            ps.setString(2, alertId);
            ps.setString(3, channel);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public void failed(
      String alertId,
      String channel,
      int attempts,
      Instant nextAttempt,
      String error,
      boolean givenUp) {
    sql.run(
        "recording a failed notification of " + alertId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE alert_notifications SET status = ?, attempts = ?, next_attempt_at = ?,"
                      + " last_error = ? WHERE alert_id = ? AND channel = ?")) {
            ps.setString(1, givenUp ? "FAILED" : "PENDING");
            ps.setInt(2, attempts);
            Sql.setInstant(ps, 3, nextAttempt);
            ps.setString(4, error == null ? "" : error);
            ps.setString(5, alertId);
            ps.setString(6, channel);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Map<String, Long> countByStatus() {
    return sql.run(
        "counting notifications",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT status, count(*) AS n FROM alert_notifications GROUP BY status"
                          + " ORDER BY status");
              ResultSet rs = ps.executeQuery()) {
            Map<String, Long> out = new LinkedHashMap<>();
            while (rs.next()) {
              out.put(rs.getString("status"), rs.getLong("n"));
            }
            return out;
          }
        });
  }
}

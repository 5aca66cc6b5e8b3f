package io.amlmonitor.jdbc;

import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.flow.CustomerActivity;
import io.amlmonitor.core.flow.CustomerActivityRepository;
import io.amlmonitor.core.scoring.RiskLevel;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Consumer;

/**
 * Customers' activity, aggregated by the database in one statement: sums and counts per side,
 * counterparties (either direction) with an alert in the period or rated high, alerts, and cases
 * closed with a SAR.
 */
public final class JdbcCustomerActivityRepository implements CustomerActivityRepository {
  private static final String IN_PERIOD = "event_time >= ? AND event_time < ?";
  private static final String STATEMENT =
      "SELECT c.customer_id, c.customer_type, c.country, c.segment, c.expected_monthly_volume,"
          + " c.onboarding_date, c.pep, c.risk_rating,"
          + " COALESCE(o.amount, 0) AS sent, COALESCE(o.n, 0) AS sent_count,"
          + " COALESCE(i.amount, 0) AS received, COALESCE(i.n, 0) AS received_count,"
          + " COALESCE(r.n, 0) AS risky, COALESCE(a.n, 0) AS alerts, COALESCE(s.n, 0) AS sars"
          + " FROM customers c"
          + " LEFT JOIN (SELECT customer_id, sum(amount) AS amount, count(*) AS n"
          + "   FROM transactions WHERE "
          + IN_PERIOD
          + " GROUP BY customer_id) o ON o.customer_id = c.customer_id"
          + " LEFT JOIN (SELECT counterparty_id, sum(amount) AS amount, count(*) AS n"
          + "   FROM transactions WHERE counterparty_id IS NOT NULL AND "
          + IN_PERIOD
          + " GROUP BY counterparty_id) i ON i.counterparty_id = c.customer_id"
          + " LEFT JOIN (SELECT x.cid, count(DISTINCT x.party) AS n FROM ("
          + "     SELECT customer_id AS cid, counterparty_id AS party FROM transactions"
          + "     WHERE counterparty_id IS NOT NULL AND "
          + IN_PERIOD
          + "     UNION ALL"
          + "     SELECT counterparty_id AS cid, customer_id AS party FROM transactions"
          + "     WHERE counterparty_id IS NOT NULL AND "
          + IN_PERIOD
          + "   ) x WHERE EXISTS (SELECT 1 FROM alerts al WHERE al.customer_id = x.party"
          + "       AND al.transaction_time >= ? AND al.transaction_time < ?)"
          + "     OR EXISTS (SELECT 1 FROM customers h WHERE h.customer_id = x.party"
          + "       AND h.risk_rating = 'HIGH')"
          + "   GROUP BY x.cid) r ON r.cid = c.customer_id"
          + " LEFT JOIN (SELECT customer_id, count(*) AS n FROM alerts"
          + "   WHERE transaction_time >= ? AND transaction_time < ? GROUP BY customer_id) a"
          + "   ON a.customer_id = c.customer_id"
          + " LEFT JOIN (SELECT customer_id, count(*) AS n FROM cases WHERE status = 'CLOSED_SAR'"
          + "   GROUP BY customer_id) s ON s.customer_id = c.customer_id"
          + " ORDER BY c.customer_id";

  private final Sql sql;

  JdbcCustomerActivityRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public long forEachActivity(TimeRange period, Consumer<CustomerActivity> action) {
    if (period.from() == null || period.until() == null) {
      throw new IllegalArgumentException("activity is read over a bounded period, was " + period);
    }
    return sql.inTransaction(
        "reading customer activity in " + period,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(STATEMENT)) {
            ps.setFetchSize(Sql.FETCH_SIZE);
            for (int i = 1; i <= 12; i += 2) {
              Sql.setInstant(ps, i, period.from());
              Sql.setInstant(ps, i + 1, period.until());
            }
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String rating = rs.getString("risk_rating");
                action.accept(
                    new CustomerActivity(
                        JdbcCustomerRepository.customer(rs),
                        Money.of(rs.getBigDecimal("sent")),
                        rs.getLong("sent_count"),
                        Money.of(rs.getBigDecimal("received")),
                        rs.getLong("received_count"),
                        rs.getLong("risky"),
                        rs.getLong("alerts"),
                        rs.getLong("sars"),
                        rating == null ? null : RiskLevel.valueOf(rating)));
                n++;
              }
            }
            return n;
          }
        });
  }

  @Override
  public long countCustomers() {
    return sql.run("counting customers", c -> Sql.count(c, "SELECT count(*) FROM customers"));
  }
}

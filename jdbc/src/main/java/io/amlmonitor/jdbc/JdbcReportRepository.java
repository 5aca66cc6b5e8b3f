package io.amlmonitor.jdbc;

import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.report.AlertPattern;
import io.amlmonitor.core.report.ReportRepository;
import io.amlmonitor.core.report.RiskyCustomer;
import io.amlmonitor.core.scoring.RiskLevel;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The report's counts, each one {@code GROUP BY} over {@code alerts} (with {@code alert_rules} and
 * {@code customers}), in SQL that PostgreSQL and H2 read alike. An alert is in a period by its
 * {@code transaction_time}, which V5 indexes.
 */
public final class JdbcReportRepository implements ReportRepository {
  private static final String ALERT_TIME = "transaction_time";
  private static final Pattern ZONE_NAME = Pattern.compile("[A-Za-z0-9/_+-]+");

  private final Sql sql;

  JdbcReportRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public Map<String, Long> alertsByRule(TimeRange period) {
    Map<String, Long> out = new HashMap<>();
    query(
        "counting alerts by rule in " + period,
        "SELECT ar.rule_id, count(*) FROM alert_rules ar"
            + " JOIN alerts a ON a.alert_id = ar.alert_id"
            + where("a." + ALERT_TIME, period)
            + " GROUP BY ar.rule_id",
        period,
        rs -> out.put(rs.getString(1), rs.getLong(2)));
    return out;
  }

  @Override
  public List<AlertPattern> alertPatterns(TimeRange period) {
    List<AlertPattern> out = new ArrayList<>();
    query(
        "counting alerts by rules fired in " + period,
        "SELECT rule_set_version, rules, count(*) FROM alerts"
            + where(ALERT_TIME, period)
            + " GROUP BY rule_set_version, rules",
        period,
        rs ->
            out.add(
                new AlertPattern(
                    rs.getString(1), JsonText.strings(rs.getString(2)), rs.getLong(3))));
    return out;
  }

  @Override
  public Map<RiskLevel, Long> alertsByRiskLevel(TimeRange period) {
    Map<RiskLevel, Long> out = new EnumMap<>(RiskLevel.class);
    query(
        "counting alerts by risk level in " + period,
        "SELECT risk_level, count(*) FROM alerts"
            + where(ALERT_TIME, period)
            + " GROUP BY risk_level",
        period,
        rs -> out.put(RiskLevel.valueOf(rs.getString(1)), rs.getLong(2)));
    return out;
  }

  /**
   * Implementation note: the local day's year, month and day are extracted from the time shifted
   * into the zone, because both databases read {@code EXTRACT} from the shifted value's own fields,
   * whereas a cast to {@code DATE} follows H2's session zone.
   */
  @Override
  public SortedMap<LocalDate, Long> alertsPerDay(TimeRange period, ZoneId zone) {
    String local = ALERT_TIME + " AT TIME ZONE " + zoneLiteral(zone);
    SortedMap<LocalDate, Long> out = new TreeMap<>();
    query(
        "counting alerts per day in " + period,
        "SELECT y, m, d, count(*) FROM (SELECT EXTRACT(YEAR FROM "
            + local
            + ") AS y, EXTRACT(MONTH FROM "
            + local
            + ") AS m, EXTRACT(DAY FROM "
            + local
            + ") AS d FROM alerts"
            + where(ALERT_TIME, period)
            + ") x GROUP BY y, m, d",
        period,
        rs -> out.put(LocalDate.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)), rs.getLong(4)));
    return out;
  }

  @Override
  public List<RiskyCustomer> topCustomers(TimeRange period, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    String alerted =
        "SELECT customer_id, count(*) AS n, max(risk_score) AS top_score FROM alerts"
            + where(ALERT_TIME, period)
            + " GROUP BY customer_id";
    String statement =
        "SELECT t.*, (SELECT r.reasons FROM customer_risk_ratings r"
            + "   WHERE r.customer_id = t.customer_id"
            + "   ORDER BY r.rated_at DESC, r.rating_id DESC FETCH FIRST 1 ROW ONLY) AS reasons"
            + " FROM (SELECT x.* FROM ("
            + "   SELECT c.customer_id, c.risk_rating AS rating, c.risk_rated_at AS rated_at,"
            + "     COALESCE(a.n, 0) AS alerts, COALESCE(a.top_score, 0) AS top_score"
            + "   FROM customers c LEFT JOIN ("
            + alerted
            + ") a ON a.customer_id = c.customer_id"
            + "   WHERE c.risk_rating IS NOT NULL OR a.n IS NOT NULL"
            + "   UNION ALL"
            + "   SELECT a.customer_id, CAST(NULL AS VARCHAR(8)),"
            + "     CAST(NULL AS TIMESTAMP WITH TIME ZONE), a.n, a.top_score FROM ("
            + alerted
            + ") a WHERE NOT EXISTS"
            + "     (SELECT 1 FROM customers k WHERE k.customer_id = a.customer_id)"
            + " ) x"
            + riskiestFirst("x")
            + " FETCH FIRST ? ROWS ONLY) t"
            + riskiestFirst("t");
    List<RiskyCustomer> out = new ArrayList<>();
    sql.run(
        "reading the riskiest customers in " + period,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(statement)) {
            int i = bind(ps, 1, period);
            i = bind(ps, i, period);
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(customer(rs));
              }
            }
          }
          return null;
        });
    return out;
  }

  /** The order of {@link #topCustomers}, over the columns of {@code alias}. */
  private static String riskiestFirst(String alias) {
    String a = alias + ".";
    return " ORDER BY CASE "
        + a
        + "rating WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 1 ELSE 0 END DESC, "
        + a
        + "alerts DESC, "
        + a
        + "top_score DESC, "
        + a
        + "customer_id";
  }

  private static RiskyCustomer customer(ResultSet rs) throws SQLException {
    String rating = rs.getString("rating");
    String reasons = rs.getString("reasons");
    return new RiskyCustomer(
        CustomerId.of(rs.getString("customer_id")),
        rating == null ? null : RiskLevel.valueOf(rating),
        rating == null ? null : Sql.instant(rs, "rated_at"),
        rating == null || reasons == null ? List.of() : JsonText.strings(reasons),
        rs.getLong("alerts"),
        rs.getDouble("top_score"));
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  private interface RowAction {
    void accept(ResultSet rs) throws SQLException;
  }

  /** Runs {@code statement}, its period bound, and hands each row to {@code action}. */
  private void query(String operation, String statement, TimeRange period, RowAction action) {
    sql.run(
        operation,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(statement)) {
            bind(ps, 1, period);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                action.accept(rs);
              }
            }
          }
          return null;
        });
  }

  /** {@code WHERE} for {@code column} in {@code period} (empty when it is unbounded). */
  private static String where(String column, TimeRange period) {
    List<String> conditions = new ArrayList<>(2);
    if (period.from() != null) {
      conditions.add(column + " >= ?");
    }
    if (period.until() != null) {
      conditions.add(column + " < ?");
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** Binds the ends {@link #where} names from {@code index} on; returns the next index. */
  private static int bind(PreparedStatement ps, int index, TimeRange period) throws SQLException {
    if (period.from() != null) {
      Sql.setInstant(ps, index++, period.from());
    }
    if (period.until() != null) {
      Sql.setInstant(ps, index++, period.until());
    }
    return index;
  }

  /**
   * The zone as both databases read it after {@code AT TIME ZONE}: a fixed offset as an interval
   * (PostgreSQL would read {@code '+03:00'} as a POSIX zone, three hours west), a region by name.
   */
  static String zoneLiteral(ZoneId zone) {
    if (zone.getRules().isFixedOffset()) {
      ZoneOffset offset = zone.getRules().getOffset(Instant.EPOCH);
      int minutes = offset.getTotalSeconds() / 60;
      if (offset.getTotalSeconds() % 60 != 0) {
        throw new IllegalArgumentException("a zone offset in whole minutes is needed, was " + zone);
      }
      return String.format(
          Locale.ROOT,
          "INTERVAL '%s%02d:%02d' HOUR TO MINUTE",
          minutes < 0 ? "-" : "+",
          Math.abs(minutes) / 60,
          Math.abs(minutes) % 60);
    }
    if (!ZONE_NAME.matcher(zone.getId()).matches()) {
      throw new IllegalArgumentException("not a zone name the database can read: " + zone);
    }
    return "'" + zone.getId() + "'";
  }
}

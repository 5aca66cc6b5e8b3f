package io.amlmonitor.jdbc;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.core.store.DecisionRecord;
import io.amlmonitor.core.store.DecisionRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decisions in the {@code decisions} table, one per transaction, feature values as JSON text.
 *
 * <p>Implementation note: on PostgreSQL a large batch goes through {@code COPY} into a session's
 * temporary staging table and one {@code INSERT … SELECT … ON CONFLICT DO NOTHING}, as transactions
 * do: a flow writes thousands of decisions at a time (docs/benchmarks.md, "Monitoring flows").
 */
public final class JdbcDecisionRepository implements DecisionRepository {
  private static final String COLUMNS =
      "transaction_id, created_at, risk_score, risk_level, rules_fired, rule_set_version,"
          + " model_version, features, reasons";
  private static final String STAGING = "aml_decisions_staging";

  /** Batches smaller than this are inserted row by row: a COPY's set-up costs more. */
  static final int COPY_FROM_ROWS = 256;

  private final Sql sql;
  private final boolean copy;

  JdbcDecisionRepository(Sql sql, Dialect dialect) {
    this.sql = sql;
    this.copy = dialect == Dialect.POSTGRESQL;
  }

  @Override
  public int saveAll(List<DecisionRecord> batch) {
    return saveAll(batch, List.of());
  }

  @Override
  public int saveAll(List<DecisionRecord> batch, List<Alert> alerts) {
    if (batch.isEmpty() && alerts.isEmpty()) {
      return 0;
    }
    return sql.inTransaction(
        "saving " + batch.size() + " decisions and " + alerts.size() + " alerts",
        c -> {
          for (Alert a : alerts) {
            JdbcAlertRepository.insert(c, a);
          }
          if (batch.isEmpty()) {
            return 0;
          }
          return copy && batch.size() >= COPY_FROM_ROWS ? copy(c, batch) : insert(c, batch);
        });
  }

  private static int insert(Connection c, List<DecisionRecord> batch) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO decisions ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (DecisionRecord d : batch) {
        ps.setString(1, d.transactionId().value());
        Sql.setInstant(ps, 2, d.createdAt());
        ps.setDouble(3, d.riskScore());
        ps.setString(4, d.riskLevel().name());
        ps.setString(5, JsonText.strings(d.rulesFired()));
        Sql.setText(ps, 6, d.ruleSetVersion());
        Sql.setText(ps, 7, d.modelVersion());
        ps.setString(8, JsonText.features(d.features()));
        Sql.setText(ps, 9, d.reasons().isEmpty() ? null : JsonText.strings(d.reasons()));
        ps.addBatch();
      }
      return BatchCounts.added(ps.executeBatch());
    }
  }

  private static int copy(Connection c, List<DecisionRecord> batch) throws SQLException {
    return CopyText.copyNew(
        c,
        "decisions",
        STAGING,
        "transaction_id VARCHAR(128), created_at TIMESTAMP WITH TIME ZONE,"
            + " risk_score DOUBLE PRECISION, risk_level VARCHAR(8), rules_fired VARCHAR,"
            + " rule_set_version VARCHAR(128), model_version VARCHAR(128), features VARCHAR,"
            + " reasons VARCHAR",
        COLUMNS,
        out -> {
          for (DecisionRecord d : batch) {
            StringBuilder line = out.line();
            CopyText.field(line, d.transactionId().value());
            line.append('\t').append(Sql.stored(d.createdAt()));
            // Double.toString round-trips exactly, as setDouble does.
            line.append('\t').append(d.riskScore());
            line.append('\t').append(d.riskLevel().name());
            line.append('\t');
            CopyText.field(line, JsonText.strings(d.rulesFired()));
            line.append('\t');
            CopyText.field(line, d.ruleSetVersion());
            line.append('\t');
            CopyText.field(line, d.modelVersion());
            line.append('\t');
            CopyText.field(line, JsonText.features(d.features()));
            line.append('\t');
            CopyText.field(line, d.reasons().isEmpty() ? null : JsonText.strings(d.reasons()));
            out.endLine();
          }
        });
  }

  @Override
  public Set<TransactionId> undecidedReceivedSince(Instant from) {
    return sql.run(
        "finding transactions without a decision since " + from,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT t.transaction_id FROM transactions t WHERE t.received_at >= ? AND NOT"
                      + " EXISTS (SELECT 1 FROM decisions d"
                      + " WHERE d.transaction_id = t.transaction_id)")) {
            Sql.setInstant(ps, 1, from);
            Set<TransactionId> out = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(TransactionId.of(rs.getString(1)));
              }
            }
            return out;
          }
        });
  }

  @Override
  public Optional<Instant> latestCreatedAt() {
    return sql.run(
        "finding the newest decision",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT max(created_at) AS newest FROM decisions");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Optional.ofNullable(Sql.instant(rs, "newest"));
          }
        });
  }

  @Override
  public Optional<DecisionRecord> find(TransactionId transactionId) {
    return sql.run(
        "finding the decision on " + transactionId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM decisions WHERE transaction_id = ?")) {
            ps.setString(1, transactionId.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public long forEachCreatedIn(TimeRange created, Consumer<? super DecisionRecord> action) {
    return sql.forEach(
        "reading decisions made in " + created,
        "SELECT " + COLUMNS + " FROM decisions",
        "created_at",
        created,
        "created_at, transaction_id",
        JdbcDecisionRepository::read,
        action);
  }

  static DecisionRecord read(ResultSet rs) throws SQLException {
    String reasons = rs.getString("reasons");
    return new DecisionRecord(
        TransactionId.of(rs.getString("transaction_id")),
        Sql.instant(rs, "created_at"),
        rs.getDouble("risk_score"),
        RiskLevel.valueOf(rs.getString("risk_level")),
        JsonText.strings(rs.getString("rules_fired")),
        rs.getString("rule_set_version"),
        rs.getString("model_version"),
        JsonText.features(rs.getString("features")),
        reasons == null ? List.of() : JsonText.strings(reasons));
  }

  @Override
  public long count() {
    return sql.run("counting decisions", c -> Sql.count(c, "SELECT count(*) FROM decisions"));
  }
}

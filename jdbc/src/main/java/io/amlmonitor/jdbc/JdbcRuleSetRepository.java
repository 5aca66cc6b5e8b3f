package io.amlmonitor.jdbc;

import io.amlmonitor.core.store.RuleSetRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** Rule-set versions in the {@code rule_set_versions} table. */
public final class JdbcRuleSetRepository implements RuleSetRepository {
  private final Sql sql;

  JdbcRuleSetRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public boolean register(String version, String checksum, String text, Instant at) {
    boolean added =
        sql.run(
            "recording rule set version " + version,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO rule_set_versions (version, checksum, source, created_at)"
                          + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, version);
                ps.setString(2, checksum);
                ps.setString(3, text);
                Sql.setInstant(ps, 4, at);
                return ps.executeUpdate() == 1;
              }
            });
    if (!added) {
      String recorded = checksum(version);
      if (!recorded.equals(checksum)) {
        throw new RuleSetVersionConflict(version, recorded, checksum);
      }
    }
    return added;
  }

  private String checksum(String version) {
    return sql.run(
        "reading rule set version " + version,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT checksum FROM rule_set_versions WHERE version = ?")) {
            ps.setString(1, version);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getString(1);
            }
          }
        });
  }

  @Override
  public Optional<String> text(String version) {
    return sql.run(
        "reading rule set version " + version,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT source FROM rule_set_versions WHERE version = ?")) {
            ps.setString(1, version);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }
}

package io.amlmonitor.jdbc;

import io.amlmonitor.core.domain.Merchant;
import io.amlmonitor.core.domain.MerchantId;
import io.amlmonitor.core.store.MerchantRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.Optional;

/** Merchants in the {@code merchants} table. */
public final class JdbcMerchantRepository implements MerchantRepository {
  private final Sql sql;
  private final String upsert;

  JdbcMerchantRepository(Sql sql, Dialect dialect) {
    this.sql = sql;
    this.upsert =
        dialect.upsert("merchants", "merchant_id", "merchant_id", "name", "category", "country");
  }

  @Override
  public void upsertAll(Collection<Merchant> merchants) {
    if (merchants.isEmpty()) {
      return;
    }
    sql.inTransaction(
        "saving " + merchants.size() + " merchants",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(upsert)) {
            for (Merchant m : merchants) {
              ps.setString(1, m.id().value());
              Sql.setText(ps, 2, m.name());
              ps.setString(3, m.category());
              Sql.setText(ps, 4, m.country());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public Optional<Merchant> find(MerchantId id) {
    return sql.run(
        "finding merchant " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT merchant_id, name, category, country FROM merchants"
                      + " WHERE merchant_id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new Merchant(
                          MerchantId.of(rs.getString("merchant_id")),
                          rs.getString("name"),
                          rs.getString("category"),
                          rs.getString("country")))
                  : Optional.empty();
            }
          }
        });
  }

  @Override
  public long count() {
    return sql.run("counting merchants", c -> Sql.count(c, "SELECT count(*) FROM merchants"));
  }
}

package io.amlmonitor.jdbc.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, replaces the B-tree index on {@code transactions.received_at} with a BRIN index.
 * The column grows with insertion order, which is what BRIN summarises in a few pages per thousands
 * of table pages, so bulk inserts no longer pay for a fourth B-tree (measured 5–12% of the COPY
 * import rate) while the restart's "received since" query still skips to the recent end. H2 has no
 * BRIN and keeps its index.
 */
public final class V4__Received_at_brin_on_postgresql extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (!product.contains("postgres")) {
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute("DROP INDEX transactions_received_at");
      s.execute("CREATE INDEX transactions_received_at ON transactions USING brin (received_at)");
    }
  }
}

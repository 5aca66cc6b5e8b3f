package io.amlmonitor.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;

/**
 * A contract run against every database: each test starts from empty repository tables (cases and
 * their append-only events are left alone, only which alerts they group is emptied, since alerts
 * are; tests that use cases pick fresh ids).
 */
abstract class StoreContract {
  /** The database under test, opened and migrated once for the whole suite. */
  abstract Database database();

  @BeforeEach
  void emptyTables() throws SQLException {
    clear(database());
  }

  /** Deletes every row of the repository tables. */
  static void clear(Database database) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String table :
          new String[] {
            "alert_notifications",
            "network_findings",
            "suppressed_alerts",
            "flow_runs",
            "case_alerts",
            "alert_rules",
            "alerts",
            "decisions",
            "transactions",
            "customer_risk_ratings",
            "customers",
            "merchants"
          }) {
        s.executeUpdate("DELETE FROM " + table);
      }
    }
  }
}

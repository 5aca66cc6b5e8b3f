package io.amlmonitor.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@code aml import} and {@code aml export} on the machine's PostgreSQL (127.0.0.1:5432, database
 * test, user postgres), in a schema of this class's own, dropped afterwards. Skips without the
 * server unless {@code aml.require.services=true}, where it fails.
 */
class PostgresImportExportIT extends ImportExportContract {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String SCHEMA =
      "aml_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

  @BeforeAll
  static void requirePostgres() {
    try (Connection c = DriverManager.getConnection(URL, "postgres", null)) {
      c.isValid(2);
    } catch (SQLException e) {
      String why = "PostgreSQL is not reachable at 127.0.0.1:5432: " + e.getMessage();
      if (Boolean.getBoolean("aml.require.services")) {
        fail(why + " (aml.require.services=true, so this fails instead of skipping)");
      }
      System.err.println("Skipping: " + why);
      Assumptions.abort(why);
    }
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, "postgres", null);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
  }

  @Override
  Map<String, String> store() {
    return Map.of(
        "POSTGRES_HOST", "127.0.0.1",
        "POSTGRES_DB", "test",
        "POSTGRES_SCHEMA", SCHEMA);
  }
}

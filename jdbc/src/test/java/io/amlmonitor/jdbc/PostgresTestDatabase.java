package io.amlmonitor.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import io.amlmonitor.core.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The machine's PostgreSQL (127.0.0.1:5432, user postgres, database test, trust auth), one fresh
 * schema per test class so that reruns and parallel runs never meet. Without the server the tests
 * skip, unless {@code aml.require.services=true} (CI), where they fail.
 */
final class PostgresTestDatabase {
  static final String HOST = env("AML_TEST_POSTGRES_HOST", "127.0.0.1");
  static final int PORT = Integer.parseInt(env("AML_TEST_POSTGRES_PORT", "5432"));
  static final String DATABASE = env("AML_TEST_POSTGRES_DB", "test");
  static final String USER = env("AML_TEST_POSTGRES_USER", "postgres");

  private PostgresTestDatabase() {}

  /** A configuration naming a schema no one has used. */
  static DatabaseConfig.Postgres freshSchema() {
    String schema = "aml_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    return new DatabaseConfig.Postgres(HOST, PORT, DATABASE, USER, null, schema, 4);
  }

  /** Opens and migrates {@code config}, or skips (or fails, when required) if unreachable. */
  static Database openOrSkip(DatabaseConfig.Postgres config) {
    try {
      return Database.open(config);
    } catch (StoreUnavailableException e) {
      String why = "PostgreSQL is not reachable at " + config.hostPort() + ": " + e.getMessage();
      if (Boolean.getBoolean("aml.require.services")) {
        fail(why + " (aml.require.services=true, so this fails instead of skipping)");
      }
      System.err.println("Skipping PostgreSQL tests: " + why);
      Assumptions.abort("Skipping PostgreSQL tests: " + why);
      throw e;
    }
  }

  /** Drops the schema and everything in it (the append-only triggers do not stop a DROP). */
  static void dropSchema(DatabaseConfig.Postgres config) throws SQLException {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(config.url());
    ds.setUser(config.user());
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + config.schema() + " CASCADE");
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}

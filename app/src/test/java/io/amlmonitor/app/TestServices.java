package io.amlmonitor.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;

/**
 * The machine's PostgreSQL (127.0.0.1:5432, database {@code test}, user {@code postgres}) and Redis
 * (127.0.0.1:6379) for integration tests: a test skips without them, unless {@code
 * aml.require.services} is true (CI), where it fails.
 */
final class TestServices {
  static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

  private TestServices() {}

  static void skipOrFail(String why) {
    if (Boolean.getBoolean("aml.require.services")) {
      fail(why + " (aml.require.services=true, so this fails instead of skipping)");
    }
    System.err.println("Skipping: " + why);
    Assumptions.abort(why);
  }

  static void requirePostgres() {
    try (Connection c = DriverManager.getConnection(PG_URL, "postgres", null)) {
      if (!c.isValid(2)) {
        skipOrFail("PostgreSQL at 127.0.0.1:5432 does not answer");
      }
    } catch (SQLException e) {
      skipOrFail("PostgreSQL is not reachable at 127.0.0.1:5432: " + e.getMessage());
    }
  }

  static void requireRedis() {
    try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
      jedis.ping();
    } catch (RuntimeException e) {
      skipOrFail("Redis is not reachable at 127.0.0.1:6379: " + e.getMessage());
    }
  }

  static void dropSchema(String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(PG_URL, "postgres", null);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  static void removeRedisKeys(String prefix) {
    try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        var page = jedis.scan(cursor, new ScanParams().match(prefix + "*").count(1_000));
        if (!page.getResult().isEmpty()) {
          jedis.del(page.getResult().toArray(new String[0]));
        }
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
  }
}

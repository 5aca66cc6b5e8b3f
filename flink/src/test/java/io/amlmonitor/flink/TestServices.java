package io.amlmonitor.flink;

import io.amlmonitor.core.store.StoreUnavailableException;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;

/**
 * The machine's Redis and PostgreSQL for integration tests: skip without them, unless services are
 * required ({@code aml.require.services=true}, as in CI), where the tests fail.
 */
final class TestServices {
  static final String REDIS_HOST = "127.0.0.1";
  static final int REDIS_PORT = 6379;

  private TestServices() {}

  static void requireRedis() {
    try (Jedis jedis = new Jedis(REDIS_HOST, REDIS_PORT)) {
      jedis.ping();
    } catch (RuntimeException e) {
      unavailable("Redis is not reachable at " + REDIS_HOST + ":" + REDIS_PORT, e);
    }
  }

  static DatabaseConfig.Postgres freshSchema() {
    String schema = "aml_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    return new DatabaseConfig.Postgres("127.0.0.1", 5432, "test", "postgres", null, schema, 4);
  }

  static Database openOrSkip(DatabaseConfig.Postgres config) {
    try {
      return Database.open(config);
    } catch (StoreUnavailableException e) {
      unavailable("PostgreSQL is not reachable at " + config.hostPort(), e);
      throw e;
    }
  }

  static void dropSchema(DatabaseConfig.Postgres config) throws SQLException {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(config.url());
    ds.setUser(config.user());
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + config.schema() + " CASCADE");
    }
  }

  static void removeRedisKeys(String prefix) {
    try (Jedis jedis = new Jedis(REDIS_HOST, REDIS_PORT)) {
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

  private static void unavailable(String why, Exception e) {
    if (Boolean.getBoolean("aml.require.services")) {
      throw new IllegalStateException(why + ": " + e.getMessage(), e);
    }
    Assumptions.abort(why + ": " + e.getMessage());
  }
}

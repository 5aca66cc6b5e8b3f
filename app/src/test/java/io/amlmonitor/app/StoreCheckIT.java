package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code aml db-check} against the machine's PostgreSQL (a schema of its own, dropped afterwards)
 * and Redis. Skips without them unless {@code aml.require.services=true}.
 */
class StoreCheckIT {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private final String schema =
      "aml_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

  @BeforeEach
  void requirePostgres() {
    try (Connection c = DriverManager.getConnection(URL, "postgres", null)) {
      assertThat(c.isValid(2)).isTrue();
    } catch (SQLException e) {
      TestServices.skipOrFail("PostgreSQL is not reachable at 127.0.0.1:5432: " + e.getMessage());
    }
  }

  @AfterEach
  void dropSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, "postgres", null);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @Test
  void reportsPostgresqlAndRedisVersionsAndTheSchemaFallingBehindThenCaughtUp() {
    var settings =
        StoreCheckTest.settings(
            Map.of(
                "POSTGRES_HOST", "127.0.0.1",
                "POSTGRES_DB", "test",
                "POSTGRES_SCHEMA", schema,
                "REDIS_HOST", "127.0.0.1"));

    StoreCheckTest.Result behind = StoreCheckTest.check(settings, false);
    if (behind.output().contains("Redis at 127.0.0.1:6379: unreachable")) {
      TestServices.skipOrFail("Redis is not reachable at 127.0.0.1:6379:\n" + behind.output());
    }
    assertThat(behind.code()).isEqualTo(1);
    assertThat(behind.output())
        .contains("SQL store: PostgreSQL at 127.0.0.1:5432 (database test, user postgres")
        .containsPattern("server: PostgreSQL \\d+")
        .contains("schema version: none (this build: 7)")
        .contains("schema is behind: 7 pending migration(s)")
        .containsPattern("Redis at 127\\.0\\.0\\.1:6379: version \\d+");

    StoreCheckTest.Result migrated = StoreCheckTest.check(settings, true);
    assertThat(migrated.code()).as(migrated.output()).isZero();
    StoreCheckTest.Result upToDate = StoreCheckTest.check(settings, false);
    assertThat(upToDate.code()).as(upToDate.output()).isZero();
    assertThat(upToDate.output()).contains("schema version: 7 (this build: 7)");
  }
}

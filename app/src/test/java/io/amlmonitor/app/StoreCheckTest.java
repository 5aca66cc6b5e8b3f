package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aml db-check} on the embedded database and against stores that are not there. */
class StoreCheckTest {
  @TempDir Path dir;

  @Test
  void theEmbeddedDatabaseIsMissingUntilMigratedThenReportsItsVersionAndSchemaVersion() {
    Settings settings = settings(Map.of("AML_DATA_DIR", dir.toString()));

    Result missing = check(settings, false);
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.output())
        .contains("no embedded database at " + dir.resolve("db").resolve("aml.mv.db"))
        .contains("aml db-check --migrate");

    Result migrated = check(settings, true);
    assertThat(migrated.code()).as(migrated.output()).isZero();

    Result checked = check(settings, false);
    assertThat(checked.code()).as(checked.output()).isZero();
    assertThat(checked.output())
        .contains("SQL store: embedded H2 database " + dir.resolve("db").resolve("aml.mv.db"))
        .containsPattern("server: H2 2\\.\\d+")
        .contains("schema version: 7 (this build: 7)")
        .contains("All configured stores are reachable and up to date.");
  }

  @Test
  void anUnreachablePostgresqlIsNamedByHostAndPort() {
    Result r = check(settings(Map.of("POSTGRES_HOST", "127.0.0.1", "POSTGRES_PORT", "1")), false);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.output())
        .contains("SQL store: PostgreSQL at 127.0.0.1:1 (database postgres, user postgres")
        .contains("unreachable: cannot reach PostgreSQL at 127.0.0.1:1")
        .contains("A store is unreachable or behind");
  }

  @Test
  void anUnreachableRedisFailsTheCheckAndIsNamed() {
    Result r =
        check(
            settings(
                Map.of(
                    "AML_DATA_DIR", dir.toString(), "REDIS_HOST", "127.0.0.1", "REDIS_PORT", "1")),
            true);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.output())
        .contains("schema version: 7")
        .contains("Redis at 127.0.0.1:1: unreachable:");
  }

  @Test
  void messagesFollowTheLocale() {
    Map<String, String> values = new HashMap<>();
    values.put("AML_DATA_DIR", dir.toString());
    values.put("AML_LOCALE", "pt-BR");
    Result r = check(settings(values), false);

    assertThat(r.output()).contains("ainda não há banco embutido em");
  }

  @Test
  void theCommandLineHasDbCheck() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.execute("db-check", "--help")).isZero();
    } finally {
      System.setOut(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("--migrate", "POSTGRES_HOST");
  }

  /**
   * Settings from {@code values} alone: the environment of the machine running tests is ignored.
   */
  static Settings settings(Map<String, String> values) {
    return Settings.resolve(new ConfigSources(values, Map.of(), Map.of()));
  }

  static Result check(Settings settings, boolean migrate) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code =
        new StoreCheck(settings, new PrintStream(captured, true, StandardCharsets.UTF_8))
            .run(migrate);
    return new Result(code, captured.toString(StandardCharsets.UTF_8));
  }

  record Result(int code, String output) {}
}

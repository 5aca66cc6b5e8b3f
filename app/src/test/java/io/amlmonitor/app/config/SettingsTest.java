package io.amlmonitor.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @Test
  void defaultsWhenNothingIsSet() {
    Settings s = Settings.resolve(new ConfigSources(Map.of(), Map.of(), Map.of()));
    assertThat(s.apiPort()).isEqualTo(8000);
    assertThat(s.dataDir()).isEqualTo(Path.of("data"));
    assertThat(s.locale()).isEqualTo(Locale.ENGLISH);
    assertThat(s.allowedLateness()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void flagsWinOverEnvironmentWhichWinsOverDotEnv() {
    ConfigSources sources =
        new ConfigSources(
            Map.of("API_PORT", "9001"),
            Map.of("API_PORT", "9002", "AML_DATA_DIR", "/env/data"),
            Map.of("API_PORT", "9003", "AML_DATA_DIR", "/dotenv/data", "AML_LOCALE", "pt-BR"));
    Settings s = Settings.resolve(sources);
    assertThat(s.apiPort()).isEqualTo(9001);
    assertThat(s.dataDir()).isEqualTo(Path.of("/env/data"));
    assertThat(s.locale()).isEqualTo(Locale.forLanguageTag("pt-BR"));
  }

  @Test
  void badValueNamesTheSettingAndTheValue() {
    assertThatThrownBy(
            () ->
                Settings.resolve(
                    new ConfigSources(Map.of("API_PORT", "eighty"), Map.of(), Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessage("API_PORT='eighty': is not a whole number");
    assertThatThrownBy(
            () ->
                Settings.resolve(
                    new ConfigSources(Map.of("ALERT_THRESHOLD", "1.5"), Map.of(), Map.of())))
        .hasMessage("ALERT_THRESHOLD='1.5': must be between 0 and 1");
    assertThatThrownBy(
            () ->
                Settings.resolve(new ConfigSources(Map.of("AML_LOCALE", "fr"), Map.of(), Map.of())))
        .hasMessageContaining("AML_LOCALE='fr'");
    assertThatThrownBy(
            () ->
                Settings.resolve(
                    new ConfigSources(Map.of("AML_TIMEZONE", "Mars/Base"), Map.of(), Map.of())))
        .hasMessageContaining("AML_TIMEZONE='Mars/Base'");
  }

  @Test
  void conflictingRiskThresholdsAreRefused() {
    assertThatThrownBy(
            () ->
                Settings.resolve(
                    new ConfigSources(
                        Map.of("RISK_MEDIUM_THRESHOLD", "0.7", "RISK_HIGH_THRESHOLD", "0.6"),
                        Map.of(),
                        Map.of())))
        .hasMessageContaining("RISK_MEDIUM_THRESHOLD")
        .hasMessageContaining("below RISK_HIGH_THRESHOLD");
  }

  @Test
  void everyDistributedSettingIsUsedNowNeo4jIncluded() {
    Settings s =
        Settings.resolve(
            new ConfigSources(
                Map.of(),
                Map.of(
                    "POSTGRES_HOST",
                    "db",
                    "REDIS_HOST",
                    "r",
                    "KAFKA_BOOTSTRAP_SERVERS",
                    "k:9092",
                    "NEO4J_URI",
                    "bolt://n:7687"),
                Map.of()));
    assertThat(s.pendingIntegrations()).isEmpty();
    assertThat(s.graph().neo4j().uri()).hasToString("bolt://n:7687");
    assertThat(s.graph().neo4j().user()).isEqualTo("neo4j");
    assertThat(s.graph().neo4j().password()).isNull();
  }

  @Test
  void aBadNeo4jOrGraphSettingStopsTheProgramNamingIt() {
    assertThatThrownBy(() -> resolve(Map.of("NEO4J_URI", "http://n:7474")))
        .hasMessageContaining("NEO4J_URI")
        .hasMessageContaining("http://n:7474");
    assertThatThrownBy(() -> resolve(Map.of("NEO4J_URI", "bolt://n", "GRAPH_DETECTION", "off")))
        .hasMessageContaining("GRAPH_DETECTION=off");
    assertThatThrownBy(() -> resolve(Map.of("GRAPH_TYPOLOGIES", "cycles")))
        .hasMessageContaining("GRAPH_TYPOLOGIES")
        .hasMessageContaining("cycle, fan_in");
    assertThatThrownBy(() -> resolve(Map.of("GRAPH_AMOUNT_TOLERANCE", "2")))
        .hasMessageContaining("GRAPH_AMOUNT_TOLERANCE");
    assertThat(resolve(Map.of("GRAPH_DETECTION", "off")).graph().detection()).isFalse();
  }

  @Test
  void redisTimeToLiveAndKeyPrefixAreReadAndChecked() {
    Settings s = resolve(Map.of("REDIS_HOST", "r", "REDIS_TTL", "48h", "REDIS_KEY_PREFIX", "x:"));
    assertThat(s.redis().ttl()).isEqualTo(java.time.Duration.ofHours(48));
    assertThat(s.redis().keyPrefix()).isEqualTo("x:");
    assertThat(resolve(Map.of("REDIS_HOST", "r")).redis().ttl())
        .isEqualTo(java.time.Duration.ofHours(24));
    assertThatThrownBy(() -> resolve(Map.of("REDIS_HOST", "r", "REDIS_TTL", "soon")))
        .hasMessageStartingWith("REDIS_TTL='soon'");
  }

  @Test
  void dotEnvFileIsRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(".env");
    Files.writeString(file, "# comment\nexport API_PORT=9100\nAML_LOCALE=\"pt-BR\"\n\n");
    assertThat(ConfigSources.readDotEnv(file))
        .containsEntry("API_PORT", "9100")
        .containsEntry("AML_LOCALE", "pt-BR");
  }

  @Test
  void durationsAcceptShortForms() {
    assertThat(Settings.parseDuration("x", "90s", Duration.ofHours(1)))
        .isEqualTo(Duration.ofSeconds(90));
    assertThat(Settings.parseDuration("x", "5m", Duration.ofHours(1)))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(Settings.parseDuration("x", "250ms", Duration.ofHours(1)))
        .isEqualTo(Duration.ofMillis(250));
    assertThatThrownBy(() -> Settings.parseDuration("--duration", "soon", Duration.ofHours(1)))
        .hasMessage("--duration='soon': is not a duration such as 90s, 5m or 1h");
  }

  @Test
  void theEmbeddedDatabaseUnlessPostgresHostIsSet() {
    Settings embedded =
        Settings.resolve(new ConfigSources(Map.of(), Map.of("POSTGRES_DB", "x"), Map.of()));
    assertThat(embedded.postgres()).isNull();
    assertThat(embedded.redis()).isNull();
    assertThat(embedded.sqlPoolSize()).isEqualTo(4);

    Settings pg =
        Settings.resolve(
            new ConfigSources(
                Map.of("POSTGRES_PORT", "5433"),
                Map.of("POSTGRES_HOST", "db.internal", "POSTGRES_PASSWORD", "hunter2"),
                Map.of("POSTGRES_USER", "aml", "REDIS_HOST", "cache")));
    assertThat(pg.postgres())
        .isEqualTo(new PostgresSettings("db.internal", 5433, "aml", "aml", "hunter2", "public"));
    assertThat(pg.postgres().toString()).doesNotContain("hunter2");
    assertThat(pg.redis())
        .isEqualTo(
            new RedisSettings(
                "cache",
                6379,
                java.time.Duration.ofHours(24),
                "aml:",
                java.time.Duration.ofMillis(10)));
  }

  @Test
  void badStoreSettingsNameTheSettingAndTheValue() {
    assertThatThrownBy(() -> resolve(Map.of("POSTGRES_HOST", "db", "POSTGRES_PORT", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("POSTGRES_PORT='0': must be between 1 and 65535");
    assertThatThrownBy(() -> resolve(Map.of("POSTGRES_HOST", "db", "POSTGRES_SCHEMA", "a;drop")))
        .hasMessageStartingWith("POSTGRES_SCHEMA='a;drop'");
    assertThatThrownBy(() -> resolve(Map.of("POSTGRES_HOST", "db host")))
        .hasMessageStartingWith("POSTGRES_HOST='db host'");
    assertThatThrownBy(() -> resolve(Map.of("REDIS_HOST", "r", "REDIS_PORT", "redis")))
        .hasMessage("REDIS_PORT='redis': is not a whole number");
    assertThatThrownBy(() -> resolve(Map.of("AML_SQL_POOL_SIZE", "1")))
        .hasMessage("AML_SQL_POOL_SIZE='1': must be between 2 and 200");
  }

  private static Settings resolve(Map<String, String> flags) {
    return Settings.resolve(new ConfigSources(flags, Map.of(), Map.of()));
  }
}

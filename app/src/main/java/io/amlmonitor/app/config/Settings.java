package io.amlmonitor.app.config;

import io.amlmonitor.core.scoring.Messages;
import io.amlmonitor.core.scoring.RiskThresholds;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every setting of the embedded runtime, resolved and checked once at start-up. A bad value stops
 * the program with a message naming the setting and the value.
 *
 * @param rulesFile a rules file, or null for the rule set shipped with the system
 * @param pendingIntegrations distributed settings given that the live pipeline does not use yet
 * @param postgres the PostgreSQL system of record, or null for the embedded database file under
 *     {@code dataDir}
 * @param sqlPoolSize connections the SQL store's pool keeps open at most
 * @param redis the Redis server, or null when none is configured
 * @param graph the relationship graph and its network typologies
 */
public record Settings(
    Path dataDir,
    String apiHost,
    int apiPort,
    Locale locale,
    ZoneId zone,
    double alertThreshold,
    RiskThresholds riskThresholds,
    Duration allowedLateness,
    Path rulesFile,
    int pipelinePartitions,
    int queueCapacity,
    long maxBodyBytes,
    int maxBatchSize,
    String logLevel,
    List<String> pendingIntegrations,
    PostgresSettings postgres,
    int sqlPoolSize,
    RedisSettings redis,
    GraphSettings graph) {

  /** Names of the distributed settings that later integrations read. */
  static final List<String> DISTRIBUTED = List.of();

  public static Settings resolve(ConfigSources s) {
    List<String> pending = new ArrayList<>();
    for (String name : DISTRIBUTED) {
      if (s.get(name) != null) {
        pending.add(name);
      }
    }
    double medium = fraction(s, "RISK_MEDIUM_THRESHOLD", 0.3);
    double high = fraction(s, "RISK_HIGH_THRESHOLD", 0.6);
    if (!(medium > 0 && medium < high)) {
      throw new ConfigException(
          "RISK_MEDIUM_THRESHOLD",
          String.valueOf(medium),
          "must be above 0 and below RISK_HIGH_THRESHOLD (" + high + ")");
    }
    String rules = s.get("AML_RULES_FILE");
    return new Settings(
        Path.of(text(s, "AML_DATA_DIR", "data")),
        text(s, "API_HOST", "127.0.0.1"),
        port(s, "API_PORT", 8000),
        locale(s),
        zone(s),
        fraction(s, "ALERT_THRESHOLD", 0.5),
        new RiskThresholds(medium, high),
        duration(s, "AML_ALLOWED_LATENESS", Duration.ofMinutes(5), Duration.ofHours(1)),
        rules == null ? null : Path.of(rules),
        integer(s, "AML_PIPELINE_PARTITIONS", 2, 1, 64),
        integer(s, "AML_QUEUE_CAPACITY", 10_000, 1, 10_000_000),
        integer(s, "AML_MAX_BODY_BYTES", 1 << 20, 1024, 256 << 20),
        integer(s, "AML_MAX_BATCH_SIZE", 1000, 1, 100_000),
        logLevel(s),
        List.copyOf(pending),
        PostgresSettings.resolve(s),
        integer(s, "AML_SQL_POOL_SIZE", 4, 2, 200),
        RedisSettings.resolve(s),
        GraphSettings.resolve(s));
  }

  private static String text(ConfigSources s, String name, String fallback) {
    String v = s.get(name);
    return v == null ? fallback : v;
  }

  private static int port(ConfigSources s, String name, int fallback) {
    return integer(s, name, fallback, 0, 65_535);
  }

  static int integer(ConfigSources s, String name, int fallback, int min, int max) {
    String v = s.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.replace("_", ""));
      if (n < min || n > max) {
        throw new ConfigException(name, v, "must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException(name, v, "is not a whole number");
    }
  }

  static double fraction(ConfigSources s, String name, double fallback) {
    String v = s.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v);
      if (!(d >= 0 && d <= 1)) {
        throw new ConfigException(name, v, "must be between 0 and 1");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new ConfigException(name, v, "is not a number between 0 and 1");
    }
  }

  private static Locale locale(ConfigSources s) {
    String v = text(s, "AML_LOCALE", "en");
    try {
      return Messages.parseLocale(v);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("AML_LOCALE", v, "is not supported; use en or pt-BR");
    }
  }

  private static ZoneId zone(ConfigSources s) {
    String v = text(s, "AML_TIMEZONE", "UTC");
    try {
      return ZoneId.of(v);
    } catch (DateTimeException e) {
      throw new ConfigException(
          "AML_TIMEZONE", v, "is not a time zone such as UTC or America/Sao_Paulo");
    }
  }

  private static String logLevel(ConfigSources s) {
    String v = text(s, "LOG_LEVEL", "INFO").toUpperCase(Locale.ROOT);
    if (!List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(v)) {
      throw new ConfigException("LOG_LEVEL", v, "must be one of TRACE, DEBUG, INFO, WARN, ERROR");
    }
    return v;
  }

  /**
   * Parses {@code 90s}, {@code 5m}, {@code 1h}, {@code 250ms} or an ISO-8601 duration.
   *
   * @throws ConfigException naming {@code name} when the text is not a duration in range
   */
  public static Duration parseDuration(String name, String v, Duration max) {
    Duration d;
    try {
      String t = v.strip().toLowerCase(Locale.ROOT);
      if (t.startsWith("p")) {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } else if (t.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else if (t.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("h")) {
        d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
      } else {
        d = Duration.ofSeconds(Long.parseLong(t));
      }
    } catch (RuntimeException e) {
      throw new ConfigException(name, v, "is not a duration such as 90s, 5m or 1h");
    }
    if (d.isNegative() || d.compareTo(max) > 0) {
      throw new ConfigException(name, v, "must be between 0 and " + max);
    }
    return d;
  }

  static Duration duration(ConfigSources s, String name, Duration fallback, Duration max) {
    String v = s.get(name);
    return v == null ? fallback : parseDuration(name, v, max);
  }
}

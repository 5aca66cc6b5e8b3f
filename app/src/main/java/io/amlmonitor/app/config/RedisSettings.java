package io.amlmonitor.app.config;

import java.time.Duration;

/**
 * Where Redis is, when {@code REDIS_HOST} is set ({@code REDIS_PORT} defaults to 6379), how long an
 * entity's state outlives its last change ({@code REDIS_TTL}, default 24 h) and the prefix of every
 * key ({@code REDIS_KEY_PREFIX}, default {@code aml:}), and how often changed state is written
 * ({@code REDIS_FLUSH_INTERVAL}, default 10 ms).
 */
public record RedisSettings(
    String host, int port, Duration ttl, String keyPrefix, Duration flushInterval) {
  static final Duration DEFAULT_TTL = Duration.ofHours(24);

  /** The settings, or null when {@code REDIS_HOST} is not set. */
  static RedisSettings resolve(ConfigSources s) {
    String host = s.get("REDIS_HOST");
    if (host == null) {
      return null;
    }
    Duration ttl = Settings.duration(s, "REDIS_TTL", DEFAULT_TTL, Duration.ofDays(3650));
    if (ttl.toMillis() < 1000) {
      throw new ConfigException("REDIS_TTL", s.get("REDIS_TTL"), "must be at least 1s");
    }
    String prefix = s.get("REDIS_KEY_PREFIX");
    if (prefix == null) {
      prefix = "aml:";
    } else if (prefix.isBlank() || prefix.chars().anyMatch(Character::isWhitespace)) {
      throw new ConfigException("REDIS_KEY_PREFIX", prefix, "must be non-empty, without spaces");
    }
    Duration flush =
        Settings.duration(s, "REDIS_FLUSH_INTERVAL", Duration.ofMillis(10), Duration.ofSeconds(10));
    if (flush.isZero()) {
      throw new ConfigException(
          "REDIS_FLUSH_INTERVAL", s.get("REDIS_FLUSH_INTERVAL"), "must be positive");
    }
    return new RedisSettings(
        host, Settings.integer(s, "REDIS_PORT", 6379, 1, 65_535), ttl, prefix, flush);
  }
}

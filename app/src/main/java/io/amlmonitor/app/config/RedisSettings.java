package io.amlmonitor.app.config;

/** Where Redis is, when {@code REDIS_HOST} is set ({@code REDIS_PORT} defaults to 6379). */
public record RedisSettings(String host, int port) {
  /** The settings, or null when {@code REDIS_HOST} is not set. */
  static RedisSettings resolve(ConfigSources s) {
    String host = s.get("REDIS_HOST");
    if (host == null) {
      return null;
    }
    return new RedisSettings(host, Settings.integer(s, "REDIS_PORT", 6379, 1, 65_535));
  }
}

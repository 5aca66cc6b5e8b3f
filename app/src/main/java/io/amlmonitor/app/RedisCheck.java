package io.amlmonitor.app;

import io.amlmonitor.app.config.RedisSettings;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/** Pings a Redis server and reads its version. */
final class RedisCheck {
  private static final int TIMEOUT_MILLIS = 3_000;

  private RedisCheck() {}

  /**
   * The server's version.
   *
   * @throws JedisException when the server cannot be reached or does not answer the ping
   */
  static String version(RedisSettings redis) {
    try (Jedis jedis =
        new Jedis(
            new HostAndPort(redis.host(), redis.port()),
            DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS)
                .socketTimeoutMillis(TIMEOUT_MILLIS)
                .clientName("aml-db-check")
                .autoNegotiateProtocol(false)
                .build())) {
      String pong = jedis.ping();
      if (!"PONG".equals(pong)) {
        throw new JedisException("answered the ping with " + pong);
      }
      for (String line : jedis.info("server").split("\r?\n")) {
        if (line.startsWith("redis_version:")) {
          return line.substring("redis_version:".length()).strip();
        }
      }
      return "unknown";
    }
  }
}

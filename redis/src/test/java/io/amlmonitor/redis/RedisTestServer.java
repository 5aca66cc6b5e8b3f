package io.amlmonitor.redis;

import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;

/** The machine's Redis for integration tests: skip without it, unless services are required. */
final class RedisTestServer {
  static final String HOST = "127.0.0.1";
  static final int PORT = 6379;

  private RedisTestServer() {}

  static void requireUp() {
    try (Jedis jedis = new Jedis(HOST, PORT)) {
      jedis.ping();
    } catch (RuntimeException e) {
      String why = "Redis is not reachable at " + HOST + ":" + PORT + ": " + e.getMessage();
      if (Boolean.getBoolean("aml.require.services")) {
        throw new IllegalStateException(why, e);
      }
      Assumptions.abort(why);
    }
  }

  static void removeKeys(String prefix) {
    try (Jedis jedis = new Jedis(HOST, PORT)) {
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

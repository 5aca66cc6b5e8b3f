package io.amlmonitor.redis;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Everything stored under one key prefix, as a whole. */
public final class RedisPrefix {
  private static final int TIMEOUT_MILLIS = 3_000;

  private RedisPrefix() {}

  /**
   * Deletes every key that starts with {@code prefix} ({@code SCAN} then {@code UNLINK}, page by
   * page, so the server is never blocked): for a run that must start from nothing, such as a demo.
   *
   * @return how many keys were deleted
   * @throws RedisStoreException when Redis cannot be reached
   */
  public static long clear(String host, int port, String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      throw new IllegalArgumentException("an empty prefix would clear the whole database");
    }
    ScanParams params = new ScanParams().match(globEscaped(prefix) + "*").count(1_000);
    long deleted = 0;
    try (Jedis jedis = new Jedis(host, port, TIMEOUT_MILLIS)) {
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        ScanResult<String> page = jedis.scan(cursor, params);
        if (!page.getResult().isEmpty()) {
          deleted += jedis.unlink(page.getResult().toArray(new String[0]));
        }
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    } catch (JedisException e) {
      throw new RedisStoreException(
          "cannot clear the keys under " + prefix + " in Redis at " + host + ":" + port, e);
    }
    return deleted;
  }

  /** {@code prefix} with the glob characters of {@code SCAN MATCH} taken literally. */
  static String globEscaped(String prefix) {
    StringBuilder b = new StringBuilder(prefix.length() + 4);
    for (char c : prefix.toCharArray()) {
      if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }
}

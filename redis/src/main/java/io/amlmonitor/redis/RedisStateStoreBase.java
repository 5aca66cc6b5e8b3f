package io.amlmonitor.redis;

import io.amlmonitor.core.feature.EntityState;
import io.amlmonitor.core.feature.EntityStateCodec;
import io.amlmonitor.core.feature.EntityStateCodec.IncompatibleStateException;
import io.amlmonitor.core.feature.EntityStateStore;
import io.amlmonitor.core.feature.EntityType;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * What both Redis state stores share: the connection pool, the key layout {@code
 * <prefix>state:<TYPE>:<id>}, decoding (state written under another catalogue is dropped, counted
 * and logged, never misread), counting and errors that name the server.
 */
abstract sealed class RedisStateStoreBase implements EntityStateStore, AutoCloseable
    permits RedisEntityStateStore, CachedRedisEntityStateStore {
  private static final Logger LOG = LoggerFactory.getLogger(RedisStateStoreBase.class);

  final JedisPool pool;
  final EntityStateCodec codec;
  final String prefix;
  final long ttlMillis;
  final String server;
  private final AtomicLong incompatible = new AtomicLong();

  RedisStateStoreBase(String host, int port, EntityStateCodec codec, String prefix, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("time to live must be positive, was " + ttl);
    }
    JedisPoolConfig config = new JedisPoolConfig();
    config.setMaxTotal(32);
    config.setJmxEnabled(false);
    this.pool = new JedisPool(config, host, port, 2_000);
    this.codec = Objects.requireNonNull(codec, "codec");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.ttlMillis = ttl.toMillis();
    this.server = host + ":" + port;
  }

  /** Counts the entity keys of {@code type} with {@code SCAN}: for reports, not for hot paths. */
  @Override
  public long size(EntityType type) {
    ScanParams params = new ScanParams().match(prefix + "state:" + type + ":*").count(1_000);
    long n = 0;
    try (Jedis jedis = pool.getResource()) {
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        ScanResult<String> page = jedis.scan(cursor, params);
        n += page.getResult().size();
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    } catch (JedisException e) {
      throw failure("count " + type + " entities", e);
    }
    return n;
  }

  /** Entities whose stored state was written under another catalogue and was dropped. */
  public long incompatibleStates() {
    return incompatible.get();
  }

  /** The server's {@code PING} answer, to check it is reachable. */
  public String ping() {
    try (Jedis jedis = pool.getResource()) {
      return jedis.ping();
    } catch (JedisException e) {
      throw failure("ping", e);
    }
  }

  /** The state in a stored value, or null when there is none or it does not fit the catalogue. */
  final EntityState decode(EntityType type, String id, byte[] held) {
    if (held == null) {
      return null;
    }
    try {
      return codec.decode(type, id, StateEnvelope.state(held));
    } catch (IncompatibleStateException e) {
      if (incompatible.getAndIncrement() == 0) {
        LOG.warn("dropping feature state that does not fit this catalogue: {}", e.getMessage());
      }
      return null;
    }
  }

  final byte[] key(EntityType type, String id) {
    return StateEnvelope.key(prefix, type, id);
  }

  final RedisStoreException failure(String what, JedisException e) {
    return new RedisStoreException(
        "Redis at " + server + ": cannot " + what + ": " + e.getMessage(), e);
  }

  /** Where the server is, {@code host:port}. */
  public String server() {
    return server;
  }

  @Override
  public void close() {
    pool.close();
  }
}

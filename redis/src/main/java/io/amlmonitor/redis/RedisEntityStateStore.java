package io.amlmonitor.redis;

import io.amlmonitor.core.feature.EntityState;
import io.amlmonitor.core.feature.EntityStateCodec;
import io.amlmonitor.core.feature.EntityStateCodec.IncompatibleStateException;
import io.amlmonitor.core.feature.EntityStateStore;
import io.amlmonitor.core.feature.EntityType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Feature state in Redis, shared by every API instance and stream worker pointed at the same
 * server: one key per entity, {@code <prefix>state:<TYPE>:<id>}, holding the entity's window state
 * as {@link EntityStateCodec} bytes — raw events, tiles, party memory — so features are still
 * evaluated against the read clock by whoever reads them. Each write renews the key's time to live.
 *
 * <p>An update is optimistic: {@code WATCH} the key, read it, apply the change, then write it in a
 * {@code MULTI}/{@code EXEC} that Redis refuses if another client wrote the key in between, and
 * start again. The change may therefore run more than once and must only change the state (the
 * port's contract). State written under another feature catalogue is not misread: it is dropped,
 * counted ({@link #incompatibleStates()}) and logged, and the entity starts afresh.
 */
public final class RedisEntityStateStore implements EntityStateStore, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisEntityStateStore.class);
  private static final int MAX_ATTEMPTS = 100;

  private final JedisPool pool;
  private final EntityStateCodec codec;
  private final String prefix;
  private final long ttlMillis;
  private final String server;
  private final AtomicLong incompatible = new AtomicLong();

  /**
   * @param prefix prepended to every key, so several deployments or test runs can share a server
   * @param ttl how long an entity's state outlives its last change
   */
  public RedisEntityStateStore(
      String host, int port, EntityStateCodec codec, String prefix, Duration ttl) {
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

  @Override
  public <R> R update(EntityType type, String id, Function<EntityState, R> change) {
    byte[] key = key(type, id);
    try (Jedis jedis = pool.getResource()) {
      for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        jedis.watch(key);
        EntityState state = decode(type, id, jedis.get(key));
        if (state == null) {
          state = new EntityState(id);
        }
        R result = change.apply(state);
        Transaction tx = jedis.multi();
        tx.psetex(key, ttlMillis, codec.encode(state));
        List<Object> written = tx.exec();
        if (written != null && !written.isEmpty()) {
          return result;
        }
      }
    } catch (JedisException e) {
      throw failure("update " + type + " " + id, e);
    }
    throw new RedisStoreException(
        "gave up updating " + type + " " + id + " after " + MAX_ATTEMPTS + " conflicting writes");
  }

  @Override
  public <R> R read(EntityType type, String id, Function<EntityState, R> query) {
    byte[] held;
    try (Jedis jedis = pool.getResource()) {
      held = jedis.get(key(type, id));
    } catch (JedisException e) {
      throw failure("read " + type + " " + id, e);
    }
    return query.apply(decode(type, id, held));
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

  private EntityState decode(EntityType type, String id, byte[] held) {
    if (held == null) {
      return null;
    }
    try {
      return codec.decode(type, id, held);
    } catch (IncompatibleStateException e) {
      if (incompatible.getAndIncrement() == 0) {
        LOG.warn("dropping feature state that does not fit this catalogue: {}", e.getMessage());
      }
      return null;
    }
  }

  private byte[] key(EntityType type, String id) {
    return (prefix + "state:" + type + ":" + id).getBytes(StandardCharsets.UTF_8);
  }

  private RedisStoreException failure(String what, JedisException e) {
    return new RedisStoreException(
        "Redis at " + server + ": cannot " + what + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    pool.close();
  }
}

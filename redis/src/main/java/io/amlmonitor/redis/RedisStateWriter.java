package io.amlmonitor.redis;

import io.amlmonitor.core.feature.EntityState;
import io.amlmonitor.core.feature.EntityStateCodec;
import io.amlmonitor.core.feature.EntityType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Writes whole entity states, in the layout {@link CachedRedisEntityStateStore} reads, for a writer
 * that owns its entities and keeps their state itself (a stream job partitioned by entity): plain
 * pipelined {@code SET}s with a version that only grows, no compare-and-set. Only one such writer
 * may write under a key prefix, and no {@link CachedRedisEntityStateStore} may write beside it.
 */
public final class RedisStateWriter implements AutoCloseable {
  private static final int PIPELINE_BATCH = 2_000;

  /** One entity's state to write. */
  public record Change(EntityType type, EntityState state) {
    public Change {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(state, "state");
    }
  }

  private final JedisPool pool;
  private final EntityStateCodec codec;
  private final String prefix;
  private final SetParams expiry;
  private final String server;
  private final byte[] populationKey;
  // Versions start from the clock, so a restarted writer's versions exceed those it wrote before.
  private final AtomicLong version = new AtomicLong(System.currentTimeMillis() * 1_000);

  public RedisStateWriter(
      String host, int port, EntityStateCodec codec, String prefix, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("time to live must be positive, was " + ttl);
    }
    JedisPoolConfig config = new JedisPoolConfig();
    config.setMaxTotal(4);
    config.setJmxEnabled(false);
    this.pool = new JedisPool(config, host, port, 2_000);
    this.codec = Objects.requireNonNull(codec, "codec");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.expiry = SetParams.setParams().px(ttl.toMillis());
    this.server = host + ":" + port;
    this.populationKey = (prefix + "population").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes {@code changes} and, when not null, the population statistics, in pipelined round trips;
   * returns once Redis has acknowledged them all.
   *
   * @throws RedisStoreException naming the server when it cannot be reached
   */
  public void write(Collection<Change> changes, byte[] population) {
    try (Jedis jedis = pool.getResource()) {
      Pipeline p = jedis.pipelined();
      int pending = 0;
      for (Change c : changes) {
        byte[] value = StateEnvelope.wrap(version.incrementAndGet(), codec.encode(c.state()));
        p.set(StateEnvelope.key(prefix, c.type(), c.state().id()), value, expiry);
        if (++pending == PIPELINE_BATCH) {
          p.sync();
          pending = 0;
        }
      }
      if (population != null) {
        p.set(populationKey, population);
      }
      p.sync();
    } catch (JedisException e) {
      throw new RedisStoreException(
          "Redis at "
              + server
              + ": cannot write "
              + changes.size()
              + " entity states: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}

package io.amlmonitor.redis;

import io.amlmonitor.core.feature.EntityState;
import io.amlmonitor.core.feature.EntityStateCodec;
import io.amlmonitor.core.feature.EntityType;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Feature state in Redis, shared by every API instance and stream worker pointed at the same
 * server: one key per entity, {@code <prefix>state:<TYPE>:<id>}, holding the entity's window state
 * as {@link EntityStateCodec} bytes in a {@link StateEnvelope} — raw events, tiles, party memory —
 * so features are still evaluated against the read clock by whoever reads them. Each write renews
 * the key's time to live.
 *
 * <p>An update is optimistic: {@code WATCH} the key, read it, apply the change, then write it in a
 * {@code MULTI}/{@code EXEC} that Redis refuses if another client wrote the key in between, and
 * start again. The change may therefore run more than once and must only change the state (the
 * port's contract). State written under another feature catalogue is not misread: it is dropped,
 * counted ({@link #incompatibleStates()}) and logged, and the entity starts afresh.
 */
public final class RedisEntityStateStore extends RedisStateStoreBase {
  private static final int MAX_ATTEMPTS = 100;

  /**
   * @param prefix prepended to every key, so several deployments or test runs can share a server
   * @param ttl how long an entity's state outlives its last change
   */
  public RedisEntityStateStore(
      String host, int port, EntityStateCodec codec, String prefix, Duration ttl) {
    super(host, port, codec, prefix, ttl);
  }

  @Override
  public <R> R update(EntityType type, String id, Function<EntityState, R> change) {
    byte[] key = key(type, id);
    try (Jedis jedis = pool.getResource()) {
      for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        jedis.watch(key);
        byte[] held = jedis.get(key);
        EntityState state = decode(type, id, held);
        if (state == null) {
          state = new EntityState(id);
        }
        R result = change.apply(state);
        Transaction tx = jedis.multi();
        tx.psetex(
            key,
            ttlMillis,
            StateEnvelope.wrap(StateEnvelope.version(held) + 1, codec.encode(state)));
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
}

package io.amlmonitor.redis;

import io.amlmonitor.core.feature.EntityState;
import io.amlmonitor.core.feature.EntityStateCodec;
import io.amlmonitor.core.feature.EntityType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Feature state in Redis, written behind: updates change a working copy of the entity's state in
 * this process, and a flusher writes every changed entity in one pipelined round trip every flush
 * interval (10 ms by default). An update therefore costs no round trip once the entity is loaded,
 * and Redis sees one write per entity per interval however many events it took.
 *
 * <p>Each write is a compare-and-set inside Redis (a Lua script over the {@link StateEnvelope}
 * version): if another process wrote the entity since this one read it, the write is refused, the
 * entity is read again and the changes not yet written are applied to it once more (the port's
 * contract lets a change run more than once), so no update is lost. This store is made for one
 * writing process per key prefix (the embedded pipeline, or a stream job that partitions entities);
 * several may write, correctly but with conflicts, and {@link RedisEntityStateStore} then suits
 * better.
 *
 * <p>Readers that did not load an entity read it from Redis at each call: another instance serves
 * what the writer flushed, at most one flush interval old. After every flush that left nothing
 * behind, the store records a checkpoint: the instant given by the checkpoint source when the flush
 * began, so that a restarted writer replays only what the system of record received since.
 */
public final class CachedRedisEntityStateStore extends RedisStateStoreBase {
  private static final Logger LOG = LoggerFactory.getLogger(CachedRedisEntityStateStore.class);
  private static final int PIPELINE_BATCH = 2_000;

  /** SET the key only if its current version bytes are the expected ones (empty: no key). */
  private static final String COMPARE_AND_SET =
      "local cur = redis.call('GET', KEYS[1])\n"
          + "if (not cur and ARGV[1] == '') or (cur and string.sub(cur, 1, 8) == ARGV[1]) then\n"
          + "  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])\n"
          + "  return 1\n"
          + "end\n"
          + "return 0\n";

  private final ConcurrentHashMap<String, Entry> working = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Entry> dirty = new ConcurrentLinkedQueue<>();
  private final AtomicInteger dirtyCount = new AtomicInteger();
  private final Object flushLock = new Object();
  private final long flushIntervalNanos;
  private final Thread flusher;
  private final byte[] checkpointKey;
  private final LongAdder written = new LongAdder();
  private final LongAdder conflicts = new LongAdder();
  private final LongAdder failedFlushes = new LongAdder();
  private volatile byte[] scriptSha;
  private volatile Supplier<Instant> checkpointSource;
  private volatile Supplier<byte[]> populationSource;
  private final byte[] populationKey;
  private volatile String lastFlushError;
  private volatile boolean closed;

  /** One entity's working copy; guarded by its own monitor. */
  private static final class Entry {
    final EntityType type;
    final String id;
    final byte[] key;
    EntityState state;
    long version;
    boolean dirty;
    final List<Function<EntityState, ?>> unwritten = new ArrayList<>(2);

    Entry(EntityType type, String id, byte[] key, EntityState state, long version) {
      this.type = type;
      this.id = id;
      this.key = key;
      this.state = state;
      this.version = version;
    }
  }

  private record Write(Entry entry, long expected, int changes, Response<Object> answer) {}

  /**
   * Starts the flusher.
   *
   * @param prefix prepended to every key, so several deployments or test runs can share a server
   * @param ttl how long an entity's state outlives its last change
   * @param flushInterval how often changed entities are written
   */
  public CachedRedisEntityStateStore(
      String host,
      int port,
      EntityStateCodec codec,
      String prefix,
      Duration ttl,
      Duration flushInterval) {
    super(host, port, codec, prefix, ttl);
    if (flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException("flush interval must be positive, was " + flushInterval);
    }
    this.flushIntervalNanos = flushInterval.toNanos();
    this.checkpointKey = (prefix + "checkpoint").getBytes(StandardCharsets.UTF_8);
    this.populationKey = (prefix + "population").getBytes(StandardCharsets.UTF_8);
    this.flusher = new Thread(this::flushLoop, "redis-state-flusher");
    flusher.setDaemon(true);
    flusher.start();
  }

  @Override
  public <R> R update(EntityType type, String id, Function<EntityState, R> change) {
    Entry e = entry(type, id);
    R result;
    synchronized (e) {
      result = change.apply(e.state);
      e.unwritten.add(change);
      if (!e.dirty) {
        e.dirty = true;
        dirty.add(e);
        if (dirtyCount.incrementAndGet() >= PIPELINE_BATCH) {
          LockSupport.unpark(flusher);
        }
      }
    }
    return result;
  }

  /** Yes: on a conflict with another writer, unwritten changes are applied again. */
  @Override
  public boolean appliesChangesLater() {
    return true;
  }

  private Entry entry(EntityType type, String id) {
    String k = type.ordinal() + id;
    Entry e = working.get(k);
    if (e != null) {
      return e;
    }
    byte[] key = key(type, id);
    byte[] held;
    try (Jedis jedis = pool.getResource()) {
      held = jedis.get(key);
    } catch (JedisException ex) {
      throw failure("load " + type + " " + id, ex);
    }
    EntityState state = decode(type, id, held);
    Entry loaded =
        new Entry(
            type,
            id,
            key,
            state == null ? new EntityState(id) : state,
            StateEnvelope.version(held));
    Entry raced = working.putIfAbsent(k, loaded);
    return raced == null ? loaded : raced;
  }

  @Override
  public <R> R read(EntityType type, String id, Function<EntityState, R> query) {
    Entry e = working.get(type.ordinal() + id);
    if (e != null) {
      synchronized (e) {
        return query.apply(e.state);
      }
    }
    byte[] held;
    try (Jedis jedis = pool.getResource()) {
      held = jedis.get(key(type, id));
    } catch (JedisException ex) {
      throw failure("read " + type + " " + id, ex);
    }
    return query.apply(decode(type, id, held));
  }

  /**
   * What the checkpoint records after each complete flush: an instant before which everything the
   * writer accepted has been applied (the writer knows; this store only keeps it).
   */
  public void checkpointFrom(Supplier<Instant> source) {
    this.checkpointSource = source;
  }

  /**
   * What each complete flush also writes under {@code <prefix>population}: the writer's population
   * statistics, for instances that only read.
   */
  public void populationFrom(Supplier<byte[]> source) {
    this.populationSource = source;
  }

  /** The population statistics last written under this prefix, if any. */
  public Optional<byte[]> population() {
    try (Jedis jedis = pool.getResource()) {
      return Optional.ofNullable(jedis.get(populationKey));
    } catch (JedisException ex) {
      throw failure("read the population statistics", ex);
    }
  }

  /** The last checkpoint written under this prefix, if any. */
  public Optional<Instant> checkpoint() {
    try (Jedis jedis = pool.getResource()) {
      byte[] v = jedis.get(checkpointKey);
      return v == null
          ? Optional.empty()
          : Optional.of(
              Instant.ofEpochMilli(Long.parseLong(new String(v, StandardCharsets.US_ASCII))));
    } catch (JedisException ex) {
      throw failure("read the checkpoint", ex);
    }
  }

  private void flushLoop() {
    while (!closed) {
      LockSupport.parkNanos(flushIntervalNanos);
      try {
        flush();
      } catch (RuntimeException e) {
        // counted and kept in lastFlushError by flush(); the entities stay dirty
      }
    }
  }

  /**
   * Writes every entity changed since the last flush, in pipelined batches.
   *
   * @return true when everything was written (no conflict, no failure)
   * @throws RedisStoreException when Redis cannot be reached; the entities stay to be written
   */
  public boolean flush() {
    synchronized (flushLock) {
      Supplier<Instant> source = checkpointSource;
      Instant checkpoint = source == null ? null : source.get();
      boolean clean = true;
      boolean wroteAny = false;
      List<Entry> batch = new ArrayList<>();
      Entry e;
      while (true) {
        batch.clear();
        while (batch.size() < PIPELINE_BATCH && (e = dirty.poll()) != null) {
          dirtyCount.decrementAndGet();
          batch.add(e);
        }
        if (batch.isEmpty()) {
          break;
        }
        wroteAny = true;
        clean &= writeBatch(batch);
      }
      Supplier<byte[]> population = populationSource;
      if (clean && (checkpoint != null || population != null)) {
        try (Jedis jedis = pool.getResource()) {
          if (population != null && wroteAny) {
            jedis.set(populationKey, population.get());
          }
          if (checkpoint != null) {
            jedis.set(
                checkpointKey,
                Long.toString(checkpoint.toEpochMilli()).getBytes(StandardCharsets.US_ASCII));
          }
        } catch (JedisException ex) {
          throw recordFailure(failure("write the checkpoint", ex));
        }
      }
      if (clean) {
        lastFlushError = null;
      }
      return clean;
    }
  }

  private boolean writeBatch(List<Entry> batch) {
    List<Write> writes = new ArrayList<>(batch.size());
    byte[] ttl = Long.toString(ttlMillis).getBytes(StandardCharsets.US_ASCII);
    try (Jedis jedis = pool.getResource()) {
      byte[] sha = script(jedis);
      Pipeline p = jedis.pipelined();
      for (Entry e : batch) {
        long expected;
        int changes;
        byte[] value;
        synchronized (e) {
          e.dirty = false;
          expected = e.version;
          changes = e.unwritten.size();
          value = StateEnvelope.wrap(expected + 1, codec.encode(e.state));
        }
        Response<Object> answer =
            p.evalsha(sha, List.of(e.key), List.of(StateEnvelope.expected(expected), value, ttl));
        writes.add(new Write(e, expected, changes, answer));
      }
      p.sync();
    } catch (JedisException ex) {
      batch.forEach(this::markDirty);
      if (ex instanceof JedisDataException
          && String.valueOf(ex.getMessage()).startsWith("NOSCRIPT")) {
        scriptSha = null;
      }
      throw recordFailure(failure("write " + batch.size() + " entities", ex));
    }
    boolean clean = true;
    for (Write w : writes) {
      Object answer;
      try {
        answer = w.answer().get();
      } catch (JedisDataException ex) {
        scriptSha = null;
        markDirty(w.entry());
        clean = false;
        continue;
      }
      if (Long.valueOf(1).equals(answer)) {
        synchronized (w.entry()) {
          w.entry().version = w.expected() + 1;
          w.entry().unwritten.subList(0, w.changes()).clear();
        }
        written.increment();
      } else {
        conflicts.increment();
        clean = false;
        reapply(w.entry());
      }
    }
    return clean;
  }

  /** Another process wrote the entity: take its state and apply our unwritten changes again. */
  private void reapply(Entry e) {
    if (conflicts.sum() == 1) {
      LOG.warn(
          "Another process wrote {} {} under prefix {}: applying this process's changes again "
              + "(one writer per prefix avoids this)",
          e.type,
          e.id,
          prefix);
    }
    byte[] held;
    try (Jedis jedis = pool.getResource()) {
      held = jedis.get(e.key);
    } catch (JedisException ex) {
      markDirty(e);
      throw recordFailure(failure("reload " + e.type + " " + e.id, ex));
    }
    synchronized (e) {
      EntityState fresh = decode(e.type, e.id, held);
      if (fresh == null) {
        fresh = new EntityState(e.id);
      }
      for (Function<EntityState, ?> change : e.unwritten) {
        change.apply(fresh);
      }
      e.state = fresh;
      e.version = StateEnvelope.version(held);
    }
    markDirty(e);
  }

  private void markDirty(Entry e) {
    synchronized (e) {
      if (!e.dirty) {
        e.dirty = true;
        dirty.add(e);
        dirtyCount.incrementAndGet();
      }
    }
  }

  private byte[] script(Jedis jedis) {
    byte[] sha = scriptSha;
    if (sha == null) {
      sha = jedis.scriptLoad(COMPARE_AND_SET.getBytes(StandardCharsets.UTF_8));
      scriptSha = sha;
    }
    return sha;
  }

  private RedisStoreException recordFailure(RedisStoreException e) {
    failedFlushes.increment();
    if (lastFlushError == null) {
      LOG.warn("Cannot write feature state to Redis, will retry: {}", e.getMessage());
    }
    lastFlushError = e.getMessage();
    return e;
  }

  /** Entities changed and not yet written. */
  public int unwrittenEntities() {
    return dirtyCount.get();
  }

  /** Entity writes Redis accepted. */
  public long writtenCount() {
    return written.sum();
  }

  /** Writes refused because another process had written the entity. */
  public long conflictCount() {
    return conflicts.sum();
  }

  /** Flushes that could not reach Redis. */
  public long failedFlushCount() {
    return failedFlushes.sum();
  }

  /** Why the last flush failed, or null when the last one succeeded. */
  public String lastFlushError() {
    return lastFlushError;
  }

  /** Writes what is unwritten, then closes the connections. */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(flusher);
    try {
      flusher.join(5_000);
      flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RedisStoreException e) {
      LOG.error("Closing with {} entities not written: {}", unwrittenEntities(), e.getMessage());
    }
    super.close();
  }
}

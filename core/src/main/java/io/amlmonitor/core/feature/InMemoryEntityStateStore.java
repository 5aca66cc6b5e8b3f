package io.amlmonitor.core.feature;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Entity state in this process's memory: the embedded default. Each entity type has its own table,
 * split into segments that each guard their entities with one lock, so a call on one entity is
 * atomic and calls on entities in different segments run in parallel.
 *
 * <p>Implementation note: a segment is an open-addressing table of 64-bit id hashes beside the
 * states, probed linearly. A lookup touches the hash slot, the state slot and the state itself,
 * which keeps the id's first characters to confirm the match; a {@code ConcurrentHashMap} touches
 * its bin, its node, the key string and the string's bytes before reaching the state. At 100,000
 * customers each of those is a cache miss, and a payment looks up three entities.
 */
public final class InMemoryEntityStateStore implements EntityStateStore {
  private static final int SEGMENT_BITS = 6;

  private final Map<EntityType, Segment[]> tables = new EnumMap<>(EntityType.class);

  public InMemoryEntityStateStore() {
    for (EntityType type : EntityType.values()) {
      Segment[] segments = new Segment[1 << SEGMENT_BITS];
      for (int i = 0; i < segments.length; i++) {
        segments[i] = new Segment();
      }
      tables.put(type, segments);
    }
  }

  @Override
  public <R> R update(EntityType type, String id, Function<EntityState, R> change) {
    return update(type, id, Hash64.of(id), change);
  }

  @Override
  public <R> R update(EntityType type, String id, long hash, Function<EntityState, R> change) {
    Segment segment = segment(type, hash);
    synchronized (segment) {
      return change.apply(segment.getOrCreate(hash, id));
    }
  }

  @Override
  public <A, R> R update(
      EntityType type,
      String id,
      long hash,
      A argument,
      BiFunction<EntityState, ? super A, R> change) {
    Segment segment = segment(type, hash);
    synchronized (segment) {
      return change.apply(segment.getOrCreate(hash, id), argument);
    }
  }

  @Override
  public <R> R read(EntityType type, String id, Function<EntityState, R> query) {
    return read(type, id, Hash64.of(id), query);
  }

  @Override
  public <R> R read(EntityType type, String id, long hash, Function<EntityState, R> query) {
    Segment segment = segment(type, hash);
    synchronized (segment) {
      return query.apply(segment.get(hash, id));
    }
  }

  /** Finds the state by its hash alone, without the lock: see the interface. */
  @Override
  public EntityState peek(EntityType type, long hash) {
    return segment(type, hash).peek(hash);
  }

  @Override
  public long size(EntityType type) {
    long n = 0;
    for (Segment segment : tables.get(type)) {
      synchronized (segment) {
        n += segment.size;
      }
    }
    return n;
  }

  private Segment segment(EntityType type, long hash) {
    return tables.get(type)[(int) (hash >>> (64 - SEGMENT_BITS))];
  }

  /** One open-addressing table; hash 0 marks an empty slot (Hash64 never returns 0). */
  private static final class Segment {
    private long[] hashes = new long[16];
    private EntityState[] states = new EntityState[16];
    private int size;

    EntityState get(long hash, String id) {
      int i = find(hash, id);
      return i >= 0 ? states[i] : null;
    }

    /**
     * The state whose hash is {@code hash}, read without the lock: the arrays may be replaced or
     * changing meanwhile, so it reads within bounds, gives up after a few probes and may miss.
     */
    EntityState peek(long hash) {
      long[] h = hashes;
      EntityState[] s = states;
      int mask = Math.min(h.length, s.length) - 1;
      int i = (int) hash & mask;
      for (int probes = 0; probes < 4; probes++, i = (i + 1) & mask) {
        long k = h[i];
        if (k == hash) {
          return s[i];
        }
        if (k == 0) {
          return null;
        }
      }
      return null;
    }

    EntityState getOrCreate(long hash, String id) {
      int i = find(hash, id);
      if (i >= 0) {
        return states[i];
      }
      EntityState state = new EntityState(id);
      if ((size + 1) * 2 > hashes.length) {
        grow();
        insert(hash, state);
      } else {
        hashes[-i - 1] = hash;
        states[-i - 1] = state;
      }
      size++;
      return state;
    }

    /** The slot holding {@code id}, or {@code -(empty slot) - 1} where it would go. */
    private int find(long hash, String id) {
      int mask = hashes.length - 1;
      for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
        long h = hashes[i];
        if (h == 0) {
          return -i - 1;
        }
        if (h == hash && states[i].hasId(id)) {
          return i;
        }
      }
    }

    private void grow() {
      long[] oldHashes = hashes;
      EntityState[] oldStates = states;
      hashes = new long[oldHashes.length * 2];
      states = new EntityState[oldHashes.length * 2];
      for (int i = 0; i < oldHashes.length; i++) {
        if (oldHashes[i] != 0) {
          insert(oldHashes[i], oldStates[i]);
        }
      }
    }

    private void insert(long hash, EntityState state) {
      int mask = hashes.length - 1;
      int i = (int) hash & mask;
      while (hashes[i] != 0) {
        i = (i + 1) & mask;
      }
      hashes[i] = hash;
      states[i] = state;
    }
  }
}

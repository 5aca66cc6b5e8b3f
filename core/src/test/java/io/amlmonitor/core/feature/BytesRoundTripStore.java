package io.amlmonitor.core.feature;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A store that keeps each entity only as the bytes of {@link EntityStateCodec}, decoding before and
 * encoding after every call, as a store outside the process must: any state the codec loses shows
 * up as a feature that differs from the oracle.
 */
final class BytesRoundTripStore implements EntityStateStore {
  private final EntityStateCodec codec;
  private final Map<EntityType, Map<String, byte[]>> bytes = new HashMap<>();

  BytesRoundTripStore(EntityStateCodec codec) {
    this.codec = codec;
  }

  @Override
  public synchronized <R> R update(EntityType type, String id, Function<EntityState, R> change) {
    Map<String, byte[]> table = bytes.computeIfAbsent(type, t -> new HashMap<>());
    byte[] held = table.get(id);
    EntityState state = held == null ? new EntityState(id) : codec.decode(type, id, held);
    R result = change.apply(state);
    table.put(id, codec.encode(state));
    return result;
  }

  @Override
  public synchronized <R> R read(EntityType type, String id, Function<EntityState, R> query) {
    byte[] held = bytes.getOrDefault(type, Map.of()).get(id);
    EntityState state = held == null ? null : codec.decode(type, id, held);
    // Nothing a read does is written back: reads must not need to change stored state.
    return query.apply(state);
  }

  synchronized void put(EntityType type, String id, byte[] state) {
    bytes.computeIfAbsent(type, t -> new HashMap<>()).put(id, state);
  }

  @Override
  public synchronized long size(EntityType type) {
    return bytes.getOrDefault(type, Map.of()).size();
  }
}

package io.amlmonitor.core.feature;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Entity state in this process's memory, guarded per entity: the embedded default. */
public final class InMemoryEntityStateStore implements EntityStateStore {
  private final Map<EntityType, ConcurrentHashMap<String, EntityState>> states =
      new EnumMap<>(EntityType.class);

  public InMemoryEntityStateStore() {
    for (EntityType type : EntityType.values()) {
      states.put(type, new ConcurrentHashMap<>());
    }
  }

  @Override
  public <R> R update(EntityType type, String id, Function<EntityState, R> change) {
    ConcurrentHashMap<String, EntityState> map = states.get(type);
    EntityState state = map.get(id); // the common case, without computeIfAbsent's bin lock
    if (state == null) {
      state = map.computeIfAbsent(id, k -> new EntityState());
    }
    synchronized (state) {
      return change.apply(state);
    }
  }

  @Override
  public <R> R read(EntityType type, String id, Function<EntityState, R> query) {
    EntityState state = states.get(type).get(id);
    if (state == null) {
      return query.apply(null);
    }
    synchronized (state) {
      return query.apply(state);
    }
  }

  @Override
  public long size(EntityType type) {
    return states.get(type).size();
  }
}

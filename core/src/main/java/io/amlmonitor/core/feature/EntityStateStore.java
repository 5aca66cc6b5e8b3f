package io.amlmonitor.core.feature;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Where per-entity feature state lives: in the process by default, in a shared store when the
 * system is distributed. Each call on one entity is atomic with respect to other calls on it.
 */
public interface EntityStateStore {
  /**
   * Applies {@code change} to the state of the entity, created empty when missing. A store shared
   * between processes may apply it more than once, to fresh state, when another process changed the
   * entity meanwhile: {@code change} must only change the state it is given.
   */
  <R> R update(EntityType type, String id, Function<EntityState, R> change);

  /**
   * As {@link #update(EntityType, String, Function)}, for a caller that already holds the id's
   * {@link Hash64}, which an in-memory store uses to find the entity without hashing it again.
   */
  default <R> R update(EntityType type, String id, long idHash, Function<EntityState, R> change) {
    return update(type, id, change);
  }

  /**
   * As {@link #update(EntityType, String, long, Function)}, handing {@code argument} to {@code
   * change}: a hot path passes a constant function and its data, so that no lambda is allocated per
   * call to capture them.
   */
  default <A, R> R update(
      EntityType type,
      String id,
      long idHash,
      A argument,
      BiFunction<EntityState, ? super A, R> change) {
    return update(type, id, idHash, s -> change.apply(s, argument));
  }

  /**
   * Whether this store may keep a change and apply it again after the call returned (a store that
   * writes behind, on a conflict with another writer): the caller must then hand it an argument
   * that stays unchanged afterwards, not one it reuses.
   */
  default boolean appliesChangesLater() {
    return false;
  }

  /**
   * A hint for reading ahead: the state of the entity if this store keeps it in this process's
   * memory and finds it without waiting, otherwise {@code null}. Unsynchronised, so the state may
   * be stale or in the middle of a change: a caller may only read it, tolerating any value, to
   * bring its memory into cache before the {@link #update} or {@link #read} that uses it.
   */
  default EntityState peek(EntityType type, long idHash) {
    return null;
  }

  /** Applies {@code query} to the state of the entity, or to {@code null} when it is unknown. */
  <R> R read(EntityType type, String id, Function<EntityState, R> query);

  /**
   * As {@link #read(EntityType, String, Function)}, for a caller that already holds the id's {@link
   * Hash64}.
   */
  default <R> R read(EntityType type, String id, long idHash, Function<EntityState, R> query) {
    return read(type, id, query);
  }

  /** How many entities of {@code type} have state. */
  long size(EntityType type);
}

package io.amlmonitor.core.feature;

import java.util.function.Function;

/**
 * Where per-entity feature state lives: in the process by default, in a shared store when the
 * system is distributed. Each call on one entity is atomic with respect to other calls on it.
 */
public interface EntityStateStore {
  /** Applies {@code change} to the state of the entity, created empty when missing. */
  <R> R update(EntityType type, String id, Function<EntityState, R> change);

  /** Applies {@code query} to the state of the entity, or to {@code null} when it is unknown. */
  <R> R read(EntityType type, String id, Function<EntityState, R> query);

  /** How many entities of {@code type} have state. */
  long size(EntityType type);
}

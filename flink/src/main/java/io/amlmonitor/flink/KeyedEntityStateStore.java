package io.amlmonitor.flink;

import io.amlmonitor.core.feature.EntityState;
import io.amlmonitor.core.feature.EntityStateStore;
import io.amlmonitor.core.feature.EntityType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.apache.flink.api.common.state.ValueState;

/**
 * The core's state port over Flink keyed state: the state of the entity whose key the operator is
 * processing. The engine only touches the entity of the current key, since the job routes each part
 * of a payment to its entity's key (see {@link StreamJob}); each type has its own {@link
 * ValueState}, as its state has its own serializer.
 */
final class KeyedEntityStateStore implements EntityStateStore {
  private final ValueState<EntityState> customers;
  private final ValueState<EntityState> merchants;
  private EntityState lastChanged;

  KeyedEntityStateStore(ValueState<EntityState> customers, ValueState<EntityState> merchants) {
    this.customers = customers;
    this.merchants = merchants;
  }

  @Override
  public <R> R update(EntityType type, String id, Function<EntityState, R> change) {
    ValueState<EntityState> state = of(type);
    try {
      EntityState s = state.value();
      if (s == null) {
        s = new EntityState(id);
      }
      R result = change.apply(s);
      // a heap backend holds the object itself; others keep a copy and need it written back
      state.update(s);
      lastChanged = s;
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public <R> R read(EntityType type, String id, Function<EntityState, R> query) {
    try {
      return query.apply(of(type).value());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The state the last {@link #update} changed, for writing it to the online store. */
  EntityState lastChanged() {
    return lastChanged;
  }

  /** Not counted: keyed state has no cheap count; the job reports its own counters instead. */
  @Override
  public long size(EntityType type) {
    throw new UnsupportedOperationException("keyed state is not counted");
  }

  private ValueState<EntityState> of(EntityType type) {
    return type == EntityType.MERCHANT ? merchants : customers;
  }
}

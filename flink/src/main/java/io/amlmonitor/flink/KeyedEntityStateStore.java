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
  private final long[] held = new long[EntityType.values().length];

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
        held[slot(type)]++;
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

  /**
   * The entities of {@code type} this task holds state for: those it created, plus those a restored
   * checkpoint gave it ({@link HeldEntities}); a receiving account counts as a customer.
   */
  @Override
  public long size(EntityType type) {
    return held[slot(type)];
  }

  /** The counts by {@link EntityType} ordinal, for a checkpoint. */
  long[] held() {
    return held.clone();
  }

  /** Adds counts restored from a checkpoint. */
  void addHeld(long[] counts) {
    for (int i = 0; i < held.length; i++) {
      held[i] += counts[i];
    }
  }

  private static int slot(EntityType type) {
    return type == EntityType.MERCHANT
        ? EntityType.MERCHANT.ordinal()
        : EntityType.CUSTOMER.ordinal();
  }

  private ValueState<EntityState> of(EntityType type) {
    return type == EntityType.MERCHANT ? merchants : customers;
  }
}

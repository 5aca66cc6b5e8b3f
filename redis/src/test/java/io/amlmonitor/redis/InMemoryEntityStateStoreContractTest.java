package io.amlmonitor.redis;

import io.amlmonitor.core.feature.EntityStateStore;
import io.amlmonitor.core.feature.InMemoryEntityStateStore;

/** The store contract against the embedded default, the reference for the Redis store. */
class InMemoryEntityStateStoreContractTest extends EntityStateStoreContract {
  @Override
  EntityStateStore newStore() {
    return new InMemoryEntityStateStore();
  }

  @Override
  EntityStateStore sameStateAs(EntityStateStore store) {
    return store;
  }
}

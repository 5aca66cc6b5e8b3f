package io.amlmonitor.core.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryEntityStateStoreTest {
  private final InMemoryEntityStateStore store = new InMemoryEntityStateStore();

  @Test
  void eachIdKeepsItsOwnStateAcrossGrowth() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      // Long ids that share their first twelve characters, short ones, and one-character ones.
      ids.add(
          i % 3 == 0 ? "CUSTOMER_PREFIX_" + i : i % 3 == 1 ? "C" + i : String.valueOf((char) i));
    }
    for (String id : ids) {
      store.update(EntityType.CUSTOMER, id, s -> s);
    }
    for (String id : ids) {
      assertThat(store.read(EntityType.CUSTOMER, id, EntityState::id)).isEqualTo(id);
    }
    assertThat(store.size(EntityType.CUSTOMER)).isEqualTo(ids.size());
  }

  @Test
  void anUnknownIdReadsAsNull() {
    store.update(EntityType.CUSTOMER, "CUST_000001", s -> s);

    EntityState other = store.read(EntityType.CUSTOMER, "CUST_000002", s -> s);
    EntityState merchant = store.read(EntityType.MERCHANT, "CUST_000001", s -> s);

    assertThat(other).isNull();
    assertThat(merchant).isNull();
  }

  @Test
  void updatesOfOneIdSeeTheSameState() {
    EntityState first = store.update(EntityType.MERCHANT, "MERCH_1", s -> s);
    EntityState second = store.update(EntityType.MERCHANT, "MERCH_1", Hash64.of("MERCH_1"), s -> s);

    assertThat(second).isSameAs(first);
    assertThat(store.size(EntityType.MERCHANT)).isEqualTo(1);
  }
}

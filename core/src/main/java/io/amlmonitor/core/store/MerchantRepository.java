package io.amlmonitor.core.store;

import io.amlmonitor.core.domain.Merchant;
import io.amlmonitor.core.domain.MerchantId;
import java.util.Collection;
import java.util.Optional;

/** The merchants payments go to. */
public interface MerchantRepository {
  /** Inserts the merchants, or replaces those already stored. */
  void upsertAll(Collection<Merchant> merchants);

  Optional<Merchant> find(MerchantId id);

  long count();
}

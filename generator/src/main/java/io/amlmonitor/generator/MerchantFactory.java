package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Merchant;
import io.amlmonitor.core.domain.MerchantId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Creates the merchants {@code M00001}, {@code M00002}, ... and their directory. */
final class MerchantFactory {
  private MerchantFactory() {}

  static MerchantDirectory create(int count, SplittableRandom rng) {
    MerchantCategory[] all = MerchantCategory.values();
    List<Merchant> merchants = new ArrayList<>(count);
    List<MerchantCategory> categories = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      // One of each category first, so that every kind of spending has somewhere to go as soon
      // as there are enough merchants; the rest follow the category shares.
      MerchantCategory category = i < all.length ? all[i] : MerchantCategory.forNewMerchant(rng);
      MerchantId id = MerchantId.of(Ids.merchant(i + 1));
      String name = MerchantNames.name(category, rng);
      merchants.add(new Merchant(id, name, category.label(), category.country(rng)));
      categories.add(category);
    }
    return new MerchantDirectory(merchants, categories);
  }
}

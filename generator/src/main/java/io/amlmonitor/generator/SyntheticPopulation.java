package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.Merchant;
import java.util.List;

/**
 * The customers ({@code C000001}...) and merchants ({@code M00001}...) of a generated dataset, in
 * id order. Every transaction's paying {@code customer_id} is one of these customers; a {@code
 * counterparty_id} is either one of them or an account at another institution ({@code
 * X0000001}...), which has no customer record.
 */
public final class SyntheticPopulation {
  private final List<CustomerProfile> profiles;
  private final List<Customer> customers;
  private final MerchantDirectory merchants;

  SyntheticPopulation(List<CustomerProfile> profiles, MerchantDirectory merchants) {
    this.profiles = List.copyOf(profiles);
    this.customers = profiles.stream().map(CustomerProfile::customer).toList();
    this.merchants = merchants;
  }

  /** The customers, in id order; unmodifiable. */
  public List<Customer> customers() {
    return customers;
  }

  /** The merchants, in id order; unmodifiable. */
  public List<Merchant> merchants() {
    return merchants.merchants();
  }

  CustomerProfile profile(int index) {
    return profiles.get(index);
  }

  int size() {
    return profiles.size();
  }

  MerchantDirectory directory() {
    return merchants;
  }
}

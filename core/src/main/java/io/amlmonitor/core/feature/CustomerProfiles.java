package io.amlmonitor.core.feature;

import io.amlmonitor.core.domain.Customer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What the customers declared at onboarding, for features that compare behaviour with the profile.
 * Implementations must be fast and thread-safe: the engine asks on every scored transaction.
 */
@FunctionalInterface
public interface CustomerProfiles {
  /** No profiles: profile features read 0. */
  CustomerProfiles NONE = id -> 0;

  /** The expected monthly volume the customer declared, in cents; 0 when none is on record. */
  long expectedMonthlyCents(String customerId);

  /** Profiles from a map of expected monthly volume in cents by customer id (copied). */
  static CustomerProfiles of(Map<String, Long> expectedMonthlyCents) {
    Map<String, Long> copy = Map.copyOf(expectedMonthlyCents);
    return id -> copy.getOrDefault(id, 0L);
  }

  /** Profiles of {@code customers}. */
  static CustomerProfiles of(Collection<Customer> customers) {
    Map<String, Long> volumes = new HashMap<>();
    for (Customer c : customers) {
      volumes.put(c.id().value(), c.expectedMonthlyVolume().cents());
    }
    return of(volumes);
  }
}

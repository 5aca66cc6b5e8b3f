package io.amlmonitor.core.feature;

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
}

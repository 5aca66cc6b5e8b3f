package io.amlmonitor.core.store;

import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.CustomerId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Customers with their KYC profile, their current risk rating and the history of every rating they
 * were given.
 */
public interface CustomerRepository {
  /**
   * Inserts the customers, or replaces the KYC profile of those already stored; their ratings are
   * left as they are.
   */
  void upsertAll(Collection<Customer> customers);

  default void upsert(Customer customer) {
    upsertAll(List.of(customer));
  }

  Optional<Customer> find(CustomerId id);

  long count();

  /**
   * Streams every stored customer, by id, without holding them all in memory.
   *
   * @return how many were passed to {@code action}
   */
  long forEach(Consumer<? super Customer> action);

  /**
   * Appends {@code rating} to the customer's history; it becomes the current rating unless a later
   * one is already current.
   *
   * @return false, recording nothing, when the customer is not stored
   */
  boolean rate(CustomerRiskRating rating);

  /** The rating with the latest {@code ratedAt}, if the customer was ever rated. */
  Optional<CustomerRiskRating> currentRating(CustomerId id);

  /** Every rating the customer was given, oldest first. */
  List<CustomerRiskRating> ratingHistory(CustomerId id);
}

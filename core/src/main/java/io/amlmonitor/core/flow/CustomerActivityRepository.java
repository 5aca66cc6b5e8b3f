package io.amlmonitor.core.flow;

import io.amlmonitor.core.domain.TimeRange;
import java.util.function.Consumer;

/** Each stored customer with what they did over a period, aggregated where the data lives. */
public interface CustomerActivityRepository {
  /**
   * Streams every stored customer with their activity in {@code period}, by customer id, without
   * holding them all in memory.
   *
   * @return how many were passed to {@code action}
   */
  long forEachActivity(TimeRange period, Consumer<CustomerActivity> action);

  /** How many customers there are. */
  long countCustomers();
}

package io.amlmonitor.core.alert;

import io.amlmonitor.core.domain.TimeRange;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Where alerts are kept. Saving the same transaction's alert twice keeps the first. */
public interface AlertRepository {
  /**
   * Stores {@code alert} unless its transaction already has one.
   *
   * @return true when stored, false when the transaction already had an alert
   */
  boolean save(Alert alert);

  List<Alert> find(AlertQuery query);

  /**
   * Streams every alert raised ({@code createdAt}) in {@code created}, in the order they were
   * saved, without holding them all in memory.
   *
   * @return how many were passed to {@code action}
   */
  long forEachCreatedIn(TimeRange created, Consumer<? super Alert> action);

  long count();

  /** Alert counts by rule id (an alert counts once for each rule that fired). */
  Map<String, Long> countByRule();
}

package io.amlmonitor.core.alert;

import java.util.List;
import java.util.Map;

/** Where alerts are kept. Saving the same transaction's alert twice keeps the first. */
public interface AlertRepository {
  /**
   * Stores {@code alert} unless its transaction already has one.
   *
   * @return true when stored, false when the transaction already had an alert
   */
  boolean save(Alert alert);

  List<Alert> find(AlertQuery query);

  long count();

  /** Alert counts by rule id (an alert counts once for each rule that fired). */
  Map<String, Long> countByRule();
}

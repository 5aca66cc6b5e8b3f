package io.amlmonitor.core.flow;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.store.ScoredTransaction;
import java.util.List;
import java.util.function.Consumer;

/** What the alert_generation flow reads and writes in the system of record. */
public interface AlertGenerationRepository {
  /**
   * Streams the transactions of {@code eventTime} whose decision scored at least {@code minScore}
   * and that have neither an alert nor a suppression, in event-time order (ties by id).
   *
   * @return how many were passed to {@code action}
   */
  long forEachCandidate(TimeRange eventTime, double minScore, Consumer<ScoredTransaction> action);

  /**
   * Streams the alerts whose transaction happened in {@code eventTime}, in any order.
   *
   * @return how many were passed to {@code action}
   */
  long forEachAlertIn(TimeRange eventTime, Consumer<Alert> action);

  /**
   * Streams the alerts whose transaction happened in {@code eventTime} and that are in no case, in
   * the order they were raised.
   *
   * @return how many were passed to {@code action}
   */
  long forEachAlertWithoutCase(TimeRange eventTime, Consumer<Alert> action);

  /**
   * Stores the alerts raised, the suppressions and a pending notification per alert and channel,
   * all in one transaction. An alert or suppression whose transaction already has either is
   * skipped, with its notifications.
   *
   * @return how many alerts were new
   */
  int record(List<Alert> raised, List<Suppression> suppressed, List<String> channels);
}

package io.amlmonitor.core.flow;

import io.amlmonitor.core.alert.Alert;
import java.time.Instant;
import java.util.List;

/**
 * Notifications owed for alerts, kept until the receiver acknowledges them: written with the alert,
 * so that none is lost when a process dies before sending it.
 */
public interface NotificationOutbox {
  /** A notification still owed. */
  record Pending(Alert alert, String channel, int attempts) {}

  /** The pending notifications to {@code channel} due at {@code now}, oldest first. */
  List<Pending> due(String channel, Instant now, int limit);

  /** How many pending notifications to {@code channel} are due at {@code now}. */
  long countDue(String channel, Instant now);

  void delivered(String alertId, String channel, Instant at);

  /**
   * Records a failed attempt: the notification is tried again at {@code nextAttempt}, or marked
   * failed (kept, not retried by itself) when {@code givenUp}.
   */
  void failed(
      String alertId,
      String channel,
      int attempts,
      Instant nextAttempt,
      String error,
      boolean givenUp);

  /** Notifications by status: PENDING, DELIVERED, FAILED. */
  java.util.Map<String, Long> countByStatus();
}

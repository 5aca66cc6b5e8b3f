package io.amlmonitor.core.flow;

import io.amlmonitor.core.alert.Alert;

/** Sends an alert somewhere outside the system: a webhook, a queue, a mail gateway. */
public interface AlertNotifier {
  /** The name notifications to this place are kept under, such as the webhook's URL. */
  String channel();

  /**
   * Sends {@code alert}; returns only once the receiver has accepted it.
   *
   * @throws NotificationException when it did not
   */
  void send(Alert alert);

  /** A notification the receiver did not accept. */
  final class NotificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotificationException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

package io.amlmonitor.server;

import java.util.Map;

/** One component's health, as {@code GET /health} reports it. */
public interface HealthIndicator {
  String name();

  Status check();

  /** A component's state and the facts behind it. */
  record Status(boolean up, Map<String, Object> details) {
    public static Status up(Map<String, Object> details) {
      return new Status(true, details);
    }

    public static Status down(String reason) {
      return new Status(false, Map.of("reason", reason));
    }
  }
}

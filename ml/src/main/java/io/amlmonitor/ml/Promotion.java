package io.amlmonitor.ml;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of the promoted model: who made it, when, and which version serves after it.
 *
 * @param action {@code promote} or {@code rollback}
 * @param version the version promoted after this change
 * @param replaced the version that served before it; null when none did
 */
public record Promotion(String action, String version, String replaced, String by, Instant at) {
  public static final String PROMOTE = "promote";
  public static final String ROLLBACK = "rollback";

  public Promotion {
    if (!PROMOTE.equals(action) && !ROLLBACK.equals(action)) {
      throw new IllegalArgumentException("action must be promote or rollback, was " + action);
    }
    Objects.requireNonNull(version, "version");
    if (by == null || by.isBlank()) {
      throw new IllegalArgumentException("a promotion needs who made it, was '" + by + "'");
    }
    Objects.requireNonNull(at, "at");
  }
}

package io.amlmonitor.core.flow;

import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.TransactionId;
import java.time.Instant;
import java.util.Objects;

/**
 * An alert held back because the same customer had one for the same pattern shortly before.
 *
 * @param pattern the rules that fired, sorted and joined with {@code +}
 * @param suppressedBy the alert it repeats
 */
public record Suppression(
    TransactionId transactionId,
    CustomerId customerId,
    String pattern,
    String suppressedBy,
    Instant createdAt) {
  public Suppression {
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(suppressedBy, "suppressedBy");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}

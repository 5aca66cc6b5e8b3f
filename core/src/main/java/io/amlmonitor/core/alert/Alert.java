package io.amlmonitor.core.alert;

import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.scoring.RiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A transaction that scored at or above the alert threshold, with the reasons frozen as they were
 * when it was raised, so that later changes to rules or features do not rewrite history.
 *
 * @param createdAt when the alert was raised (processing time)
 * @param transactionTime when the transaction happened (event time)
 * @param receiverId the merchant or account that received the money
 * @param reasons the explanation in the service's locale at the time
 */
public record Alert(
    String alertId,
    TransactionId transactionId,
    CustomerId customerId,
    String receiverId,
    Money amount,
    Instant transactionTime,
    Instant createdAt,
    double riskScore,
    RiskLevel riskLevel,
    List<String> rules,
    List<String> reasons,
    String ruleSetVersion) {

  public Alert {
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(riskLevel, "riskLevel");
    rules = List.copyOf(rules);
    reasons = List.copyOf(reasons);
  }
}

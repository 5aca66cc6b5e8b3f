package io.amlmonitor.core.graph;

import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.TransactionId;
import java.time.Instant;
import java.util.Objects;

/**
 * A network typology that a transaction completed, with the involved accounts and transfers
 * attached as a subgraph.
 *
 * @param transactionId the transaction whose arrival completed the pattern
 * @param customerId who paid in that transaction
 * @param transactionTime its event time
 * @param detail what was found, in English, naming the accounts (for example the cycle's path)
 */
public record NetworkFinding(
    NetworkTypology typology,
    TransactionId transactionId,
    CustomerId customerId,
    Instant transactionTime,
    Subgraph subgraph,
    String detail) {
  public NetworkFinding {
    Objects.requireNonNull(typology, "typology");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(transactionTime, "transactionTime");
    Objects.requireNonNull(subgraph, "subgraph");
    Objects.requireNonNull(detail, "detail");
  }
}

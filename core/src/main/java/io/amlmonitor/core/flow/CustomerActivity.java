package io.amlmonitor.core.flow;

import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.scoring.RiskLevel;
import java.util.Objects;

/**
 * What a customer did over a period, beside their KYC profile: the facts a risk rating weighs.
 *
 * @param sent what the customer paid out, and {@code sentCount} in how many transactions
 * @param received what accounts paid the customer, and {@code receivedCount} in how many
 * @param riskyCounterparties accounts the customer paid or was paid by that had an alert in the
 *     period or are rated high
 * @param alerts alerts on the customer's own transactions in the period
 * @param sarCases cases about the customer ever closed with a suspicious-activity report
 * @param currentRating the rating in force, or null when never rated
 */
public record CustomerActivity(
    Customer customer,
    Money sent,
    long sentCount,
    Money received,
    long receivedCount,
    long riskyCounterparties,
    long alerts,
    long sarCases,
    RiskLevel currentRating) {
  public CustomerActivity {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(sent, "sent");
    Objects.requireNonNull(received, "received");
  }

  /** Money in and out together. */
  public long volumeCents() {
    return sent.cents() + received.cents();
  }

  /** The peer group: customers of the same type and segment. */
  public String peerGroup() {
    return customer.type().name() + "/" + (customer.segment() == null ? "" : customer.segment());
  }
}

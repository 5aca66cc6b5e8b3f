package io.amlmonitor.flink;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.EventLog.Placement;

/** What the job's operators pass one another (see {@link StreamJob} for the graph). */
final class Events {
  private Events() {}

  /** A record read from the transactions topic, with where it came from. */
  record Raw(String topic, int partition, long offset, long timestamp, byte[] value) {}

  /**
   * One party's part of a payment: read that party's features, and add the payment to its state
   * when the payer's side placed it ({@link Placement#ACCEPTED}; a {@link Placement#LATE} payment
   * is scored but counted nowhere, as the embedded path does).
   *
   * @param parts how many parties the payment has, so the scorer knows when it has them all
   */
  record Part(Transaction payment, EntityType party, Placement placement, int parts) {

    /** The key of the entity this part goes to: customers and merchants apart. */
    String entityKey() {
      return switch (party) {
        case CUSTOMER -> "C:" + payment.customerId().value();
        case MERCHANT -> "M:" + payment.merchantId().value();
        case COUNTERPARTY -> "C:" + payment.counterpartyId().value();
        default -> throw new IllegalStateException("a payment has no " + party + " party");
      };
    }
  }

  /** The features one party gives a payment, in arrays of the whole vector's shape. */
  record PartFeatures(
      Transaction payment,
      Placement placement,
      int parts,
      double[] values,
      long[] previous,
      boolean known) {}

  /** An accepted payment, for the population statistics every entity task keeps. */
  record Payment(long at, long cents) {}
}

package io.amlmonitor.flink;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.EventLog.Placement;
import io.amlmonitor.core.pipeline.Decision;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * What the job's operators pass one another (see {@link StreamJob} for the graph), with the types
 * that give each its own serializer: none goes through Kryo.
 */
final class Events {
  static final TypeInformation<Transaction> TRANSACTION =
      new EventTypeInfo<>(Transaction.class, TransactionSerializer.INSTANCE);
  static final TypeInformation<Raw> RAW = new EventTypeInfo<>(Raw.class, RawSerializer.INSTANCE);
  static final TypeInformation<Part> PART =
      new EventTypeInfo<>(Part.class, PartSerializer.INSTANCE);
  static final TypeInformation<PartFeatures> PART_FEATURES =
      new EventTypeInfo<>(PartFeatures.class, PartFeaturesSerializer.INSTANCE);
  static final TypeInformation<Payment> PAYMENT =
      new EventTypeInfo<>(Payment.class, PaymentSerializer.INSTANCE);
  static final TypeInformation<Decision> DECISION =
      new EventTypeInfo<>(Decision.class, DecisionSerializer.INSTANCE);

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

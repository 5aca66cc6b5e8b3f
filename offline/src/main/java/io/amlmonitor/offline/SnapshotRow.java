package io.amlmonitor.offline;

import io.amlmonitor.core.domain.Transaction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

/**
 * One line of a feature snapshot: a transaction's keys and amount, the features it was scored with
 * (in registry order) and its labels.
 *
 * <p>Event time is held to the millisecond, the precision of the feature engine's windows, so a row
 * read back equals the row written. The arrays are copied in and out; {@link #feature(int)} and
 * {@link #label(int)} read without a copy. Equality compares doubles bit for bit, as {@link
 * Arrays#equals(double[], double[])} does.
 *
 * @param merchantId null for a transfer to an account
 * @param counterpartyId null for a card payment to a merchant
 * @param features one value per feature of the registry, in its order; an {@code INT} feature holds
 *     a whole number
 * @param labels one value per label column, each may be null; a null array means no labels
 */
public record SnapshotRow(
    String transactionId,
    Instant eventTimestamp,
    String customerId,
    String merchantId,
    String counterpartyId,
    double amount,
    double[] features,
    Object[] labels) {

  private static final Object[] NO_LABELS = new Object[0];
  // Parquet stores the instant as microseconds in a long.
  private static final Instant EARLIEST = Instant.ofEpochMilli(Long.MIN_VALUE / 1000);
  private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE / 1000);

  public SnapshotRow {
    if (transactionId == null || transactionId.isBlank()) {
      throw new IllegalArgumentException("transaction_id is required, was '" + transactionId + "'");
    }
    Objects.requireNonNull(eventTimestamp, () -> "event_timestamp of " + transactionId);
    if (eventTimestamp.isBefore(EARLIEST) || eventTimestamp.isAfter(LATEST)) {
      throw new IllegalArgumentException(
          "event_timestamp of " + transactionId + " is out of range: " + eventTimestamp);
    }
    eventTimestamp = eventTimestamp.truncatedTo(ChronoUnit.MILLIS);
    if (customerId == null || customerId.isBlank()) {
      throw new IllegalArgumentException(
          "customer_id of " + transactionId + " is required, was '" + customerId + "'");
    }
    if (!Double.isFinite(amount)) {
      throw new IllegalArgumentException(
          "amount of " + transactionId + " must be finite, was " + amount);
    }
    Objects.requireNonNull(features, () -> "features of " + transactionId);
    features = features.clone();
    labels = labels == null ? NO_LABELS : labels.clone();
  }

  /** The row for {@code t} scored with {@code features}. */
  public static SnapshotRow of(Transaction t, double[] features, Object... labels) {
    return new SnapshotRow(
        t.id().value(),
        t.timestamp(),
        t.customerId().value(),
        t.merchantId() == null ? null : t.merchantId().value(),
        t.counterpartyId() == null ? null : t.counterpartyId().value(),
        t.amount().toDouble(),
        features,
        labels);
  }

  /** A copy of the feature values. */
  @Override
  public double[] features() {
    return features.clone();
  }

  /** A copy of the label values. */
  @Override
  public Object[] labels() {
    return labels.clone();
  }

  /** The value of feature {@code index} in registry order. */
  public double feature(int index) {
    return features[index];
  }

  public int featureCount() {
    return features.length;
  }

  public Object label(int index) {
    return labels[index];
  }

  public int labelCount() {
    return labels.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SnapshotRow r
        && transactionId.equals(r.transactionId)
        && eventTimestamp.equals(r.eventTimestamp)
        && customerId.equals(r.customerId)
        && Objects.equals(merchantId, r.merchantId)
        && Objects.equals(counterpartyId, r.counterpartyId)
        && Double.compare(amount, r.amount) == 0
        && Arrays.equals(features, r.features)
        && Arrays.equals(labels, r.labels);
  }

  @Override
  public int hashCode() {
    int h =
        Objects.hash(transactionId, eventTimestamp, customerId, merchantId, counterpartyId, amount);
    return 31 * (31 * h + Arrays.hashCode(features)) + Arrays.hashCode(labels);
  }

  @Override
  public String toString() {
    return "SnapshotRow[transactionId="
        + transactionId
        + ", eventTimestamp="
        + eventTimestamp
        + ", customerId="
        + customerId
        + ", merchantId="
        + merchantId
        + ", counterpartyId="
        + counterpartyId
        + ", amount="
        + amount
        + ", features="
        + Arrays.toString(features)
        + ", labels="
        + Arrays.toString(labels)
        + "]";
  }
}

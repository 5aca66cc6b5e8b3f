package io.amlmonitor.core.domain;

/** The identifier of a transaction: non-blank, at most 128 characters, no control characters. */
public record TransactionId(String value) implements Comparable<TransactionId> {
  public TransactionId {
    value = Checks.id("transaction_id", value);
  }

  public static TransactionId of(String value) {
    return new TransactionId(value);
  }

  @Override
  public int compareTo(TransactionId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}

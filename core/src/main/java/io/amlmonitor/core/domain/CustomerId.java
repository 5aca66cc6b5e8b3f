package io.amlmonitor.core.domain;

/** The identifier of a customer: non-blank, at most 128 characters, no control characters. */
public record CustomerId(String value) implements Comparable<CustomerId> {
  public CustomerId {
    value = Checks.id("customer_id", value);
  }

  public static CustomerId of(String value) {
    return new CustomerId(value);
  }

  @Override
  public int compareTo(CustomerId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}

package io.amlmonitor.core.domain;

/** The identifier of a merchant: non-blank, at most 128 characters, no control characters. */
public record MerchantId(String value) implements Comparable<MerchantId> {
  public MerchantId {
    value = Checks.id("merchant_id", value);
  }

  public static MerchantId of(String value) {
    return new MerchantId(value);
  }

  @Override
  public int compareTo(MerchantId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}

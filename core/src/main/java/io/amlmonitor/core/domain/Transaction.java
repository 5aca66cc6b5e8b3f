package io.amlmonitor.core.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A movement of money from an account ({@code customerId}, who pays) to a merchant or to another
 * account ({@code counterpartyId}, who receives). Exactly the receiving side must be known: a
 * merchant, an account, or both when a merchant is itself an account holder.
 *
 * <p>{@code timestamp} is event time: when the payment happened, not when we saw it.
 */
public record Transaction(
    TransactionId id,
    Instant timestamp,
    CustomerId customerId,
    MerchantId merchantId,
    CustomerId counterpartyId,
    Money amount,
    String currency,
    Channel channel,
    String ipAddress,
    String deviceId,
    String country,
    String counterpartyCountry) {

  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  public Transaction {
    Checks.required("transaction_id", id);
    Checks.required("timestamp", timestamp);
    if (timestamp.isBefore(EARLIEST) || timestamp.isAfter(LATEST)) {
      throw new InvalidFieldException("timestamp", timestamp + " is outside 1970..9999");
    }
    Checks.required("customer_id", customerId);
    if (merchantId == null && counterpartyId == null) {
      throw new InvalidFieldException(
          "merchant_id", "merchant_id or counterparty_id is required (who receives the money)");
    }
    Checks.required("amount", amount);
    currency = currency(currency);
    ipAddress = Checks.optionalText("ip_address", ipAddress);
    deviceId = Checks.optionalText("device_id", deviceId);
    country = Checks.optionalCountry("country", country);
    counterpartyCountry = Checks.optionalCountry("counterparty_country", counterpartyCountry);
  }

  private static String currency(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String upper = value.strip().toUpperCase(Locale.ROOT);
    if (!Checks.isUpperLetters(upper, 3)) {
      throw new InvalidFieldException(
          "currency", "'" + value + "' is not an ISO 4217 three-letter code");
    }
    return upper;
  }

  public Optional<MerchantId> merchant() {
    return Optional.ofNullable(merchantId);
  }

  public Optional<CustomerId> counterparty() {
    return Optional.ofNullable(counterpartyId);
  }

  /** This transaction under another id, everything else the same. */
  public Transaction withId(TransactionId newId) {
    return new Transaction(
        newId,
        timestamp,
        customerId,
        merchantId,
        counterpartyId,
        amount,
        currency,
        channel,
        ipAddress,
        deviceId,
        country,
        counterpartyCountry);
  }

  /** This transaction at another event time, everything else the same. */
  public Transaction withTimestamp(Instant newTimestamp) {
    return new Transaction(
        id,
        newTimestamp,
        customerId,
        merchantId,
        counterpartyId,
        amount,
        currency,
        channel,
        ipAddress,
        deviceId,
        country,
        counterpartyCountry);
  }

  /** The receiving side's identifier: the merchant when there is one, else the account. */
  public String receiverId() {
    return merchantId != null ? merchantId.value() : counterpartyId.value();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a transaction field by field; validation happens once, in {@link #build()}. */
  public static final class Builder {
    private TransactionId id;
    private Instant timestamp;
    private CustomerId customerId;
    private MerchantId merchantId;
    private CustomerId counterpartyId;
    private Money amount;
    private String currency;
    private Channel channel;
    private String ipAddress;
    private String deviceId;
    private String country;
    private String counterpartyCountry;

    private Builder() {}

    public Builder id(String value) {
      this.id = TransactionId.of(value);
      return this;
    }

    public Builder id(TransactionId value) {
      this.id = value;
      return this;
    }

    public Builder timestamp(Instant value) {
      this.timestamp = value;
      return this;
    }

    public Builder customer(String value) {
      this.customerId = CustomerId.of(value);
      return this;
    }

    public Builder customer(CustomerId value) {
      this.customerId = value;
      return this;
    }

    public Builder merchant(String value) {
      this.merchantId = value == null ? null : MerchantId.of(value);
      return this;
    }

    public Builder merchant(MerchantId value) {
      this.merchantId = value;
      return this;
    }

    public Builder counterparty(String value) {
      this.counterpartyId = value == null ? null : CustomerId.of(value);
      return this;
    }

    public Builder counterparty(CustomerId value) {
      this.counterpartyId = value;
      return this;
    }

    public Builder amount(Money value) {
      this.amount = value;
      return this;
    }

    public Builder amount(String value) {
      this.amount = Money.parse(value);
      return this;
    }

    public Builder amount(double value) {
      this.amount = Money.of(value);
      return this;
    }

    public Builder currency(String value) {
      this.currency = value;
      return this;
    }

    public Builder channel(Channel value) {
      this.channel = value;
      return this;
    }

    public Builder ipAddress(String value) {
      this.ipAddress = value;
      return this;
    }

    public Builder deviceId(String value) {
      this.deviceId = value;
      return this;
    }

    public Builder country(String value) {
      this.country = value;
      return this;
    }

    public Builder counterpartyCountry(String value) {
      this.counterpartyCountry = value;
      return this;
    }

    public Transaction build() {
      return new Transaction(
          id,
          timestamp,
          customerId,
          merchantId,
          counterpartyId,
          amount,
          currency,
          channel,
          ipAddress,
          deviceId,
          country,
          counterpartyCountry);
    }
  }
}

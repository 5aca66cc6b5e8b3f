package io.amlmonitor.core.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A non-negative amount in the reporting currency, held as whole cents so that window sums are
 * exact and identical on every path (live, stream, backfill).
 *
 * <p>Amounts with more than two decimals are rounded half-even to the cent, as a ledger would.
 */
public record Money(long cents) implements Comparable<Money> {
  /** One trillion in the reporting currency: far above any real payment, far below overflow. */
  public static final long MAX_CENTS = 100_000_000_000_000L;

  public static final Money ZERO = new Money(0);

  public Money {
    if (cents < 0) {
      throw new InvalidFieldException("amount", "must not be negative, was " + format(cents));
    }
    if (cents > MAX_CENTS) {
      throw new InvalidFieldException(
          "amount", "is " + format(cents) + "; at most " + format(MAX_CENTS));
    }
  }

  public static Money of(BigDecimal amount) {
    Checks.required("amount", amount);
    if (amount.signum() < 0) {
      throw new InvalidFieldException(
          "amount", "must not be negative, was " + amount.toPlainString());
    }
    if (amount.compareTo(BigDecimal.valueOf(MAX_CENTS, 2)) > 0) {
      throw new InvalidFieldException(
          "amount", "is " + amount.toPlainString() + "; at most " + format(MAX_CENTS));
    }
    return new Money(amount.setScale(2, RoundingMode.HALF_EVEN).unscaledValue().longValueExact());
  }

  public static Money of(double amount) {
    if (Double.isNaN(amount) || Double.isInfinite(amount)) {
      throw new InvalidFieldException("amount", "must be a finite number, was " + amount);
    }
    return of(BigDecimal.valueOf(amount));
  }

  /** Parses a decimal such as {@code 1234.56}; names the field when the text is not a number. */
  public static Money parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidFieldException("amount", "is required");
    }
    try {
      return of(new BigDecimal(text.strip()));
    } catch (NumberFormatException e) {
      throw new InvalidFieldException("amount", "'" + text + "' is not a number");
    }
  }

  public BigDecimal toBigDecimal() {
    return BigDecimal.valueOf(cents, 2);
  }

  public double toDouble() {
    return cents / 100.0;
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(cents, other.cents);
  }

  @Override
  public String toString() {
    return format(cents);
  }

  private static String format(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }
}

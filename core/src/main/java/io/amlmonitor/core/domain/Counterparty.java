package io.amlmonitor.core.domain;

/**
 * The receiving side of a transaction: a merchant, or another account (a transfer). Features key
 * the receiving side by this value, so that a merchant and an account never share state.
 */
public record Counterparty(Kind kind, String id, String country) {
  /** Whether the money went to a merchant or to another account. */
  public enum Kind {
    MERCHANT,
    ACCOUNT
  }

  public Counterparty {
    Checks.required("counterparty_kind", kind);
    id = Checks.id(kind == Kind.MERCHANT ? "merchant_id" : "counterparty_id", id);
    country = Checks.optionalCountry("counterparty_country", country);
  }

  /**
   * The receiving side of {@code t}: its merchant when it has one, else its counterparty account.
   */
  public static Counterparty of(Transaction t) {
    return t.merchantId() != null
        ? new Counterparty(Kind.MERCHANT, t.merchantId().value(), t.counterpartyCountry())
        : new Counterparty(Kind.ACCOUNT, t.counterpartyId().value(), t.counterpartyCountry());
  }
}

package io.amlmonitor.core.feature;

/** Whose behaviour a feature describes. */
public enum EntityType {
  /** An account holder: the payments it makes and the transfers it receives. */
  CUSTOMER,
  /** A merchant: the card and online payments it receives. */
  MERCHANT,
  /**
   * The account receiving the scored transfer, seen from the transfer: its flows, as for a
   * customer. These features exist only when a transfer to an account is scored.
   */
  COUNTERPARTY,
  /**
   * The transaction being scored, measured against its customer's history: these features exist
   * only when a transaction is scored, not when an entity is looked up.
   */
  TRANSACTION
}

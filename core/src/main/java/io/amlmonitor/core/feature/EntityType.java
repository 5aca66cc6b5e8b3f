package io.amlmonitor.core.feature;

/** Whose behaviour a feature describes. */
public enum EntityType {
  /** The paying account. */
  CUSTOMER,
  /** The merchant that received a card or online payment. */
  MERCHANT
}

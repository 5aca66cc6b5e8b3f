package io.amlmonitor.core.domain;

/** Whether an account belongs to a person or to a business; the two have different norms. */
public enum CustomerType {
  INDIVIDUAL,
  BUSINESS
}

package io.amlmonitor.generator;

import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.CustomerType;
import java.time.LocalDate;

/**
 * Who a customer is and how they behave on an ordinary day. Internal and never mutated; the arrays
 * are shared, not copied, because the hot path reads them for every transaction.
 *
 * @param activity expected discretionary transactions per ordinary weekday
 * @param spendScale how much more (or less) than typical this customer spends per transaction
 * @param ips the customer's usual addresses, home first
 * @param devices the customer's usual devices, main first
 */
record Persona(
    int index,
    CustomerId id,
    CustomerType type,
    String segment,
    String country,
    LocalDate onboarding,
    boolean pep,
    Rhythm rhythm,
    double activity,
    double spendScale,
    String[] ips,
    String[] devices) {

  boolean isBusiness() {
    return type == CustomerType.BUSINESS;
  }

  /** Whether this customer receives a salary from an employer in the population. */
  boolean isEmployed() {
    return "salaried".equals(segment) || "civil_servant".equals(segment);
  }
}

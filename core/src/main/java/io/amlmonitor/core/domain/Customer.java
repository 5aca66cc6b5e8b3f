package io.amlmonitor.core.domain;

import java.time.LocalDate;

/**
 * An account holder with the KYC profile captured at onboarding: the facts a risk rating starts
 * from.
 *
 * @param segment occupation or business segment, free text such as {@code retail} or {@code
 *     salaried}
 * @param expectedMonthlyVolume the volume the customer declared at onboarding
 * @param pep whether the customer is a politically exposed person
 */
public record Customer(
    CustomerId id,
    CustomerType type,
    String country,
    String segment,
    Money expectedMonthlyVolume,
    LocalDate onboardingDate,
    boolean pep) {

  public Customer {
    Checks.required("customer_id", id);
    Checks.required("customer_type", type);
    country = Checks.optionalCountry("country", country);
    segment = Checks.optionalText("segment", segment);
    Checks.required("expected_monthly_volume", expectedMonthlyVolume);
    Checks.required("onboarding_date", onboardingDate);
  }
}

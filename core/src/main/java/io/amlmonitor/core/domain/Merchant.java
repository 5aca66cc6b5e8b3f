package io.amlmonitor.core.domain;

/**
 * A business that accepts payments.
 *
 * @param category the merchant category, such as {@code grocery} or {@code gambling}
 */
public record Merchant(MerchantId id, String name, String category, String country) {
  public Merchant {
    Checks.required("merchant_id", id);
    name = Checks.optionalText("name", name);
    category = Checks.id("category", category);
    country = Checks.optionalCountry("country", country);
  }
}

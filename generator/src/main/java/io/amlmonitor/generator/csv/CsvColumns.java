package io.amlmonitor.generator.csv;

import java.util.List;

/** The header of each file the generator writes, column by column, in file order. */
public final class CsvColumns {
  public static final List<String> CUSTOMERS =
      List.of(
          "customer_id",
          "customer_type",
          "country",
          "segment",
          "expected_monthly_volume",
          "onboarding_date",
          "pep");

  public static final List<String> MERCHANTS =
      List.of("merchant_id", "name", "category", "country");

  public static final List<String> TRANSACTIONS =
      List.of(
          "transaction_id",
          "timestamp",
          "customer_id",
          "merchant_id",
          "counterparty_id",
          "amount",
          "currency",
          "channel",
          "ip_address",
          "device_id",
          "country",
          "counterparty_country",
          "is_laundering",
          "typology");

  /** The label columns at the end of {@link #TRANSACTIONS}: optional when reading. */
  public static final List<String> LABELS = List.of("is_laundering", "typology");

  private CsvColumns() {}
}

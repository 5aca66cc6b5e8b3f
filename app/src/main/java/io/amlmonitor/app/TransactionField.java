package io.amlmonitor.app;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fields of a transaction, spelled as the API, our CSV files and the exports spell them: the
 * targets an imported file's columns map to.
 */
enum TransactionField {
  TRANSACTION_ID,
  TIMESTAMP,
  CUSTOMER_ID,
  MERCHANT_ID,
  COUNTERPARTY_ID,
  AMOUNT,
  CURRENCY,
  CHANNEL,
  IP_ADDRESS,
  DEVICE_ID,
  COUNTRY,
  COUNTERPARTY_COUNTRY;

  /** The field's name in files, such as {@code customer_id}. */
  String column() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The field named {@code column} exactly, if there is one. */
  static Optional<TransactionField> named(String column) {
    return Arrays.stream(values()).filter(f -> f.column().equals(column)).findFirst();
  }

  /** Every field's name, comma-separated, for messages. */
  static String names() {
    return Arrays.stream(values()).map(TransactionField::column).collect(Collectors.joining(", "));
  }
}

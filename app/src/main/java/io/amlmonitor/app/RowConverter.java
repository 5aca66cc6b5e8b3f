package io.amlmonitor.app;

import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.InvalidFieldException;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;

/**
 * Turns an imported row into a {@link Transaction}, through the same domain checks as every other
 * way in: a row that breaks one throws {@link IllegalArgumentException} (an {@link
 * InvalidFieldException} names the field), and the caller rejects it. Without a {@code
 * transaction_id} column, the id is derived ({@link DerivedIds}). Not thread-safe.
 */
final class RowConverter {
  /** Stands in until the derived id, which hashes the checked values, is known. */
  private static final TransactionId PENDING = TransactionId.of("pending");

  private final FieldMapping mapping;
  private final TimeScale time;
  private final DerivedIds ids;

  RowConverter(FieldMapping mapping, TimeScale time) {
    this.mapping = mapping;
    this.time = time;
    this.ids = mapping.hasIds() ? null : new DerivedIds();
  }

  /**
   * The transaction in {@code row}.
   *
   * @throws IllegalArgumentException with the reason when the row cannot be one
   */
  Transaction convert(ImportSource.Row row) {
    if (row.problem() != null) {
      throw new IllegalArgumentException(row.problem());
    }
    String[] v = row.values();
    Transaction t =
        Transaction.builder()
            .id(ids == null ? TransactionId.of(get(v, TransactionField.TRANSACTION_ID)) : PENDING)
            .timestamp(time.parse(get(v, TransactionField.TIMESTAMP)))
            .customer(get(v, TransactionField.CUSTOMER_ID))
            .merchant(get(v, TransactionField.MERCHANT_ID))
            .counterparty(get(v, TransactionField.COUNTERPARTY_ID))
            .amount(Money.parse(get(v, TransactionField.AMOUNT)))
            .currency(get(v, TransactionField.CURRENCY))
            .channel(Channel.parse(get(v, TransactionField.CHANNEL)))
            .ipAddress(get(v, TransactionField.IP_ADDRESS))
            .deviceId(get(v, TransactionField.DEVICE_ID))
            .country(get(v, TransactionField.COUNTRY))
            .counterpartyCountry(get(v, TransactionField.COUNTERPARTY_COUNTRY))
            .build();
    if (ids == null) {
      return t;
    }
    return t.withId(ids.of(t, row.ordinal()));
  }

  private String get(String[] values, TransactionField field) {
    int at = mapping.position(field);
    return at < 0 ? null : values[at];
  }
}

package io.amlmonitor.generator.csv;

import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.InvalidFieldException;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.generator.Typology;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One transactions.csv row to and from a {@link LabelledTransaction}, in {@link CsvColumns} order.
 */
final class TransactionRows {
  private final TimestampFormat timestamps = new TimestampFormat();

  /** Appends {@code labelled} as one row, newline included. */
  void append(StringBuilder row, LabelledTransaction labelled) {
    Transaction t = labelled.transaction();
    CsvText.appendField(row, t.id().value());
    row.append(',');
    timestamps.append(row, t.timestamp());
    row.append(',');
    CsvText.appendField(row, t.customerId().value());
    row.append(',');
    CsvText.appendField(row, t.merchantId() == null ? null : t.merchantId().value());
    row.append(',');
    CsvText.appendField(row, t.counterpartyId() == null ? null : t.counterpartyId().value());
    row.append(',');
    CsvText.appendCents(row, t.amount().cents());
    row.append(',');
    CsvText.appendField(row, t.currency());
    row.append(',');
    CsvText.appendField(row, t.channel() == null ? null : t.channel().wireName());
    row.append(',');
    CsvText.appendField(row, t.ipAddress());
    row.append(',');
    CsvText.appendField(row, t.deviceId());
    row.append(',');
    CsvText.appendField(row, t.country());
    row.append(',');
    CsvText.appendField(row, t.counterpartyCountry());
    row.append(',').append(labelled.isLaundering()).append(',');
    row.append(labelled.typology().label()).append('\n');
  }

  /**
   * Reads one row whose fields are already in {@link CsvColumns#TRANSACTIONS} order, empty cells as
   * null.
   *
   * @throws InvalidFieldException naming the first field that is wrong
   */
  static LabelledTransaction parse(String[] f, boolean labelled) {
    Transaction transaction =
        Transaction.builder()
            .id(f[0])
            .timestamp(timestamp(f[1]))
            .customer(f[2])
            .merchant(f[3])
            .counterparty(f[4])
            .amount(f[5])
            .currency(f[6])
            .channel(Channel.parse(f[7]))
            .ipAddress(f[8])
            .deviceId(f[9])
            .country(f[10])
            .counterpartyCountry(f[11])
            .build();
    if (!labelled) {
      return new LabelledTransaction(transaction, Typology.NONE);
    }
    boolean laundering = flag(f[12]);
    Typology typology = Typology.parse(f[13]);
    if (laundering != typology.isLaundering()) {
      throw new InvalidFieldException(
          "is_laundering", "is " + laundering + " but typology is " + typology.label());
    }
    return new LabelledTransaction(transaction, typology);
  }

  private static Instant timestamp(String text) {
    if (text == null) {
      throw new InvalidFieldException("timestamp", "is required");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(
          "timestamp",
          "'" + text + "' is not an ISO-8601 instant such as 2026-01-05T14:03:22.123Z");
    }
  }

  private static boolean flag(String text) {
    if ("true".equalsIgnoreCase(text)) {
      return true;
    }
    if ("false".equalsIgnoreCase(text)) {
      return false;
    }
    throw new InvalidFieldException("is_laundering", "'" + text + "' is not true or false");
  }
}

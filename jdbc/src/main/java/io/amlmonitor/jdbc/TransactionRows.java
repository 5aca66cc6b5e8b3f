package io.amlmonitor.jdbc;

import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.MerchantId;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The {@code transactions} table's columns, and a transaction to and from one of its rows. */
final class TransactionRows {
  static final String COLUMNS =
      "transaction_id, event_time, customer_id, merchant_id, counterparty_id, amount, currency,"
          + " channel, ip_address, device_id, country, counterparty_country";
  static final int COLUMN_COUNT = 12;

  private TransactionRows() {}

  /** Binds {@code t} to the 12 parameters starting at {@code first}. */
  static void bind(PreparedStatement ps, int first, Transaction t) throws SQLException {
    int i = first;
    ps.setString(i++, t.id().value());
    Sql.setInstant(ps, i++, t.timestamp());
    ps.setString(i++, t.customerId().value());
    Sql.setText(ps, i++, t.merchantId() == null ? null : t.merchantId().value());
    Sql.setText(ps, i++, t.counterpartyId() == null ? null : t.counterpartyId().value());
    ps.setBigDecimal(i++, t.amount().toBigDecimal());
    Sql.setText(ps, i++, t.currency());
    Sql.setText(ps, i++, t.channel() == null ? null : t.channel().wireName());
    Sql.setText(ps, i++, t.ipAddress());
    Sql.setText(ps, i++, t.deviceId());
    Sql.setText(ps, i++, t.country());
    Sql.setText(ps, i, t.counterpartyCountry());
  }

  static Transaction read(ResultSet rs) throws SQLException {
    String merchant = rs.getString("merchant_id");
    String counterparty = rs.getString("counterparty_id");
    return new Transaction(
        TransactionId.of(rs.getString("transaction_id")),
        Sql.instant(rs, "event_time"),
        CustomerId.of(rs.getString("customer_id")),
        merchant == null ? null : MerchantId.of(merchant),
        counterparty == null ? null : CustomerId.of(counterparty),
        Money.of(rs.getBigDecimal("amount")),
        rs.getString("currency"),
        Channel.parse(rs.getString("channel")),
        rs.getString("ip_address"),
        rs.getString("device_id"),
        rs.getString("country"),
        rs.getString("counterparty_country"));
  }

  /**
   * Appends {@code t} as one line of PostgreSQL's COPY text format: tab-separated, {@code \N} for
   * null, backslash escapes.
   */
  static void appendCopyLine(StringBuilder out, Transaction t) {
    copyField(out, t.id().value());
    out.append('\t').append(Sql.stored(t.timestamp()));
    out.append('\t');
    copyField(out, t.customerId().value());
    out.append('\t');
    copyField(out, t.merchantId() == null ? null : t.merchantId().value());
    out.append('\t');
    copyField(out, t.counterpartyId() == null ? null : t.counterpartyId().value());
    out.append('\t').append(t.amount().toBigDecimal().toPlainString());
    out.append('\t');
    copyField(out, t.currency());
    out.append('\t');
    copyField(out, t.channel() == null ? null : t.channel().wireName());
    out.append('\t');
    copyField(out, t.ipAddress());
    out.append('\t');
    copyField(out, t.deviceId());
    out.append('\t');
    copyField(out, t.country());
    out.append('\t');
    copyField(out, t.counterpartyCountry());
  }

  private static void copyField(StringBuilder out, String value) {
    CopyText.field(out, value);
  }
}

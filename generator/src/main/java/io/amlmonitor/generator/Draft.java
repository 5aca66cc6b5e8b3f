package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.Merchant;
import io.amlmonitor.core.domain.MerchantId;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;

/**
 * A transaction before it has an id. Ids follow stream order, which is only known once a day's
 * drafts are sorted by time, so generation produces drafts and the stream numbers them.
 */
record Draft(
    long epochMilli,
    CustomerId payer,
    MerchantId merchant,
    CustomerId payee,
    long cents,
    Channel channel,
    String ip,
    String device,
    String country,
    String counterpartyCountry,
    Typology typology) {

  /** Amounts are in the reporting currency, whatever the merchant's country. */
  static final String CURRENCY = "BRL";

  static Draft toMerchant(
      long epochMilli,
      Persona payer,
      Merchant merchant,
      long cents,
      Channel channel,
      Session session,
      Typology typology) {
    return new Draft(
        epochMilli,
        payer.id(),
        merchant.id(),
        null,
        cents,
        channel,
        session.ip(),
        session.device(),
        session.country(),
        merchant.country(),
        typology);
  }

  static Draft toAccount(
      long epochMilli,
      Persona payer,
      Payee payee,
      long cents,
      Channel channel,
      Session session,
      Typology typology) {
    return new Draft(
        epochMilli,
        payer.id(),
        null,
        payee.id(),
        cents,
        channel,
        session.ip(),
        session.device(),
        session.country(),
        payee.country(),
        typology);
  }

  LabelledTransaction label(TransactionId id) {
    Transaction transaction =
        Transaction.builder()
            .id(id)
            .timestamp(java.time.Instant.ofEpochMilli(epochMilli))
            .customer(payer)
            .merchant(merchant)
            .counterparty(payee)
            .amount(new Money(cents))
            .currency(CURRENCY)
            .channel(channel)
            .ipAddress(ip)
            .deviceId(device)
            .country(country)
            .counterpartyCountry(counterpartyCountry)
            .build();
    return new LabelledTransaction(transaction, typology);
  }
}

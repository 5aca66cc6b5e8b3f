package io.amlmonitor.jdbc;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.CustomerType;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.scoring.RiskLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small, readable values for the contract tests. */
final class TestData {
  static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");

  private TestData() {}

  /** A payment to a merchant with only the required fields. */
  static Transaction payment(String id, Instant at) {
    return Transaction.builder()
        .id(id)
        .timestamp(at)
        .customer("C1")
        .merchant("M1")
        .amount(Money.of(12_345))
        .build();
  }

  /** A transfer with every field set, including characters COPY's text format must escape. */
  static Transaction fullTransfer(String id, Instant at) {
    return Transaction.builder()
        .id(id)
        .timestamp(at)
        .customer("C\\2 São Paulo")
        .merchant("M\\9")
        .counterparty("C3")
        .amount("98765432.10")
        .currency("brl")
        .channel(Channel.PIX)
        .ipAddress("2001:db8::1")
        .deviceId("device \"ü\" N")
        .country("br")
        .counterpartyCountry("PT")
        .build();
  }

  static List<Transaction> payments(String prefix, int n) {
    List<Transaction> batch = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      batch.add(payment(prefix + i, T0.plusSeconds(i)));
    }
    return batch;
  }

  static Customer customer(String id, boolean pep) {
    return new Customer(
        CustomerId.of(id),
        CustomerType.INDIVIDUAL,
        "BR",
        "salaried",
        Money.of(5_000),
        LocalDate.of(2024, 5, 17),
        pep);
  }

  static Alert alert(
      String alertId, String txn, String customer, RiskLevel level, String... rules) {
    return new Alert(
        alertId,
        TransactionId.of(txn),
        CustomerId.of(customer),
        "M1",
        Money.of(15_000),
        T0,
        T0.plusMillis(250),
        level == RiskLevel.HIGH ? 0.8 : 0.55,
        level,
        List.of(rules),
        List.of("Amount of 15,000.00 is above the reporting threshold", "Second reason"),
        "rules-v1");
  }
}

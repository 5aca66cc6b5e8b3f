package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.CustomerType;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.flow.CustomerRisk;
import io.amlmonitor.core.flow.CustomerRiskModel;
import io.amlmonitor.core.flow.FlowParameters;
import io.amlmonitor.core.flow.FlowStats;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.core.store.CustomerRiskRating;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The customer_risk flow on the embedded database. */
class CustomerRiskFlowTest {
  private static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");
  private static final LocalDate LONG_AGO = LocalDate.parse("2020-01-01");

  @TempDir Path dir;
  Database db;

  @BeforeEach
  void open() {
    db = Database.open(new DatabaseConfig.Embedded(dir.resolve("db"), 4));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static Customer customer(
      String id, String country, String segment, double expectedMonthly, boolean pep) {
    return new Customer(
        CustomerId.of(id),
        CustomerType.INDIVIDUAL,
        country,
        segment,
        Money.of(expectedMonthly),
        LONG_AGO,
        pep);
  }

  private static Transaction transfer(int i, String from, String to, double amount) {
    return Transaction.builder()
        .id("T" + i)
        .timestamp(AS_OF.minus(Duration.ofDays(10)).plusSeconds(i * 60L))
        .customer(from)
        .counterparty(to)
        .amount(amount)
        .build();
  }

  private CustomerRisk flow(Instant now) {
    return new CustomerRisk(
        db.customerActivity(),
        db.customers(),
        new CustomerRiskModel(
            FeatureSettings.DEFAULT_HIGH_RISK_COUNTRIES, 0.3, 0.5, Locale.ENGLISH),
        InstantSource.fixed(now));
  }

  private static FlowParameters parameters(boolean bounded) {
    return new FlowParameters(
        AS_OF, Duration.ofDays(30), null, 100, 1, 0.5, 0.6, Duration.ZERO, bounded);
  }

  @Test
  void eachCustomerIsRatedFromProfileBehaviourAndRelationshipsWithReasons() {
    List<Customer> customers = new ArrayList<>();
    // Ten ordinary peers who move about what they declared.
    for (int i = 0; i < 10; i++) {
      customers.add(customer("P" + i, "BR", "salaried", 3_000, false));
    }
    customers.add(customer("PEP", "IR", "salaried", 1_000, true));
    customers.add(customer("MULE", "BR", "salaried", 3_000, false));
    db.customers().upsertAll(customers);
    List<Transaction> ts = new ArrayList<>();
    int n = 0;
    for (int i = 0; i < 10; i++) {
      ts.add(transfer(n++, "P" + i, "P" + ((i + 1) % 10), 2_500));
    }
    // The PEP moves forty times the declared volume, through the mule.
    ts.add(transfer(n++, "PEP", "MULE", 40_000));
    db.transactions().saveAll(ts);
    db.customers()
        .rate(new CustomerRiskRating(CustomerId.of("P0"), RiskLevel.LOW, List.of("x"), AS_OF));

    CustomerRisk.Summary s = flow(AS_OF).run(parameters(false), new FlowStats());

    assertThat(s.customers()).isEqualTo(12);
    assertThat(s.changed()).isEqualTo(11); // P0 was already LOW
    CustomerRiskRating pep = db.customers().currentRating(CustomerId.of("PEP")).orElseThrow();
    assertThat(pep.rating()).isEqualTo(RiskLevel.HIGH);
    assertThat(pep.reasons())
        .contains(
            "Politically exposed person",
            "Resident in a high-risk jurisdiction (IR)",
            "Moved 40.0 times the declared monthly volume");
    assertThat(db.customers().currentRating(CustomerId.of("P3")).orElseThrow().rating())
        .isEqualTo(RiskLevel.LOW);
    // Relationships read the ratings in force when the run starts: the PEP's new rating shows in
    // the mule's on the next run.
    assertThat(db.customers().currentRating(CustomerId.of("MULE")).orElseThrow().reasons())
        .doesNotContain("1 counterparties with alerts or a high rating");
    flow(AS_OF.plusSeconds(60)).run(parameters(false), new FlowStats());
    CustomerRiskRating mule = db.customers().currentRating(CustomerId.of("MULE")).orElseThrow();
    assertThat(mule.rating()).isEqualTo(RiskLevel.HIGH);
    assertThat(mule.reasons()).contains("1 counterparties with alerts or a high rating");
    assertThat(db.customers().ratingHistory(CustomerId.of("MULE")))
        .extracting(CustomerRiskRating::rating)
        .containsExactly(RiskLevel.MEDIUM, RiskLevel.HIGH);
  }

  @Test
  void anUnchangedRatingAddsNothingAndBoundedMemoryRatesTheSame() {
    FlowsTestData data = new FlowsTestData().storeIn(db);
    FlowParameters inMemory =
        new FlowParameters(
            data.end(), Duration.ofDays(8), null, 100, 1, 0.5, 0.6, Duration.ZERO, false);
    CustomerRisk.Summary first = flow(AS_OF).run(inMemory, new FlowStats());
    assertThat(first.customers()).isEqualTo(data.generator.customers().size());
    assertThat(first.changed()).isEqualTo(first.customers());
    Map<String, RiskLevel> ratings = new HashMap<>();
    data.generator
        .customers()
        .forEach(
            c ->
                ratings.put(
                    c.id().value(), db.customers().currentRating(c.id()).orElseThrow().rating()));

    FlowParameters bounded =
        new FlowParameters(
            data.end(), Duration.ofDays(8), null, 100, 1, 0.5, 0.6, Duration.ZERO, true);
    CustomerRisk.Summary again = flow(AS_OF.plusSeconds(60)).run(bounded, new FlowStats());

    assertThat(again.changed()).isZero();
    assertThat(again.high()).isEqualTo(first.high());
    data.generator
        .customers()
        .forEach(
            c -> {
              assertThat(db.customers().ratingHistory(c.id())).hasSize(1);
              assertThat(db.customers().currentRating(c.id()).orElseThrow().rating())
                  .isEqualTo(ratings.get(c.id().value()));
            });
  }
}

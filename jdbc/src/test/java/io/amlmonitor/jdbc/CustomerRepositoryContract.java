package io.amlmonitor.jdbc;

import static io.amlmonitor.jdbc.TestData.T0;
import static io.amlmonitor.jdbc.TestData.customer;
import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.CustomerType;
import io.amlmonitor.core.domain.Merchant;
import io.amlmonitor.core.domain.MerchantId;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.core.store.CustomerRepository;
import io.amlmonitor.core.store.CustomerRiskRating;
import io.amlmonitor.core.store.MerchantRepository;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link CustomerRepository} and {@link MerchantRepository} must do. */
abstract class CustomerRepositoryContract extends StoreContract {
  private static final CustomerId C1 = CustomerId.of("C1");

  CustomerRepository customers() {
    return database().customers();
  }

  @Test
  void upsertInsertsThenReplacesTheProfile() {
    Customer bare =
        new Customer(
            CustomerId.of("C2"),
            CustomerType.BUSINESS,
            null,
            null,
            Money.ZERO,
            LocalDate.of(2020, 1, 1),
            false);
    customers().upsertAll(List.of(customer("C1", false), bare));
    Customer changed =
        new Customer(
            C1,
            CustomerType.BUSINESS,
            "PT",
            "gambling",
            Money.parse("250000.55"),
            LocalDate.of(2025, 12, 31),
            true);

    customers().upsert(changed);

    assertThat(customers().find(C1)).contains(changed);
    assertThat(customers().find(bare.id())).contains(bare);
    assertThat(customers().find(CustomerId.of("nobody"))).isEmpty();
    assertThat(customers().count()).isEqualTo(2);
  }

  @Test
  void ratingsAreAppendedAndTheLatestIsCurrentWhateverTheOrderTheyArrive() {
    customers().upsert(customer("C1", true));
    CustomerRiskRating medium =
        new CustomerRiskRating(C1, RiskLevel.MEDIUM, List.of("PEP"), T0.plusSeconds(60));
    CustomerRiskRating high =
        new CustomerRiskRating(C1, RiskLevel.HIGH, List.of("PEP", "fan-in"), T0.plusSeconds(120));
    CustomerRiskRating olderLow = new CustomerRiskRating(C1, RiskLevel.LOW, List.of(), T0);

    assertThat(customers().currentRating(C1)).isEmpty();
    assertThat(customers().rate(medium)).isTrue();
    assertThat(customers().rate(high)).isTrue();
    assertThat(customers().rate(olderLow)).isTrue();

    assertThat(customers().currentRating(C1)).contains(high);
    assertThat(customers().ratingHistory(C1)).containsExactly(olderLow, medium, high);
    assertThat(currentRatingColumn()).isEqualTo("HIGH");
  }

  @Test
  void upsertingTheProfileKeepsTheRating() {
    customers().upsert(customer("C1", false));
    CustomerRiskRating high = new CustomerRiskRating(C1, RiskLevel.HIGH, List.of("x"), T0);
    customers().rate(high);

    customers().upsert(customer("C1", true));

    assertThat(customers().currentRating(C1)).contains(high);
    assertThat(customers().find(C1).orElseThrow().pep()).isTrue();
    assertThat(currentRatingColumn()).isEqualTo("HIGH");
  }

  @Test
  void ratingAnUnknownCustomerRecordsNothing() {
    CustomerId ghost = CustomerId.of("ghost");

    assertThat(customers().rate(new CustomerRiskRating(ghost, RiskLevel.HIGH, List.of(), T0)))
        .isFalse();
    assertThat(customers().ratingHistory(ghost)).isEmpty();
    assertThat(customers().find(ghost)).isEmpty();
  }

  @Test
  void merchantsAreInsertedReplacedAndFound() {
    MerchantRepository merchants = database().merchants();
    Merchant m1 = new Merchant(MerchantId.of("M1"), "Padaria Pão", "grocery", "BR");
    Merchant m2 = new Merchant(MerchantId.of("M2"), null, "gambling", null);
    merchants.upsertAll(List.of(m1, m2));
    Merchant renamed = new Merchant(m1.id(), "Padaria Nova", "bakery", "PT");

    merchants.upsertAll(List.of(renamed));

    assertThat(merchants.find(m1.id())).contains(renamed);
    assertThat(merchants.find(m2.id())).contains(m2);
    assertThat(merchants.find(MerchantId.of("M3"))).isEmpty();
    assertThat(merchants.count()).isEqualTo(2);
  }

  private String currentRatingColumn() {
    try (var c = database().dataSource().getConnection();
        var ps = c.prepareStatement("SELECT risk_rating FROM customers WHERE customer_id = 'C1'");
        var rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }
}

package io.amlmonitor.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.CustomerType;
import io.amlmonitor.core.domain.Merchant;
import io.amlmonitor.core.domain.Transaction;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NormalBehaviourTest {
  private static final long THRESHOLD_CENTS = 1_000_000;

  private final List<Transaction> normal =
      Fixtures.transactions().stream()
          .filter(t -> !t.isLaundering())
          .map(LabelledTransaction::transaction)
          .toList();
  private final Map<String, Customer> customers = Fixtures.customersById();

  @Test
  void activityIsLowerAtNightThanAtMidday() {
    long[] byHour = new long[24];
    normal.forEach(t -> byHour[t.timestamp().atZone(ZoneOffset.UTC).getHour()]++);

    double night = (byHour[0] + byHour[1] + byHour[2] + byHour[3] + byHour[4] + byHour[5]) / 6.0;
    double midday = (byHour[11] + byHour[12] + byHour[13]) / 3.0;

    assertThat(night).isLessThan(midday / 3);
  }

  @Test
  void activityIsLowerOnSundaysThanOnWeekdays() {
    Map<DayOfWeek, Long> byDay = new HashMap<>();
    Map<DayOfWeek, Set<Integer>> dates = new HashMap<>();
    for (Transaction t : normal) {
      ZonedDateTime local = t.timestamp().atZone(ZoneOffset.UTC);
      byDay.merge(local.getDayOfWeek(), 1L, Long::sum);
      dates.computeIfAbsent(local.getDayOfWeek(), d -> new HashSet<>()).add(local.getDayOfYear());
    }
    double sunday = byDay.get(DayOfWeek.SUNDAY) / (double) dates.get(DayOfWeek.SUNDAY).size();
    double wednesday =
        byDay.get(DayOfWeek.WEDNESDAY) / (double) dates.get(DayOfWeek.WEDNESDAY).size();

    assertThat(sunday).isLessThan(0.8 * wednesday);
  }

  @Test
  void amountsArePositiveAndPlausible() {
    assertThat(Fixtures.transactions())
        .allSatisfy(
            t ->
                assertThat(t.transaction().amount().cents())
                    .isPositive()
                    .isLessThanOrEqualTo(2_000_000_00L));
  }

  @Test
  void mostAmountsAreUnderTheThresholdButSomeLegitimateOnesAreNot() {
    long above = normal.stream().filter(t -> t.amount().cents() >= THRESHOLD_CENTS).count();
    long justUnder =
        normal.stream()
            .filter(t -> t.amount().cents() >= 900_000 && t.amount().cents() < THRESHOLD_CENTS)
            .count();

    assertThat(above).isPositive().isLessThan(normal.size() / 20);
    assertThat(justUnder).as("legitimate amounts in the structuring band").isPositive();
  }

  @Test
  void everyPayerIsACustomerAndEveryReceiverIsKnownOrExternal() {
    Map<String, Merchant> merchants = Fixtures.merchantsById();
    for (LabelledTransaction labelled : Fixtures.transactions()) {
      Transaction t = labelled.transaction();
      assertThat(customers).containsKey(t.customerId().value());
      if (t.merchantId() != null) {
        assertThat(merchants).containsKey(t.merchantId().value());
      } else {
        String payee = t.counterpartyId().value();
        assertThat(payee.startsWith("X") || customers.containsKey(payee)).as(payee).isTrue();
      }
    }
  }

  @Test
  void everyChannelAppearsInOrdinaryActivity() {
    Set<Channel> channels = new HashSet<>();
    normal.forEach(t -> channels.add(t.channel()));

    assertThat(channels)
        .contains(
            Channel.CARD,
            Channel.PIX,
            Channel.WIRE,
            Channel.TRANSFER,
            Channel.ONLINE,
            Channel.ATM,
            Channel.CASH);
  }

  @Test
  void inPersonPaymentsHaveNoSessionAndDigitalOnesDo() {
    for (Transaction t : normal) {
      if (t.channel() == Channel.CARD
          || t.channel() == Channel.ATM
          || t.channel() == Channel.CASH) {
        assertThat(t.ipAddress()).isNull();
        assertThat(t.deviceId()).isNull();
      } else if (t.channel() == Channel.PIX || t.channel() == Channel.WIRE) {
        assertThat(t.ipAddress()).matches("\\d{1,3}(\\.\\d{1,3}){3}");
        assertThat(t.deviceId()).startsWith("dev-");
      }
    }
  }

  @Test
  void employedCustomersReceiveOneSalaryAMonthFromABusinessCustomer() {
    Map<String, Integer> salariesInFebruary = new HashMap<>();
    for (Transaction t : normal) {
      Customer payer = customers.get(t.customerId().value());
      Customer payee =
          t.counterpartyId() == null ? null : customers.get(t.counterpartyId().value());
      boolean february = t.timestamp().atZone(ZoneOffset.UTC).getMonth() == Month.FEBRUARY;
      // Businesses pay other businesses as suppliers, and individuals only as employees.
      if (february
          && payer.type() == CustomerType.BUSINESS
          && payee != null
          && payee.type() == CustomerType.INDIVIDUAL) {
        salariesInFebruary.merge(payee.id().value(), 1, Integer::sum);
      }
    }
    Set<String> dormant = customersIn(Typology.DORMANT_REACTIVATION);
    List<Customer> employed =
        customers.values().stream()
            .filter(c -> "salaried".equals(c.segment()) || "civil_servant".equals(c.segment()))
            .filter(c -> !dormant.contains(c.id().value()))
            .toList();

    assertThat(employed).hasSizeGreaterThan(500);
    assertThat(employed)
        .allSatisfy(c -> assertThat(salariesInFebruary.get(c.id().value())).isOne());
  }

  @Test
  void billsArePaidToUtilityAndTelecomMerchantsEveryMonth() {
    Map<String, Merchant> merchants = Fixtures.merchantsById();
    Set<String> paidInFebruary = new HashSet<>();
    for (Transaction t : normal) {
      Merchant merchant = t.merchantId() == null ? null : merchants.get(t.merchantId().value());
      if (merchant != null
          && merchant.category().equals("utilities")
          && t.timestamp().atZone(ZoneOffset.UTC).getMonth() == Month.FEBRUARY) {
        paidInFebruary.add(t.customerId().value());
      }
    }
    Set<String> dormant = customersIn(Typology.DORMANT_REACTIVATION);

    assertThat(customers.keySet())
        .allSatisfy(id -> assertThat(paidInFebruary.contains(id) || dormant.contains(id)).isTrue());
  }

  @Test
  void declaredMonthlyVolumeMatchesWhatCustomersActuallySend() {
    Map<String, Long> sent = new HashMap<>();
    normal.forEach(t -> sent.merge(t.customerId().value(), t.amount().cents(), Long::sum));
    double months = Fixtures.CONFIG.days() / 30.44;
    Set<String> involved = new HashSet<>();
    for (Typology typology : Typology.values()) {
      if (typology.isLaundering()) {
        involved.addAll(customersIn(typology));
      }
    }

    List<Double> ratios =
        customers.values().stream()
            .filter(c -> !involved.contains(c.id().value()))
            .map(
                c ->
                    sent.getOrDefault(c.id().value(), 0L)
                        / months
                        / c.expectedMonthlyVolume().cents())
            .sorted()
            .toList();

    assertThat(ratios.get(ratios.size() / 2)).isBetween(0.7, 1.4);
    assertThat(ratios.get(ratios.size() / 10)).isGreaterThan(0.3);
    assertThat(ratios.get(ratios.size() * 9 / 10)).isLessThan(3.0);
  }

  @Test
  void kycProfilesAreMostlyBrazilianIndividualsOnboardedBeforeTheStart() {
    List<Customer> all = Fixtures.generator().customers();

    long brazilian = all.stream().filter(c -> "BR".equals(c.country())).count();
    long businesses = all.stream().filter(c -> c.type() == CustomerType.BUSINESS).count();
    long peps = all.stream().filter(Customer::pep).count();

    assertThat(brazilian).isGreaterThan(all.size() * 85L / 100).isLessThan(all.size());
    assertThat(businesses).isBetween(all.size() * 4L / 100, all.size() * 14L / 100);
    assertThat(peps).isPositive().isLessThan(all.size() / 50);
    assertThat(all)
        .allSatisfy(c -> assertThat(c.onboardingDate()).isBefore(Fixtures.CONFIG.startDate()));
  }

  @Test
  void aFewBigMerchantsTakeMostOfTheCustom() {
    Map<String, Long> byMerchant = new HashMap<>();
    normal.stream()
        .filter(t -> t.merchantId() != null)
        .forEach(t -> byMerchant.merge(t.merchantId().value(), 1L, Long::sum));
    List<Long> counts = byMerchant.values().stream().sorted((a, b) -> Long.compare(b, a)).toList();
    long total = counts.stream().mapToLong(Long::longValue).sum();
    long topTenth = counts.stream().limit(counts.size() / 10).mapToLong(Long::longValue).sum();

    assertThat(topTenth).isGreaterThan(total * 4 / 10);
  }

  private static Set<String> customersIn(Typology typology) {
    Set<String> ids = new HashSet<>();
    for (LabelledTransaction t : Fixtures.transactions()) {
      if (t.typology() == typology) {
        ids.add(t.transaction().customerId().value());
        if (t.transaction().counterpartyId() != null) {
          ids.add(t.transaction().counterpartyId().value());
        }
      }
    }
    return ids;
  }
}

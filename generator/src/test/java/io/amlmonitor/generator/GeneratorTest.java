package io.amlmonitor.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.generator.csv.DatasetWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorTest {
  private static final GeneratorConfig SMALL = GeneratorConfig.of(400, 60, 20, 11L);

  @Test
  void sameSeedGivesByteIdenticalFiles() throws Exception {
    assertThat(csvHash(SMALL)).isEqualTo(csvHash(SMALL));
  }

  @Test
  void differentSeedGivesDifferentFiles() throws Exception {
    assertThat(csvHash(SMALL)).isNotEqualTo(csvHash(SMALL.withSeed(12L)));
  }

  @Test
  void everyIterationStartsAgainWithTheSameTransactions() {
    Generator generator = Generator.create(SMALL);

    List<LabelledTransaction> first = generator.transactions().toList();
    List<LabelledTransaction> second = generator.transactions().toList();

    assertThat(first).isNotEmpty().isEqualTo(second);
  }

  @Test
  void transactionsComeInTimestampOrderWithinThePeriod() {
    GeneratorConfig config = Fixtures.CONFIG;
    Transaction previous = null;
    for (LabelledTransaction labelled : Fixtures.transactions()) {
      Transaction t = labelled.transaction();
      assertThat(t.timestamp()).isAfterOrEqualTo(config.start()).isBefore(config.end());
      if (previous != null) {
        assertThat(t.timestamp()).isAfterOrEqualTo(previous.timestamp());
      }
      previous = t;
    }
  }

  @Test
  void idsAreNumberedInStreamOrder() {
    List<LabelledTransaction> transactions = Fixtures.transactions();

    assertThat(transactions.get(0).transaction().id().value()).isEqualTo("T000000001");
    for (int i = 0; i < transactions.size(); i++) {
      assertThat(transactions.get(i).transaction().id().value())
          .isEqualTo(String.format("T%09d", i + 1));
    }
    assertThat(Fixtures.generator().customers().get(0).id().value()).isEqualTo("C000001");
    assertThat(Fixtures.generator().merchants().get(0).id().value()).isEqualTo("M00001");
  }

  @Test
  void orderHoldsAcrossAClockChangeInALocalZone() {
    // Berlin moves its clocks forward on 29 March 2026: that day lasts 23 hours.
    GeneratorConfig config =
        GeneratorConfig.of(300, 40, 6, 3L)
            .startingOn(LocalDate.of(2026, 3, 27), ZoneId.of("Europe/Berlin"));

    List<LabelledTransaction> transactions = Generator.create(config).transactions().toList();

    assertThat(transactions).isNotEmpty();
    for (int i = 1; i < transactions.size(); i++) {
      assertThat(transactions.get(i).transaction().timestamp())
          .isAfterOrEqualTo(transactions.get(i - 1).transaction().timestamp());
    }
    assertThat(transactions.get(transactions.size() - 1).transaction().timestamp())
        .isBefore(config.end());
  }

  @Test
  void generatesLazilySoAVeryLongPeriodStartsAtOnce() {
    // Ten years of 20,000 customers would be some hundred million transactions: only generating
    // day by day lets the first ten arrive.
    Generator generator = Generator.create(GeneratorConfig.of(20_000, 200, 3_650, 5L));

    Iterator<LabelledTransaction> iterator = generator.iterator();
    for (int i = 0; i < 10; i++) {
      assertThat(iterator.next().transaction().timestamp())
          .isBefore(generator.config().start().plusSeconds(86_400));
    }
  }

  @Test
  void expectedTransactionsEstimatesTheCountClosely() {
    long actual = Fixtures.transactions().size();

    assertThat(Fixtures.generator().expectedTransactions())
        .isBetween(actual * 90 / 100, actual * 110 / 100);
  }

  @Test
  void tinyConfigurationsStillGenerate() {
    Generator generator = Generator.create(GeneratorConfig.of(1, 1, 1, 1L));

    assertThat(generator.customers()).hasSize(1);
    assertThat(generator.merchants()).hasSize(1);
    assertThat(generator.transactions()).allSatisfy(t -> assertThat(t.transaction()).isNotNull());
  }

  private static String csvHash(GeneratorConfig config) throws Exception {
    Generator generator = Generator.create(config);
    StringWriter out = new StringWriter();
    DatasetWriter.writeCustomers(generator.customers(), out);
    DatasetWriter.writeMerchants(generator.merchants(), out);
    DatasetWriter.writeTransactions(generator.iterator(), out, written -> {});
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    return HexFormat.of().formatHex(sha.digest(out.toString().getBytes(StandardCharsets.UTF_8)));
  }
}

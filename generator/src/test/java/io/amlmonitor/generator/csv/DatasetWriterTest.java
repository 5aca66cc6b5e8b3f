package io.amlmonitor.generator.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.generator.Generator;
import io.amlmonitor.generator.GeneratorConfig;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.generator.Typology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetWriterTest {
  private static final Generator GENERATOR =
      Generator.create(GeneratorConfig.of(1_200, 150, 30, 21L));

  @TempDir Path directory;

  @Test
  void writesThreeFilesWithTheirHeaders() throws IOException {
    DatasetWriter.write(GENERATOR, directory, written -> {});

    assertThat(firstLine("customers.csv")).isEqualTo(String.join(",", CsvColumns.CUSTOMERS));
    assertThat(firstLine("merchants.csv")).isEqualTo(String.join(",", CsvColumns.MERCHANTS));
    assertThat(firstLine("transactions.csv"))
        .isEqualTo(
            "transaction_id,timestamp,customer_id,merchant_id,counterparty_id,amount,currency,"
                + "channel,ip_address,device_id,country,counterparty_country,is_laundering,"
                + "typology");
    assertThat(lines("customers.csv")).hasSize(1_201);
    assertThat(lines("merchants.csv")).hasSize(151);
  }

  @Test
  void summaryCountsEveryTransactionByTypology() throws IOException {
    DatasetSummary summary = DatasetWriter.write(GENERATOR, directory, written -> {});
    Map<Typology, Long> expected =
        GENERATOR
            .transactions()
            .collect(Collectors.groupingBy(LabelledTransaction::typology, Collectors.counting()));

    assertThat(summary.customers()).isEqualTo(1_200);
    assertThat(summary.merchants()).isEqualTo(150);
    assertThat(summary.transactions()).isEqualTo(lines("transactions.csv").size() - 1);
    assertThat(summary.transactionsByTypology()).containsAllEntriesOf(expected);
    assertThat(summary.transactionsByTypology()).containsOnlyKeys(Typology.values());
    assertThat(summary.launderingTransactions())
        .isEqualTo(summary.transactions() - summary.count(Typology.NONE))
        .isPositive();
  }

  @Test
  void reportsProgressEveryTenThousandRowsAndAtTheEnd() {
    List<Long> reports = new ArrayList<>();

    DatasetSummary summary = DatasetWriter.write(GENERATOR, directory, reports::add);

    assertThat(summary.transactions()).isGreaterThan(20_000);
    assertThat(reports.subList(0, reports.size() - 1))
        .allSatisfy(count -> assertThat(count % DatasetWriter.PROGRESS_INTERVAL).isZero())
        .isSorted();
    assertThat(reports.get(reports.size() - 1)).isEqualTo(summary.transactions());
  }

  @Test
  void writesRowsInTheDocumentedFormat() throws IOException {
    DatasetWriter.write(GENERATOR, directory, written -> {});

    assertThat(lines("customers.csv").get(1))
        .matches(
            "C000001,(individual|business),[A-Z]{2},[a-z_]+,\\d+\\.\\d{2},\\d{4}-\\d{2}-\\d{2},(true|false)");
    assertThat(lines("transactions.csv").subList(1, 200))
        .allSatisfy(
            row ->
                assertThat(row)
                    .matches(
                        "T\\d{9},\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z,C\\d{6},"
                            + "(M\\d{5})?,([CX]\\d+)?,\\d+\\.\\d{2},BRL,[a-z]+,[0-9.]*,"
                            + "(dev-[0-9a-f]{12})?,[A-Z]{2},[A-Z]{2},(true|false),[a-z_]+"));
  }

  @Test
  void quotesMerchantNamesThatNeedIt() throws IOException {
    DatasetWriter.write(GENERATOR, directory, written -> {});
    Map<String, String> names =
        GENERATOR.merchants().stream()
            .collect(Collectors.toMap(m -> m.id().value(), m -> m.name(), (a, b) -> a));
    String quoted =
        names.entrySet().stream()
            .filter(e -> e.getValue().contains(","))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();

    assertThat(lines("merchants.csv"))
        .anySatisfy(row -> assertThat(row).startsWith(quoted + ",\"" + names.get(quoted) + "\","));
  }

  @Test
  void replacesFilesOfTheSameName() throws IOException {
    Files.writeString(directory.resolve("transactions.csv"), "stale\n".repeat(1_000_000));

    DatasetSummary summary = DatasetWriter.write(GENERATOR, directory, written -> {});

    assertThat(lines("transactions.csv")).hasSize((int) summary.transactions() + 1);
  }

  private String firstLine(String file) throws IOException {
    return lines(file).get(0);
  }

  private List<String> lines(String file) throws IOException {
    return Files.readAllLines(directory.resolve(file), StandardCharsets.UTF_8);
  }
}

package io.amlmonitor.generator.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.generator.Generator;
import io.amlmonitor.generator.GeneratorConfig;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.generator.Typology;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionCsvReaderTest {
  private static final String HEADER = String.join(",", CsvColumns.TRANSACTIONS);
  private static final String GOOD =
      "T000000001,2026-01-05T14:03:22.123Z,C000001,M00001,,95.10,BRL,card,,,BR,BR,false,none";
  private static final String GOOD_TRANSFER =
      "T000000002,2026-01-05T14:05:00.000Z,C000002,,X0000009,9500.00,BRL,pix,"
          + "189.1.2.3,dev-00000000abcd,BR,BR,true,structuring";

  @TempDir Path directory;

  @Test
  void readsBackExactlyWhatWasWritten() {
    Generator generator = Generator.create(GeneratorConfig.of(1_200, 80, 20, 4L));
    List<LabelledTransaction> written = generator.transactions().toList();
    StringWriter out = new StringWriter();
    DatasetWriter.writeTransactions(written.iterator(), out, count -> {});

    List<LabelledTransaction> read = readAll(out.toString(), BadRowHandler.failFast());

    assertThat(read).isEqualTo(written);
    assertThat(read).anySatisfy(t -> assertThat(t.typology()).isNotEqualTo(Typology.NONE));
  }

  @Test
  void readsAWrittenFileAsAStream() {
    Generator generator = Generator.create(GeneratorConfig.of(300, 40, 5, 4L));
    DatasetSummary summary = DatasetWriter.write(generator, directory, count -> {});

    try (Stream<LabelledTransaction> rows =
        TransactionCsvReader.open(directory.resolve("transactions.csv"), BadRowHandler.failFast())
            .stream()) {
      assertThat(rows.count()).isEqualTo(summary.transactions());
    }
  }

  @Test
  void keepsCommasAndQuotesInsideQuotedFields() {
    String row = "T1,2026-01-05T14:03:22.123Z,\"C,1\",\"M\"\"1\",,1.00,BRL,card,,,BR,BR,false,none";

    LabelledTransaction read = readAll(HEADER + "\n" + row + "\n", BadRowHandler.failFast()).get(0);

    assertThat(read.transaction().customerId().value()).isEqualTo("C,1");
    assertThat(read.transaction().merchantId().value()).isEqualTo("M\"1");
  }

  @Test
  void failFastStopsAtABadRowNamingItsLineAndField() {
    String csv = HEADER + "\n" + GOOD + "\n" + GOOD.replace("95.10", "ninety") + "\n";

    assertThatThrownBy(() -> readAll(csv, BadRowHandler.failFast()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("line 3: amount: 'ninety' is not a number")
        .satisfies(e -> assertThat(((CsvFormatException) e).line()).isEqualTo(3));
  }

  @Test
  void aHandlerThatReturnsLetsReadingCarryOn() {
    List<BadRow> bad = new ArrayList<>();
    String csv =
        String.join(
            "\n",
            HEADER,
            GOOD,
            GOOD.replace("2026-01-05T14:03:22.123Z", "yesterday"),
            GOOD.replace(",card,", ",pigeon,"),
            GOOD.replace(",BR,BR,", ",BR,"),
            GOOD.replace("false,none", "true,none"),
            GOOD_TRANSFER);

    TransactionCsvReader reader = new TransactionCsvReader(new StringReader(csv), bad::add);
    List<LabelledTransaction> read = new ArrayList<>();
    reader.forEachRemaining(read::add);

    assertThat(read).hasSize(2);
    assertThat(reader.badRows()).isEqualTo(4);
    assertThat(bad).extracting(BadRow::line).containsExactly(3L, 4L, 5L, 6L);
    assertThat(bad.get(0).reason()).startsWith("timestamp: 'yesterday' is not an ISO-8601");
    assertThat(bad.get(1).reason()).startsWith("channel: 'pigeon' is not one of");
    assertThat(bad.get(2).reason()).isEqualTo("has 13 fields; the header has 14");
    assertThat(bad.get(3).reason()).isEqualTo("is_laundering: is true but typology is none");
    assertThat(bad.get(0).text()).contains("yesterday");
  }

  @Test
  void countsLinesOfQuotedFieldsThatSpanLines() {
    List<BadRow> bad = new ArrayList<>();
    String spanning = GOOD.replace(",card,,,", ",card,,\"dev\nice\",");
    String unclosed = GOOD.replace(",card,,,", ",card,,\"dev,");
    String csv = String.join("\n", HEADER, spanning, GOOD, unclosed, GOOD);

    List<LabelledTransaction> read = new ArrayList<>();
    new TransactionCsvReader(new StringReader(csv), bad::add).forEachRemaining(read::add);

    assertThat(read).hasSize(1);
    assertThat(bad).extracting(BadRow::line).containsExactly(2L, 5L);
    assertThat(bad.get(0).reason()).isEqualTo("device_id: contains a control character");
    assertThat(bad.get(1).reason()).endsWith("opens a quote that is never closed");
  }

  @Test
  void acceptsColumnsInAnyOrderWithExtrasAndAByteOrderMark() {
    String csv =
        "\uFEFFtypology,is_laundering,note,"
            + String.join(",", CsvColumns.TRANSACTIONS.subList(0, 12))
            + "\nnone,false,hello,"
            + GOOD.substring(0, GOOD.lastIndexOf(",false,none"))
            + "\n\n";

    List<LabelledTransaction> read = readAll(csv, BadRowHandler.failFast());

    assertThat(read)
        .singleElement()
        .satisfies(t -> assertThat(t.transaction().id().value()).isEqualTo("T000000001"));
  }

  @Test
  void aHeaderMissingColumnsIsRejectedNamingThem() {
    String csv = "transaction_id,timestamp,customer_id\n";

    assertThatThrownBy(() -> readAll(csv, BadRowHandler.failFast()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("line 1: missing column(s) merchant_id, counterparty_id, amount");
  }

  @Test
  void aFileWithoutLabelColumnsReadsAsUnlabelled() {
    String csv =
        "transaction_id,timestamp,customer_id,merchant_id,counterparty_id,amount,currency,"
            + "channel,ip_address,device_id,country,counterparty_country\n"
            + "T1,2026-01-05T10:00:00Z,C1,M1,,12.50,BRL,card,,,BR,BR\n";

    try (TransactionCsvReader reader =
        new TransactionCsvReader(new java.io.StringReader(csv), BadRowHandler.failFast())) {
      assertThat(reader.labelled()).isFalse();
      LabelledTransaction t = reader.next();
      assertThat(t.isLaundering()).isFalse();
      assertThat(t.transaction().amount().cents()).isEqualTo(1250);
    }
  }

  @Test
  void oneLabelColumnWithoutTheOtherIsRejected() {
    String csv =
        "transaction_id,timestamp,customer_id,merchant_id,counterparty_id,amount,currency,"
            + "channel,ip_address,device_id,country,counterparty_country,is_laundering\n";

    assertThatThrownBy(() -> readAll(csv, BadRowHandler.failFast()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageContaining("label columns come as a pair");
  }

  @Test
  void anEmptyFileIsRejected() {
    assertThatThrownBy(() -> readAll("", BadRowHandler.failFast()))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageContaining("empty");
  }

  private static List<LabelledTransaction> readAll(String csv, BadRowHandler handler) {
    try (TransactionCsvReader reader = new TransactionCsvReader(new StringReader(csv), handler)) {
      List<LabelledTransaction> rows = new ArrayList<>();
      reader.forEachRemaining(rows::add);
      return rows;
    }
  }
}

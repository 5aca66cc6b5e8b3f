package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.jdbc.Compaction;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a command compacts the embedded database file after writing, and what it says. */
class StoreCompactionTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void aBulkWriteIsFollowedByACompactionThatSaysHowMuchItSaved() {
    DatabaseConfig.Embedded config = new DatabaseConfig.Embedded(dir.resolve("db"), 2);
    Database db = Database.open(config);
    List<Transaction> batch = payments(500);
    db.transactions().saveAll(batch);

    Optional<Compaction> c =
        StoreCompaction.afterBulkWrite(
            db, StoreCompaction.FROM_ROWS, new AppMessages(Locale.ENGLISH), out);

    assertThat(c).isPresent();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("Compacting the embedded database file")
        .contains("Compacted the embedded database file: ")
        .contains(StoreCompaction.size(c.get().bytesAfter()));
    try (Database again = Database.open(config)) {
      assertThat(again.transactions().count()).isEqualTo(batch.size());
    }
  }

  @Test
  void aSmallWriteLeavesTheFileAndTheDatabaseOpen() {
    try (Database db = Database.open(new DatabaseConfig.Embedded(dir.resolve("db"), 2))) {
      db.transactions().saveAll(payments(10));

      Optional<Compaction> c =
          StoreCompaction.afterBulkWrite(
              db, StoreCompaction.FROM_ROWS - 1, new AppMessages(Locale.ENGLISH), out);

      assertThat(c).isEmpty();
      assertThat(printed.size()).isZero();
      assertThat(db.transactions().count()).isEqualTo(10);
    }
  }

  @Test
  void theMessagesAreInBrazilianPortugueseToo() {
    Database db = Database.open(new DatabaseConfig.Embedded(dir.resolve("db"), 2));

    StoreCompaction.afterBulkWrite(
        db, StoreCompaction.FROM_ROWS, new AppMessages(Locale.forLanguageTag("pt-BR")), out);

    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("Compactando o arquivo do banco embutido")
        .contains("Arquivo do banco embutido compactado: ");
  }

  @Test
  void sizesReadInMegabytesOrGigabytes() {
    assertThat(StoreCompaction.size(90_615_808)).isEqualTo("90.6 MB");
    assertThat(StoreCompaction.size(1_853_091_840)).isEqualTo("1.85 GB");
  }

  private static List<Transaction> payments(int n) {
    List<Transaction> out = new ArrayList<>(n);
    Instant start = Instant.parse("2026-01-05T00:00:00Z");
    for (int i = 0; i < n; i++) {
      out.add(
          Transaction.builder()
              .id("T" + i)
              .timestamp(start.plusSeconds(i))
              .customer("C" + (i % 7))
              .merchant("M1")
              .amount(10 + i)
              .build());
    }
    return out;
  }
}

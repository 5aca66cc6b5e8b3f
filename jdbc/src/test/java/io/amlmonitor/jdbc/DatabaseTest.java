package io.amlmonitor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.store.StoreUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening and inspecting databases, and how failures read; no server needed. */
class DatabaseTest {
  @TempDir Path dir;

  @Test
  void anUnreachablePostgresqlIsReportedWithItsHostAndPort() {
    DatabaseConfig.Postgres nowhere =
        new DatabaseConfig.Postgres("127.0.0.1", 1, "aml", "postgres", "secret", "public", 2);

    assertThatThrownBy(() -> Database.open(nowhere))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("cannot reach PostgreSQL at 127.0.0.1:1")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> Database.inspect(nowhere))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("127.0.0.1:1");
  }

  @Test
  void inspectingAMissingEmbeddedDatabaseCreatesNothing() {
    DatabaseConfig.Embedded config = new DatabaseConfig.Embedded(dir.resolve("db"), 2);

    assertThatThrownBy(() -> Database.inspect(config))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining(config.file().toString());
    assertThat(Files.exists(config.file())).isFalse();
  }

  @Test
  void theEmbeddedDatabaseIsOneFileUnderItsDirectory() {
    DatabaseConfig.Embedded config = new DatabaseConfig.Embedded(dir.resolve("data/db"), 2);
    try (Database db = Database.open(config)) {
      assertThat(db.dialect()).isEqualTo(Dialect.H2);
      assertThat(db.status().upToDate()).isTrue();
    }
    assertThat(config.file()).isRegularFile();
    assertThat(Database.inspect(config).schemaVersion()).isEqualTo("7");
  }

  @Test
  void compactingTheEmbeddedFileAfterABulkLoadShrinksItAndKeepsEveryRow() {
    DatabaseConfig.Embedded config = new DatabaseConfig.Embedded(dir.resolve("db"), 2);
    List<Transaction> all = TestData.payments("T", 4_000);
    Database db = Database.open(config);
    for (int i = 0; i < all.size(); i += 100) {
      db.transactions().saveAll(all.subList(i, i + 100));
    }

    Compaction c = db.compactAndClose().orElseThrow();

    assertThat(c.bytesAfter()).isLessThan(c.bytesBefore());
    assertThat(config.file()).hasSize(c.bytesAfter());
    try (Database again = Database.open(config)) {
      assertThat(again.transactions().count()).isEqualTo(all.size());
      assertThat(again.transactions().find(all.get(1_234).id())).contains(all.get(1_234));
    }
  }

  @Test
  void copyAndMultiRowValuesAreRefusedOnTheEmbeddedDatabase() {
    try (Database db = Database.open(new DatabaseConfig.Embedded(dir, 2))) {
      assertThatThrownBy(() -> db.transactions(InsertMethod.COPY))
          .hasMessageContaining("COPY needs PostgreSQL");
      assertThatThrownBy(() -> db.transactions(InsertMethod.MULTI_ROW_VALUES))
          .hasMessageContaining("needs PostgreSQL");
    }
  }

  @Test
  void describingAPostgresqlConfigurationNeverShowsThePassword() {
    DatabaseConfig.Postgres pg =
        new DatabaseConfig.Postgres("db.internal", 5433, "aml", "aml", "hunter2", "aml", 4);

    assertThat(pg.toString()).isEqualTo(pg.describe()).doesNotContain("hunter2");
    assertThat(pg.describe()).contains("db.internal:5433");
  }
}

package io.amlmonitor.app;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.generator.Generator;
import io.amlmonitor.generator.GeneratorConfig;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.jdbc.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A small generated history stored in a database, for the flows' tests. */
final class FlowsTestData {
  static final GeneratorConfig CONFIG = GeneratorConfig.of(300, 30, 8, 7);

  final Generator generator = Generator.create(CONFIG);
  final List<Transaction> transactions =
      generator.transactions().map(LabelledTransaction::transaction).toList();

  /** The end of the generated history. */
  Instant end() {
    return CONFIG.end();
  }

  /** Stores the customers and the transactions in {@code db}. */
  FlowsTestData storeIn(Database db) {
    db.customers().upsertAll(generator.customers());
    List<Transaction> batch = new ArrayList<>();
    for (Transaction t : transactions) {
      batch.add(t);
      if (batch.size() == 5_000) {
        db.transactions().saveAll(batch);
        batch.clear();
      }
    }
    db.transactions().saveAll(batch);
    return this;
  }
}

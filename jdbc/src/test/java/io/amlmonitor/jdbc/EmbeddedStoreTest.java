package io.amlmonitor.jdbc;

import io.amlmonitor.core.alert.AlertRepository;
import io.amlmonitor.core.cases.CaseRepository;
import io.amlmonitor.core.graph.NetworkFindingRepository;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** Every contract against the embedded H2 file, in a fresh temporary directory. */
class EmbeddedStoreTest {
  @TempDir static Path dir;
  static Database db;

  @BeforeAll
  static void open() {
    db = Database.open(new DatabaseConfig.Embedded(dir.resolve("db"), 4));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Nested
  class Schema extends SchemaContract {
    @Override
    Database database() {
      return db;
    }

    @Override
    String product() {
      return "H2";
    }
  }

  @Nested
  class TransactionsByJdbcBatch extends TransactionRepositoryContract {
    @Override
    Database database() {
      return db;
    }

    @Override
    InsertMethod method() {
      return InsertMethod.JDBC_BATCH;
    }
  }

  @Nested
  class Decisions extends DecisionRepositoryContract {
    @Override
    Database database() {
      return db;
    }
  }

  @Nested
  class NetworkFindings extends NetworkFindingRepositoryContract {
    @Override
    NetworkFindingRepository emptyRepository() {
      try {
        StoreContract.clear(db);
      } catch (SQLException e) {
        throw new AssertionError(e);
      }
      return db.networkFindings();
    }
  }

  @Nested
  class Alerts extends AlertRepositoryContract {
    @Override
    AlertRepository emptyRepository() {
      try {
        StoreContract.clear(db);
      } catch (SQLException e) {
        throw new AssertionError(e);
      }
      return db.alerts();
    }
  }

  @Nested
  class Customers extends CustomerRepositoryContract {
    @Override
    Database database() {
      return db;
    }
  }

  @Nested
  class FlowRuns extends FlowRunRepositoryContract {
    @Override
    Database database() {
      return db;
    }
  }

  @Nested
  class Cases extends CaseRepositoryContract {
    @Override
    CaseRepository cases() {
      return db.cases();
    }

    @Override
    AlertRepository alerts() {
      return db.alerts();
    }
  }

  @Nested
  class Reports extends ReportRepositoryContract {
    @Override
    Database database() {
      return db;
    }
  }
}

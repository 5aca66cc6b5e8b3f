package io.amlmonitor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.alert.AlertRepository;
import io.amlmonitor.core.cases.CaseRepository;
import io.amlmonitor.core.graph.NetworkFindingRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every contract against the machine's PostgreSQL, in a schema of its own, dropped afterwards. */
class PostgresStoreIT {
  static DatabaseConfig.Postgres config;
  static Database db;

  @BeforeAll
  static void open() {
    config = PostgresTestDatabase.freshSchema();
    db = PostgresTestDatabase.openOrSkip(config);
  }

  @AfterAll
  static void close() throws SQLException {
    if (db != null) {
      db.close();
      PostgresTestDatabase.dropSchema(config);
    }
  }

  @Nested
  class Schema extends SchemaContract {
    @Override
    Database database() {
      return db;
    }

    @Override
    String product() {
      return "PostgreSQL";
    }

    @Test
    void caseEventsCannotBeTruncated() throws SQLException {
      newCase();
      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.execute("TRUNCATE case_events CASCADE"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("append-only");
      }
    }

    @Test
    void theTablesLiveInTheConfiguredSchema() throws SQLException {
      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement();
          var rs =
              s.executeQuery(
                  "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                      + config.schema()
                      + "'")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(TABLES.size() + 1);
      }
    }
  }

  @Nested
  class TransactionsByCopy extends TransactionRepositoryContract {
    @Override
    Database database() {
      return db;
    }

    @Override
    InsertMethod method() {
      return InsertMethod.COPY;
    }
  }

  @Nested
  class TransactionsByMultiRowValues extends TransactionRepositoryContract {
    @Override
    Database database() {
      return db;
    }

    @Override
    InsertMethod method() {
      return InsertMethod.MULTI_ROW_VALUES;
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

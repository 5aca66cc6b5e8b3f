package io.amlmonitor.app;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@code aml report} on the machine's PostgreSQL, in a schema of its own. */
class PostgresReportIT extends ReportContract {
  private static final String SCHEMA = "report_it";

  @BeforeEach
  void freshSchema() throws Exception {
    TestServices.requirePostgres();
    TestServices.dropSchema(SCHEMA);
  }

  @AfterEach
  void dropSchema() throws Exception {
    TestServices.dropSchema(SCHEMA);
  }

  @Override
  Map<String, String> database() {
    return Map.of(
        "POSTGRES_HOST", "127.0.0.1",
        "POSTGRES_PORT", "5432",
        "POSTGRES_DB", "test",
        "POSTGRES_USER", "postgres",
        "POSTGRES_SCHEMA", SCHEMA,
        "AML_DATA_DIR", dir.resolve("data").toString());
  }
}

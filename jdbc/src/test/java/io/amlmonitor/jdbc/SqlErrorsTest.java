package io.amlmonitor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.store.StoreException;
import io.amlmonitor.core.store.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {
  private final SqlErrors errors = new SqlErrors("PostgreSQL at db:5432");

  @Test
  void connectionFailuresAndPoolTimeoutsMeanTheStoreIsUnavailable() {
    StoreException refused =
        errors.translate("saving 3 transactions", new SQLException("Connection refused", "08001"));
    StoreException timeout =
        errors.translate(
            "counting alerts",
            new SQLException("wrapped", null, new SQLTransientConnectionException("pool empty")));
    StoreException shutdown =
        errors.translate("counting alerts", new SQLException("terminating", "57P01"));

    assertThat(refused)
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessage(
            "cannot reach PostgreSQL at db:5432 while saving 3 transactions: Connection refused");
    assertThat(timeout).isInstanceOf(StoreUnavailableException.class);
    assertThat(shutdown).isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void otherFailuresNameTheOperationTheDatabaseAndTheSqlState() {
    SQLException cause = new SQLException("value too long for type character varying(3)", "22001");

    StoreException e = errors.translate("saving 1 transactions", cause);

    assertThat(e).isNotInstanceOf(StoreUnavailableException.class).hasCause(cause);
    assertThat(e)
        .hasMessage(
            "saving 1 transactions failed on PostgreSQL at db:5432:"
                + " value too long for type character varying(3) (SQLState 22001)");
  }
}

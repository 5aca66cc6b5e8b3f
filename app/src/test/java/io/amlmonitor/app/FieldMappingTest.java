package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.app.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldMappingTest {
  private static final List<String> AMLSIM =
      List.of("sourceNodeId", "targetNodeId", "value", "time");
  private static final String AMLSIM_MAPPING =
      "sourceNodeId=customer_id,targetNodeId=counterparty_id,value=amount,time=timestamp";

  @Test
  void mapsTheNamedColumnsToTheirFields() {
    FieldMapping m = FieldMapping.resolve(AMLSIM_MAPPING, AMLSIM, "transactions.csv");

    assertThat(m.position(TransactionField.CUSTOMER_ID)).isEqualTo(0);
    assertThat(m.position(TransactionField.COUNTERPARTY_ID)).isEqualTo(1);
    assertThat(m.position(TransactionField.AMOUNT)).isEqualTo(2);
    assertThat(m.position(TransactionField.TIMESTAMP)).isEqualTo(3);
    assertThat(m.position(TransactionField.MERCHANT_ID)).isEqualTo(-1);
    assertThat(m.hasIds()).isFalse();
    assertThat(m.ignored()).isEmpty();
  }

  @Test
  void withoutAMappingColumnsNamedLikeFieldsFeedThemAndTheRestAreIgnored() {
    FieldMapping m =
        FieldMapping.resolve(
            null,
            List.of("transaction_id", "timestamp", "customer_id", "merchant_id", "amount", "note"),
            "t.csv");

    assertThat(m.hasIds()).isTrue();
    assertThat(m.position(TransactionField.MERCHANT_ID)).isEqualTo(3);
    assertThat(m.ignored()).containsExactly("note");
  }

  @Test
  void anUnknownFieldIsRefusedNamingItAndTheFields() {
    assertThatThrownBy(
            () -> FieldMapping.resolve("sourceNodeId=customer,value=amount", AMLSIM, "t.csv"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'customer' is not a transaction field")
        .hasMessageContaining("customer_id, merchant_id, counterparty_id");
  }

  @Test
  void anUnknownSourceColumnIsRefusedNamingItAndTheFilesColumns() {
    assertThatThrownBy(
            () ->
                FieldMapping.resolve(AMLSIM_MAPPING.replace("value=", "amount="), AMLSIM, "t.csv"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("t.csv has no column 'amount'")
        .hasMessageContaining("its columns are sourceNodeId, targetNodeId, value, time");
  }

  @Test
  void aFieldNoColumnFeedsIsRefusedWhenTheTransactionNeedsIt() {
    assertThatThrownBy(() -> FieldMapping.resolve(null, AMLSIM, "t.csv"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "FILE='t.csv': no column feeds timestamp, customer_id, amount, merchant_id or"
                + " counterparty_id; its columns are sourceNodeId, targetNodeId, value, time")
        .hasMessageEndingWith("map them with --mapping SOURCE_COLUMN=FIELD,...");
    assertThatThrownBy(
            () ->
                FieldMapping.resolve(
                    "sourceNodeId=customer_id,value=amount,time=timestamp", AMLSIM, "t.csv"))
        .hasMessageContaining("no column feeds merchant_id or counterparty_id");
  }

  @Test
  void aColumnOrFieldGivenTwiceOrABadPairIsRefused() {
    assertThatThrownBy(() -> FieldMapping.resolve(AMLSIM_MAPPING + ",value=currency", AMLSIM, "f"))
        .hasMessageContaining("column 'value' is mapped twice");
    assertThatThrownBy(
            () ->
                FieldMapping.resolve(
                    "sourceNodeId=customer_id,targetNodeId=customer_id", AMLSIM, "f"))
        .hasMessageContaining("field customer_id is mapped twice");
    assertThatThrownBy(() -> FieldMapping.resolve("sourceNodeId", AMLSIM, "f"))
        .hasMessageContaining("'sourceNodeId' is not SOURCE_COLUMN=FIELD");
  }
}

package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Transaction;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DerivedIdsTest {
  private static final Transaction T =
      Transaction.builder()
          .id("ignored")
          .timestamp(Instant.parse("2017-01-02T00:00:00Z"))
          .customer("280")
          .counterparty("15349")
          .amount("147.8")
          .build();

  @Test
  void theSameRowAtTheSamePositionAlwaysGetsTheSameId() {
    assertThat(new DerivedIds().of(T, 1)).isEqualTo(new DerivedIds().of(T, 1));
    assertThat(new DerivedIds().of(T, 42).value()).matches("imp-000000000042-[0-9a-f]{20}");
  }

  @Test
  void aFilesIdsAscendInFileOrder() {
    DerivedIds ids = new DerivedIds();

    assertThat(ids.of(T, 9).compareTo(ids.of(T, 10))).isNegative();
    assertThat(ids.of(T, 999_999).compareTo(ids.of(T, 1_000_000))).isNegative();
  }

  @Test
  void anIdenticalRowElsewhereInTheFileOrAnyDifferentValueGetsAnotherId() {
    DerivedIds ids = new DerivedIds();
    Transaction otherAmount =
        Transaction.builder()
            .id("ignored")
            .timestamp(T.timestamp())
            .customer("280")
            .counterparty("15349")
            .amount("147.81")
            .build();

    assertThat(ids.of(T, 2)).isNotEqualTo(ids.of(T, 1));
    assertThat(ids.of(otherAmount, 1)).isNotEqualTo(ids.of(T, 1));
  }
}

package io.amlmonitor.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.TransactionId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedbackLabelsTest {
  static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  static AlertDisposition verdict(String tx, AlertDisposition.Outcome outcome, long minute) {
    return new AlertDisposition(
        "A-" + tx + minute,
        TransactionId.of(tx),
        CustomerId.of("C1"),
        outcome,
        T0.plusSeconds(60 * minute),
        CaseId.of("K-" + minute));
  }

  @Test
  void aSarIsLaunderingAndAFalsePositiveIsNot() {
    FeedbackLabels labels = new FeedbackLabels();
    labels.add(verdict("T1", AlertDisposition.Outcome.SAR, 1));
    labels.add(verdict("T2", AlertDisposition.Outcome.FALSE_POSITIVE, 1));
    assertThat(labels.label("T1")).contains(true);
    assertThat(labels.label("T2")).contains(false);
    assertThat(labels.label("T3")).isEmpty();
    assertThat(labels.size()).isEqualTo(2);
    assertThat(labels.positives()).isEqualTo(1);
  }

  @Test
  void theLatestClosingWinsWhateverTheOrderRead() {
    FeedbackLabels labels = new FeedbackLabels();
    labels.add(verdict("T1", AlertDisposition.Outcome.SAR, 5));
    labels.add(verdict("T1", AlertDisposition.Outcome.FALSE_POSITIVE, 2));
    assertThat(labels.label("T1")).contains(true);
    labels.add(verdict("T1", AlertDisposition.Outcome.FALSE_POSITIVE, 9));
    assertThat(labels.label("T1")).contains(false);
  }
}

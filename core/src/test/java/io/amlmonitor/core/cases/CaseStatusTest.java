package io.amlmonitor.core.cases;

import static io.amlmonitor.core.cases.CaseStatus.CLOSED_FALSE_POSITIVE;
import static io.amlmonitor.core.cases.CaseStatus.CLOSED_SAR;
import static io.amlmonitor.core.cases.CaseStatus.ESCALATED;
import static io.amlmonitor.core.cases.CaseStatus.IN_REVIEW;
import static io.amlmonitor.core.cases.CaseStatus.OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class CaseStatusTest {
  @Test
  void theTransitionTableIsTheDocumentedOne() {
    assertThat(OPEN.allowedTargets()).containsExactly(IN_REVIEW);
    assertThat(IN_REVIEW.allowedTargets())
        .containsExactly(ESCALATED, CLOSED_FALSE_POSITIVE, CLOSED_SAR);
    assertThat(ESCALATED.allowedTargets())
        .containsExactly(IN_REVIEW, CLOSED_FALSE_POSITIVE, CLOSED_SAR);
    assertThat(CLOSED_FALSE_POSITIVE.allowedTargets()).isEmpty();
    assertThat(CLOSED_SAR.allowedTargets()).isEmpty();
  }

  @Test
  void noStatusMovesToItselfAndOnlyTheClosedOnesAreClosed() {
    for (CaseStatus s : CaseStatus.values()) {
      assertThat(s.canMoveTo(s)).as(s.name()).isFalse();
      assertThat(s.isClosed()).isEqualTo(s.name().startsWith("CLOSED_"));
    }
  }

  @Test
  void parsingIgnoresCaseAndAcceptsHyphensAndNamesTheFieldWhenWrong() {
    assertThat(CaseStatus.parse("status", " in-review ")).isEqualTo(IN_REVIEW);
    assertThat(CaseStatus.parse("status", "closed_sar")).isEqualTo(CLOSED_SAR);
    assertThatThrownBy(() -> CaseStatus.parse("to", "done"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage(
            "to: 'done' is not one of OPEN, IN_REVIEW, ESCALATED, CLOSED_FALSE_POSITIVE,"
                + " CLOSED_SAR");
  }
}

package io.amlmonitor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.flow.Checkpoint;
import io.amlmonitor.core.flow.FlowName;
import io.amlmonitor.core.flow.FlowRun;
import io.amlmonitor.core.flow.FlowRunRepository;
import java.time.Instant;
import org.junit.jupiter.api.Test;

abstract class FlowRunRepositoryContract extends StoreContract {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final TimeRange PERIOD = new TimeRange(T0, T0.plusSeconds(86_400));

  private FlowRunRepository runs() {
    return database().flowRuns();
  }

  private static FlowRun running(String id, Instant started) {
    return new FlowRun(
        id, FlowName.TRANSACTION_MONITORING, FlowRun.Status.RUNNING, PERIOD, started, null, 0);
  }

  @Test
  void aStartedRunIsUnfinishedUntilItCompletes() {
    runs().start(running("r1", T0), "{}");

    assertThat(runs().unfinished(FlowName.TRANSACTION_MONITORING, PERIOD))
        .hasValueSatisfying(r -> assertThat(r.runId()).isEqualTo("r1"));
    assertThat(runs().unfinished(FlowName.CUSTOMER_RISK, PERIOD)).isEmpty();
    assertThat(
            runs()
                .unfinished(
                    FlowName.TRANSACTION_MONITORING, new TimeRange(T0, T0.plusSeconds(3600))))
        .isEmpty();

    runs().finish("r1", FlowRun.Status.COMPLETED, 10, "done", T0.plusSeconds(5));
    assertThat(runs().unfinished(FlowName.TRANSACTION_MONITORING, PERIOD)).isEmpty();
    assertThat(runs().find("r1").orElseThrow().status()).isEqualTo(FlowRun.Status.COMPLETED);
  }

  @Test
  void theCheckpointSurvivesAFailureAndAResume() {
    runs().start(running("r2", T0), "{}");
    Checkpoint cp = new Checkpoint(T0.plusSeconds(600), TransactionId.of("T-9"));
    runs().checkpoint("r2", cp, 500, T0.plusSeconds(1));
    runs().finish("r2", FlowRun.Status.FAILED, 500, "store away", T0.plusSeconds(2));

    FlowRun failed = runs().unfinished(FlowName.TRANSACTION_MONITORING, PERIOD).orElseThrow();
    assertThat(failed.checkpoint()).isEqualTo(cp);
    assertThat(failed.processed()).isEqualTo(500);
    assertThat(failed.status()).isEqualTo(FlowRun.Status.FAILED);

    runs().resume("r2", T0.plusSeconds(3));
    assertThat(runs().find("r2").orElseThrow().status()).isEqualTo(FlowRun.Status.RUNNING);
  }

  @Test
  void theNewestUnfinishedRunIsTheOneToResume() {
    runs().start(running("old", T0), "{}");
    runs().start(running("new", T0.plusSeconds(60)), "{}");

    assertThat(runs().unfinished(FlowName.TRANSACTION_MONITORING, PERIOD).orElseThrow().runId())
        .isEqualTo("new");
    assertThat(runs().recent(10)).extracting(FlowRun::runId).containsExactly("new", "old");
  }
}

package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.flow.FlowName;
import io.amlmonitor.core.flow.FlowStats;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowMetricsTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String get(int port) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    return r.body();
  }

  @Test
  void servesARunningFlowOnItsPortAndItsEndOnceFinished() throws Exception {
    int port = freePort();
    try (FlowMetrics metrics = new FlowMetrics(null, port, InstantSource.fixed(NOW))) {
      metrics.started(FlowName.CUSTOMER_RISK, new FlowStats());

      String running = get(port);
      assertThat(FlowsContract.metric(running, "aml_flow_running", "customer_risk")).isEqualTo(1);
      assertThat(FlowsContract.metric(running, "aml_flow_completed", "customer_risk")).isZero();
      assertThat(running).contains("jvm_memory_used_bytes");

      metrics.finished(FlowName.CUSTOMER_RISK, true);

      String done = get(port);
      assertThat(FlowsContract.metric(done, "aml_flow_running", "customer_risk")).isZero();
      assertThat(FlowsContract.metric(done, "aml_flow_completed", "customer_risk")).isEqualTo(1);
      assertThat(FlowsContract.metric(done, "aml_flow_finished_timestamp_seconds", "customer_risk"))
          .isEqualTo(NOW.getEpochSecond());
    }
  }

  @Test
  void aFailedFlowIsReportedAsNotCompletedInTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("flows.prom");
    try (FlowMetrics metrics = new FlowMetrics(file, 0, InstantSource.fixed(NOW))) {
      metrics.started(FlowName.TRANSACTION_MONITORING, new FlowStats());
      metrics.finished(FlowName.TRANSACTION_MONITORING, false);

      String text = Files.readString(file);
      assertThat(FlowsContract.metric(text, "aml_flow_completed", "transaction_monitoring"))
          .isZero();
      assertThat(FlowsContract.metric(text, "aml_flow_running", "transaction_monitoring")).isZero();
      assertThat(metrics.port()).isZero();
    }
  }
}

package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code aml demo} for a few seconds and talks to its API while it streams. */
class DemoEndToEndTest {
  private static final Pattern API = Pattern.compile("API on http://127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path dataDir;

  @Test
  void demoStreamsServesTheApiAndSummarisesDetection() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    CompletableFuture<Integer> run;
    String output;
    try {
      run =
          CompletableFuture.supplyAsync(
              () ->
                  Main.execute(
                      "demo",
                      "--duration",
                      "6s",
                      "--rate",
                      "3000",
                      "--port",
                      "0",
                      "--customers",
                      "400",
                      "--merchants",
                      "60",
                      "--days",
                      "30",
                      "--seed",
                      "7",
                      "--data-dir",
                      dataDir.toString()));
      int port = awaitPort(captured);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> predict =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/predict"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"customer_id\":\"CUST_000001\",\"merchant_id\":\"MERCH_0001\","
                              + "\"amount\":15000.00,\"ip_address\":\"192.168.1.10\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(run.get(90, TimeUnit.SECONDS)).isZero();
      output = captured.toString(StandardCharsets.UTF_8);
      assertThat(predict.statusCode()).isEqualTo(200);
      assertThat(predict.body()).contains("\"risk_level\":\"MEDIUM\"");
      assertThat(health.body()).contains("\"status\":\"UP\"");
    } finally {
      System.setOut(original);
    }
    assertThat(output)
        .contains("AML Monitor demo: summary")
        .contains("Detection by typology (alerted / labelled):")
        .contains("structuring")
        .contains("Alerts by rule:");
    Matcher totals = Pattern.compile("Transactions: ([\\d,]+)").matcher(output);
    assertThat(totals.find()).isTrue();
    assertThat(Long.parseLong(totals.group(1).replace(",", ""))).isPositive();
  }

  private static int awaitPort(ByteArrayOutputStream captured) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      Matcher m = API.matcher(captured.toString(StandardCharsets.UTF_8));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the demo never printed its API address:\n" + captured);
  }
}

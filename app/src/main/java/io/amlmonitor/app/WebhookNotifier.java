package io.amlmonitor.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.flow.AlertNotifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts each alert as JSON to a webhook; any 2xx answer is an acknowledgement. The body carries an
 * {@code Idempotency-Key} header (the alert id), since a retry after a lost answer sends it again.
 */
final class WebhookNotifier implements AlertNotifier {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final HttpClient client;
  private final Duration timeout;

  WebhookNotifier(URI url, Duration timeout) {
    this.url = url;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public String channel() {
    return url.toString();
  }

  @Override
  public void send(Alert alert) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", alert.alertId())
            .POST(HttpRequest.BodyPublishers.ofString(body(alert)))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new NotificationException("cannot reach " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotificationException("interrupted while posting to " + url, e);
    }
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      String text = response.body() == null ? "" : response.body();
      throw new NotificationException(
          url + " answered " + status + (text.isBlank() ? "" : ": " + abbreviate(text)), null);
    }
  }

  static String body(Alert a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("alert_id", a.alertId());
    m.put("transaction_id", a.transactionId().value());
    m.put("customer_id", a.customerId().value());
    m.put("receiver_id", a.receiverId());
    m.put("amount", a.amount() == null ? null : a.amount().toBigDecimal());
    m.put("transaction_time", a.transactionTime() == null ? null : a.transactionTime().toString());
    m.put("created_at", a.createdAt().toString());
    m.put("risk_score", a.riskScore());
    m.put("risk_level", a.riskLevel().name());
    m.put("rules", a.rules());
    m.put("reasons", a.reasons());
    m.put("rule_set_version", a.ruleSetVersion());
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String s) {
    String one = s.strip().replace('\n', ' ');
    return one.length() <= 200 ? one : one.substring(0, 200) + "…";
  }
}

package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.kafka.KafkaBroker;
import io.amlmonitor.kafka.Topics;
import io.amlmonitor.kafka.TransactionRecords;
import io.amlmonitor.server.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * An API instance fed by a stream ({@code aml serve --from-stream}, the distributed demo's API): it
 * scores against the features another process wrote to Redis, exactly as that process would, writes
 * the transaction to the topic and nothing to Redis; when the broker is away it answers 503 and
 * counts nothing.
 */
class StreamFedApiIT {
  private static final String TOPIC = "transactions";
  private final ObjectMapper json = Json.mapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String prefix = "aml-it-fed-" + UUID.randomUUID().toString().substring(0, 8) + ":";

  @TempDir Path dir;

  @Test
  void scoresAgainstTheServedFeaturesWritesTheTopicAndNotRedis() throws Exception {
    TestServices.requireRedis();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    InstantSource clock = InstantSource.fixed(now);
    try (KafkaBroker broker =
            KafkaBroker.start(dir.resolve("kafka"), "127.0.0.1", 0, Duration.ofSeconds(60));
        Topics topics = new Topics(broker.bootstrapServers())) {
      topics.ensure(TOPIC, 2, Duration.ofSeconds(60));
      try (EmbeddedRuntime writer = runtime("writer", clock, null);
          EmbeddedRuntime fed =
              runtime(
                  "fed", clock, new EmbeddedRuntime.StreamFeed(broker.bootstrapServers(), TOPIC))) {
        for (int i = 0; i < 5; i++) {
          writer.intake().score(payment("W" + i, now.minusSeconds(3_000 - i * 60L), 9_500 + i));
        }
        int port = fed.startApi(0).port();
        Transaction next = payment("NEW1", now.minusSeconds(60), 9_900);
        byte[] stateBefore = waitForState("FC1");

        Decision expected = writer.processor().assess(next);
        HttpResponse<String> r = predict(port, next);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("risk_score").asDouble())
            .isEqualTo(Math.round(expected.assessment().riskScore() * 10_000) / 10_000.0);
        assertThat(body.path("status").asText()).isEqualTo("accepted");
        assertThat(body.path("alert_id").asText())
            .isEqualTo(expected.alert() == null ? "" : expected.alert().alertId());
        expected
            .assessment()
            .features()
            .asMap()
            .forEach(
                (name, value) ->
                    assertThat(body.path("features_used").path(name).asDouble())
                        .as(name)
                        .isEqualTo(value.doubleValue()));
        assertThat(readTopic(broker.bootstrapServers(), 1))
            .extracting(t -> t.id().value())
            .containsExactly("NEW1");
        assertThat(rawState("FC1")).isEqualTo(stateBefore);
        assertThat(health(port).at("/components/pipeline/published").asLong()).isEqualTo(1);

        broker.close();
        HttpResponse<String> away = predict(port, payment("NEW2", now, 10));
        assertThat(away.statusCode()).as(away.body()).isEqualTo(503);
        assertThat(away.body()).contains("transactions topic");
      }
    } finally {
      TestServices.removeRedisKeys(prefix);
    }
  }

  private static Transaction payment(String id, Instant at, double amount) {
    return Transaction.builder()
        .id(id)
        .timestamp(at)
        .customer("FC1")
        .merchant("FM1")
        .amount(amount)
        .ipAddress("10.0.0.1")
        .build();
  }

  private HttpResponse<String> predict(int port, Transaction t) throws Exception {
    String body =
        String.format(
            Locale.ROOT,
            "{\"transaction_id\":\"%s\",\"timestamp\":\"%s\",\"customer_id\":\"%s\","
                + "\"merchant_id\":\"%s\",\"amount\":%s,\"ip_address\":\"%s\"}",
            t.id().value(),
            t.timestamp(),
            t.customerId().value(),
            t.merchantId().value(),
            t.amount().toBigDecimal().toPlainString(),
            t.ipAddress());
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/predict"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode health(int port) throws Exception {
    return json.readTree(
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  private byte[] rawState(String customer) {
    try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
      return jedis.get((prefix + "state:CUSTOMER:" + customer).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The writer flushes behind: waits until the customer's state is in Redis. */
  private byte[] waitForState(String customer) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    byte[] held;
    while ((held = rawState(customer)) == null && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(held).as("state of %s in Redis", customer).isNotNull();
    // and stays put: the writer has nothing more to flush
    Thread.sleep(100);
    return rawState(customer);
  }

  private static List<Transaction> readTopic(String servers, int expected) throws Exception {
    List<Transaction> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                servers,
                "group.id",
                "it-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (out.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          out.add(TransactionRecords.decode(r.value()));
        }
      }
      // nothing more arrives
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
        out.add(TransactionRecords.decode(r.value()));
      }
    }
    return out;
  }

  private EmbeddedRuntime runtime(
      String name, InstantSource clock, EmbeddedRuntime.StreamFeed feed) {
    Settings settings =
        Settings.resolve(
            new ConfigSources(
                Map.of(
                    "REDIS_HOST",
                    "127.0.0.1",
                    "REDIS_KEY_PREFIX",
                    prefix,
                    "AML_DATA_DIR",
                    dir.resolve(name).toString()),
                Map.of(),
                Map.of()));
    return new EmbeddedRuntime(
        settings, clock, d -> {}, CustomerProfiles.NONE, LiveStores.open(settings), feed);
  }
}

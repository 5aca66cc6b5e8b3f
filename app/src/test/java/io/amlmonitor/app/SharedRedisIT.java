package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.server.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two API instances in front of one Redis: one takes the transactions, the other only reads, and
 * both serve the same features for every customer, the population comparisons included (ten hours
 * of payments, so that the population reference is in use).
 */
class SharedRedisIT {
  private final ObjectMapper json = Json.mapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String prefix = "aml-it-" + UUID.randomUUID() + ":";

  @TempDir Path dir;

  @Test
  void twoInstancesOverOneRedisServeTheSameFeatures() throws Exception {
    TestServices.requireRedis();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    InstantSource clock = InstantSource.fixed(now);
    try (EmbeddedRuntime writer = runtime("writer", clock);
        EmbeddedRuntime reader = runtime("reader", clock)) {
      int writerPort = writer.startApi(0).port();
      int readerPort = reader.startApi(0).port();
      Random random = new Random(42);
      for (int i = 0; i < 300; i++) {
        String body =
            String.format(
                Locale.ROOT,
                "{\"transaction_id\":\"SR%d\",\"timestamp\":\"%s\",\"customer_id\":\"SC%d\","
                    + "\"merchant_id\":\"SM%d\",\"amount\":%.2f,\"ip_address\":\"10.1.1.%d\"}",
                i,
                now.minusSeconds(36_000 - i * 120L),
                random.nextInt(8),
                random.nextInt(3),
                5 + random.nextDouble() * 2_000,
                random.nextInt(5));
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + writerPort + "/predict"))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      }
      // The writer flushes every 10 ms: poll until the reader sees it, rather than guess a delay.
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (true) {
        try {
          compare(writerPort, readerPort);
          // The population reference was in use: z-scores against it are not all zero.
          assertThat(zscores).anyMatch(z -> z != 0);
          break;
        } catch (AssertionError notYet) {
          if (System.nanoTime() > deadline) {
            throw notYet;
          }
          Thread.sleep(50);
        }
      }
    } finally {
      TestServices.removeRedisKeys(prefix);
    }
  }

  private final java.util.Set<Double> zscores = new java.util.HashSet<>();

  private void compare(int writerPort, int readerPort) throws Exception {
    for (int c = 0; c < 8; c++) {
      JsonNode fromWriter = features(writerPort, "SC" + c);
      JsonNode fromReader = features(readerPort, "SC" + c);
      assertThat(fromReader.path("known").asBoolean()).isTrue();
      Iterator<Map.Entry<String, JsonNode>> it = fromWriter.path("features").fields();
      int compared = 0;
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        assertThat(fromReader.path("features").path(f.getKey()))
            .as("%s of SC%d", f.getKey(), c)
            .isEqualTo(f.getValue());
        compared++;
      }
      assertThat(compared).isGreaterThan(40);
      zscores.add(fromWriter.at("/features/behavioral_amount_zscore/value").asDouble());
    }
  }

  private EmbeddedRuntime runtime(String name, InstantSource clock) {
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
        settings, clock, d -> {}, CustomerProfiles.NONE, LiveStores.open(settings));
  }

  private JsonNode features(int port, String customer) throws Exception {
    return json.readTree(
        http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/features/" + customer))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }
}

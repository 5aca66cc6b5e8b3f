package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.server.ApiServer;
import io.amlmonitor.server.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL and Redis, each reached through a relay the test cuts: while one is away, {@code
 * /health} names it and requests that need it get 503 with a clear body; once it is back, the
 * service answers again by itself, without a restart.
 */
class StoreOutageIT {

  private final ObjectMapper json = Json.mapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String schema =
      "aml_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  private final String prefix = "aml-it-" + UUID.randomUUID() + ":";

  @TempDir Path dir;
  private TcpProxy postgres;
  private TcpProxy redis;
  private EmbeddedRuntime runtime;
  private int port;
  private int sent;

  @BeforeEach
  void start() throws Exception {
    TestServices.requirePostgres();
    TestServices.requireRedis();
    postgres = new TcpProxy("127.0.0.1", 5432);
    redis = new TcpProxy("127.0.0.1", 6379);
    Settings settings =
        Settings.resolve(
            new ConfigSources(
                Map.of(
                    "POSTGRES_HOST",
                    "127.0.0.1",
                    "POSTGRES_PORT",
                    String.valueOf(postgres.port()),
                    "POSTGRES_DB",
                    "test",
                    "POSTGRES_USER",
                    "postgres",
                    "POSTGRES_SCHEMA",
                    schema,
                    "REDIS_HOST",
                    "127.0.0.1",
                    "REDIS_PORT",
                    String.valueOf(redis.port()),
                    "REDIS_KEY_PREFIX",
                    prefix,
                    "AML_DATA_DIR",
                    dir.toString()),
                Map.of(),
                Map.of()));
    runtime =
        new EmbeddedRuntime(
            settings,
            InstantSource.system(),
            d -> {},
            CustomerProfiles.NONE,
            LiveStores.open(settings));
    ApiServer server = runtime.startApi(0);
    port = server.port();
  }

  @AfterEach
  void stop() throws Exception {
    if (runtime != null) {
      runtime.close();
    }
    if (postgres != null) {
      postgres.close();
      redis.close();
      TestServices.dropSchema(schema);
      TestServices.removeRedisKeys(prefix);
    }
  }

  @Test
  void postgresqlAwayIsNamedInHealthAndA503ThenServiceRecoversByItself() throws Exception {
    assertThat(predict().statusCode()).isEqualTo(200);

    postgres.cut();
    HttpResponse<String> refused = predict();
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(json.readTree(refused.body()).path("detail").asText())
        .contains("PostgreSQL at 127.0.0.1:" + postgres.port());
    JsonNode health = health();
    assertThat(health.path("status").asText()).isEqualTo("DOWN");
    assertThat(health.at("/components/system_of_record/status").asText()).isEqualTo("DOWN");
    assertThat(health.at("/components/feature_store/status").asText()).isEqualTo("UP");

    postgres.restore();
    assertThat(predictUntilOk()).isEqualTo(200);
    assertThat(healthUntilUp()).isEqualTo("UP");
  }

  @Test
  void redisAwayIsNamedInHealthAndA503ThenServiceRecoversByItself() throws Exception {
    assertThat(predict().statusCode()).isEqualTo(200);

    redis.cut();
    // Loaded entities are served from the store's working copy, written behind; a customer not
    // seen yet must be read from Redis.
    HttpResponse<String> refused = predict("C2");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(json.readTree(refused.body()).path("detail").asText())
        .contains("Redis at 127.0.0.1:" + redis.port());
    JsonNode health = health();
    assertThat(health.at("/components/feature_store/status").asText()).isEqualTo("DOWN");
    assertThat(health.at("/components/system_of_record/status").asText()).isEqualTo("UP");

    redis.restore();
    assertThat(predictUntilOk()).isEqualTo(200);
    assertThat(healthUntilUp()).isEqualTo("UP");
  }

  private HttpResponse<String> predict() throws Exception {
    return predict("C1");
  }

  private HttpResponse<String> predict(String customer) throws Exception {
    sent++;
    String body =
        "{\"transaction_id\":\"OUT-"
            + sent
            + "\",\"customer_id\":\""
            + customer
            + "\",\"merchant_id\":\"M1\",\"amount\":25.00}";
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/predict"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private int predictUntilOk() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int status;
    do {
      status = predict().statusCode();
      if (status == 200) {
        return status;
      }
      Thread.sleep(250);
    } while (System.nanoTime() < deadline);
    return status;
  }

  private String healthUntilUp() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String status;
    do {
      status = health().path("status").asText();
      if (status.equals("UP")) {
        return status;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    return status;
  }

  private JsonNode health() throws Exception {
    return json.readTree(
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }
}

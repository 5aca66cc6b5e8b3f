package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;

/**
 * {@code aml demo --distributed}: one command runs the broker, the Flink job, Redis and the API;
 * every transaction produced gets the job's decision, the features land in Redis under the demo's
 * prefix, and the summary is drawn from what the job recorded.
 */
class DistributedDemoIT {
  private static final Pattern PROGRESS =
      Pattern.compile("produced ([\\d,]+) \\| scored by the job ([\\d,]+)");

  @Test
  void oneCommandStreamsThroughKafkaFlinkAndRedisAndSummarises(@TempDir Path dir) {
    TestServices.requireRedis();
    String prefix = "aml-it-demo-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      int code =
          Commands.run(
              new DemoCommand(new PrintStream(out, true, StandardCharsets.UTF_8)),
              err,
              "demo",
              "--distributed",
              "--redis-key-prefix",
              prefix,
              "--duration",
              "6s",
              "--rate",
              "200",
              "--customers",
              "200",
              "--merchants",
              "20",
              "--port",
              "0",
              "--data-dir",
              dir.resolve("data").toString());
      String text = out.toString(StandardCharsets.UTF_8);

      assertThat(code).as(text + err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(text).contains("Distributed: Kafka at 127.0.0.1:").contains("API on http://");
      Matcher m = PROGRESS.matcher(text);
      String produced = null;
      String scored = null;
      while (m.find()) {
        produced = m.group(1);
        scored = m.group(2);
      }
      assertThat(produced).isNotNull();
      assertThat(scored).isEqualTo(produced);
      assertThat(Long.parseLong(produced.replace(",", ""))).isGreaterThan(100);
      assertThat(text)
          .contains("AML Monitor demo: summary")
          .contains("Transactions: " + produced + " in ")
          .contains("Detection by typology");
      try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
        ScanParams match = new ScanParams().match(prefix + "state:CUSTOMER:*").count(1_000);
        String cursor = ScanParams.SCAN_POINTER_START;
        long customers = 0;
        do {
          var page = jedis.scan(cursor, match);
          customers += page.getResult().size();
          cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        assertThat(customers).isPositive();
      }
    } finally {
      TestServices.removeRedisKeys(prefix);
    }
  }
}

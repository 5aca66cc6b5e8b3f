package io.amlmonitor.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

class RedisPrefixIT {
  @Test
  void clearingAPrefixDeletesItsKeysAndNoOther() {
    RedisTestServer.requireUp();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String prefix = "aml-it-prefix-" + run + ":[x]*";
    String neighbour = "aml-it-prefix-" + run + ":other";
    try (Jedis jedis = new Jedis(RedisTestServer.HOST, RedisTestServer.PORT)) {
      for (int i = 0; i < 2_500; i++) {
        jedis.set(prefix + i, "v");
      }
      jedis.set(neighbour, "kept");

      long deleted = RedisPrefix.clear(RedisTestServer.HOST, RedisTestServer.PORT, prefix);

      assertThat(deleted).isEqualTo(2_500);
      assertThat(jedis.exists(prefix + "7")).isFalse();
      assertThat(jedis.get(neighbour)).isEqualTo("kept");
    } finally {
      RedisTestServer.removeKeys("aml-it-prefix-" + run);
    }
  }

  @Test
  void anEmptyPrefixIsRefused() {
    assertThatThrownBy(() -> RedisPrefix.clear(RedisTestServer.HOST, RedisTestServer.PORT, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

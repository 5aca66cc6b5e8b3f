package io.amlmonitor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/**
 * The job's graph, built without running it: every record that crosses an operator has a serializer
 * of its own. Kryo is refused when the job is built ({@code pipeline.generic-types: false}), so
 * building it at all proves no edge falls back to it; state serializers are created when the
 * operators open, which {@code StreamJobIT} runs with the same setting.
 */
class StreamJobTypesTest {

  @Test
  void theJobBuildsWithKryoRefusedAndNoRecordCrossesAnOperatorThroughIt() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    new StreamJob(settings()).build(env);

    assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
    StreamGraph graph = env.getStreamGraph();
    List<TypeSerializer<?>> serializers = new ArrayList<>();
    for (StreamNode node : graph.getStreamNodes()) {
      Stream.concat(Stream.of(node.getTypeSerializersIn()), Stream.of(node.getTypeSerializerOut()))
          .filter(Objects::nonNull)
          .forEach(serializers::add);
    }
    assertThat(serializers).isNotEmpty().noneMatch(s -> s instanceof KryoSerializer);
    assertThat(serializers)
        .anyMatch(s -> s instanceof TransactionSerializer)
        .anyMatch(s -> s instanceof PartSerializer)
        .anyMatch(s -> s instanceof PartFeaturesSerializer)
        .anyMatch(s -> s instanceof PaymentSerializer);
  }

  private static JobSettings settings() {
    return new JobSettings(
        new JobSettings.Source("127.0.0.1:9", "transactions", "aml-test", true),
        new JobSettings.Scoring(
            "UTC", Duration.ofMinutes(5), "rules: []", "test", 0.3, 0.6, 0.6, "en", null),
        new JobSettings.RedisTarget(
            "127.0.0.1", 6379, "aml-test:", Duration.ofHours(1), Duration.ofMillis(10)),
        new JobSettings.SqlTarget(null, "/nonexistent"),
        "dead",
        "alerts",
        2,
        Duration.ofSeconds(10),
        Duration.ofMillis(200));
  }
}

package io.amlmonitor.flink;

import io.amlmonitor.core.feature.EntityType;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.FunctionInitializationContext;

/**
 * How many customers and merchants a task holds state for: counted as their state is created
 * ({@link KeyedEntityStateStore}), kept in the task's checkpointed operator state and reported as
 * the metrics {@code aml_customers} and {@code aml_merchants}. Keyed state is never dropped, so the
 * counts stay exact; after a restore at another parallelism the tasks' counts are redistributed,
 * and their sum is still the job's.
 */
final class HeldEntities {
  private final String name;
  private ListState<long[]> checkpointed;
  private final long[] restored = new long[EntityType.values().length];

  HeldEntities(String name) {
    this.name = name;
  }

  /** Reads the counts a restored checkpoint gave this task (in {@code initializeState}). */
  void initialize(FunctionInitializationContext context) throws Exception {
    checkpointed =
        context
            .getOperatorStateStore()
            .getListState(
                new ListStateDescriptor<>(
                    name, PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
    for (long[] counts : checkpointed.get()) {
      for (int i = 0; i < restored.length && i < counts.length; i++) {
        restored[i] += counts[i];
      }
    }
  }

  /** Starts {@code store} from the restored counts and reports its counts as metrics. */
  void track(KeyedEntityStateStore store, MetricGroup metrics) {
    store.addHeld(restored);
    metrics.gauge("aml_customers", () -> store.size(EntityType.CUSTOMER));
    metrics.gauge("aml_merchants", () -> store.size(EntityType.MERCHANT));
  }

  /** Keeps {@code store}'s counts in the checkpoint being taken. */
  void snapshot(KeyedEntityStateStore store) throws Exception {
    checkpointed.update(List.of(store.held()));
  }
}

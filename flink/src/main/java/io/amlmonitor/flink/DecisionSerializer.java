package io.amlmonitor.flink;

import io.amlmonitor.core.pipeline.Decision;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A decision never leaves the task that made it: the scorer hands it to the sinks chained behind
 * it, as the object itself (it refers to the compiled rules, which are not meant to be copied). So
 * it is never copied, and writing it out fails loudly instead of falling back to Kryo: a graph that
 * would ship decisions between tasks (other parallelisms, chaining turned off) must change first.
 */
final class DecisionSerializer extends TypeSerializerSingleton<Decision> {
  static final DecisionSerializer INSTANCE = new DecisionSerializer();

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public Decision createInstance() {
    return null;
  }

  @Override
  public Decision copy(Decision from) {
    return from;
  }

  @Override
  public Decision copy(Decision from, Decision reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(Decision record, DataOutputView target) {
    throw refused();
  }

  @Override
  public Decision deserialize(DataInputView source) {
    throw refused();
  }

  @Override
  public Decision deserialize(Decision reuse, DataInputView source) {
    throw refused();
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    throw refused();
  }

  private static UnsupportedOperationException refused() {
    return new UnsupportedOperationException(
        "a decision is handed to the operators chained behind the scorer, never serialized");
  }

  @Override
  public TypeSerializerSnapshot<Decision> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Nothing to record: a decision is never in state. */
  public static final class Snapshot extends FixedFormatSnapshot<Decision> {
    public Snapshot() {
      super(INSTANCE);
    }
  }
}

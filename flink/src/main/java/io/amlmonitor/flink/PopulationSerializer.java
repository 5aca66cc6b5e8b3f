package io.amlmonitor.flink;

import io.amlmonitor.core.feature.PopulationStats;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Checkpoints the population statistics in their own format ({@link PopulationStats#toBytes}). */
final class PopulationSerializer extends TypeSerializer<PopulationStats> {
  static final PopulationSerializer INSTANCE = new PopulationSerializer();

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<PopulationStats> duplicate() {
    return this;
  }

  @Override
  public PopulationStats createInstance() {
    return new PopulationStats();
  }

  @Override
  public PopulationStats copy(PopulationStats from) {
    PopulationStats copy = new PopulationStats();
    copy.load(from.toBytes());
    return copy;
  }

  @Override
  public PopulationStats copy(PopulationStats from, PopulationStats reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(PopulationStats record, DataOutputView target) throws IOException {
    byte[] bytes = record.toBytes();
    target.writeInt(bytes.length);
    target.write(bytes);
  }

  @Override
  public PopulationStats deserialize(DataInputView source) throws IOException {
    byte[] bytes = new byte[source.readInt()];
    source.readFully(bytes);
    PopulationStats stats = new PopulationStats();
    stats.load(bytes);
    return stats;
  }

  @Override
  public PopulationStats deserialize(PopulationStats reuse, DataInputView source)
      throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int length = source.readInt();
    target.writeInt(length);
    target.write(source, length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PopulationSerializer;
  }

  @Override
  public int hashCode() {
    return PopulationSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<PopulationStats> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Nothing to record: the format carries its own version. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<PopulationStats> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}

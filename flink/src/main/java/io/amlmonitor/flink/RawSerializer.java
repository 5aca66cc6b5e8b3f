package io.amlmonitor.flink;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * A record as read from Kafka. The source hands it to the decoder in the same task, so it is
 * serialized only if a deployment splits them; the value may be null (a tombstone).
 */
final class RawSerializer extends TypeSerializerSingleton<Events.Raw> {
  static final RawSerializer INSTANCE = new RawSerializer();

  @Override
  public boolean isImmutableType() {
    return false; // the value is an array
  }

  @Override
  public Events.Raw createInstance() {
    return null;
  }

  @Override
  public Events.Raw copy(Events.Raw from) {
    return new Events.Raw(
        from.topic(),
        from.partition(),
        from.offset(),
        from.timestamp(),
        from.value() == null ? null : from.value().clone());
  }

  @Override
  public Events.Raw copy(Events.Raw from, Events.Raw reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(Events.Raw r, DataOutputView out) throws IOException {
    StringValue.writeString(r.topic(), out);
    out.writeInt(r.partition());
    out.writeLong(r.offset());
    out.writeLong(r.timestamp());
    byte[] value = r.value();
    out.writeInt(value == null ? -1 : value.length);
    if (value != null) {
      out.write(value);
    }
  }

  @Override
  public Events.Raw deserialize(DataInputView in) throws IOException {
    String topic = StringValue.readString(in);
    int partition = in.readInt();
    long offset = in.readLong();
    long timestamp = in.readLong();
    int length = in.readInt();
    byte[] value = null;
    if (length >= 0) {
      value = new byte[length];
      in.readFully(value);
    }
    return new Events.Raw(topic, partition, offset, timestamp, value);
  }

  @Override
  public Events.Raw deserialize(Events.Raw reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  @Override
  public TypeSerializerSnapshot<Events.Raw> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The format's version. */
  public static final class Snapshot extends FixedFormatSnapshot<Events.Raw> {
    public Snapshot() {
      super(INSTANCE);
    }
  }
}

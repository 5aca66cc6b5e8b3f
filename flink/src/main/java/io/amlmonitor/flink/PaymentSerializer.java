package io.amlmonitor.flink;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** An accepted payment for the population statistics: its time and amount, two longs. */
final class PaymentSerializer extends TypeSerializerSingleton<Events.Payment> {
  static final PaymentSerializer INSTANCE = new PaymentSerializer();

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public Events.Payment createInstance() {
    return new Events.Payment(0, 0);
  }

  @Override
  public Events.Payment copy(Events.Payment from) {
    return from;
  }

  @Override
  public Events.Payment copy(Events.Payment from, Events.Payment reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return 16;
  }

  @Override
  public void serialize(Events.Payment p, DataOutputView out) throws IOException {
    out.writeLong(p.at());
    out.writeLong(p.cents());
  }

  @Override
  public Events.Payment deserialize(DataInputView in) throws IOException {
    return new Events.Payment(in.readLong(), in.readLong());
  }

  @Override
  public Events.Payment deserialize(Events.Payment reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    out.write(in, 16);
  }

  @Override
  public TypeSerializerSnapshot<Events.Payment> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The format's version. */
  public static final class Snapshot extends FixedFormatSnapshot<Events.Payment> {
    public Snapshot() {
      super(INSTANCE);
    }
  }
}

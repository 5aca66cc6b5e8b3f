package io.amlmonitor.flink;

import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.EventLog.Placement;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** A payment's part for one party: the transaction, then the party, placement and part count. */
final class PartSerializer extends TypeSerializerSingleton<Events.Part> {
  static final PartSerializer INSTANCE = new PartSerializer();
  private static final EntityType[] PARTIES = EntityType.values();
  private static final Placement[] PLACEMENTS = Placement.values();

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public Events.Part createInstance() {
    return null;
  }

  @Override
  public Events.Part copy(Events.Part from) {
    return from;
  }

  @Override
  public Events.Part copy(Events.Part from, Events.Part reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(Events.Part part, DataOutputView out) throws IOException {
    TransactionSerializer.INSTANCE.serialize(part.payment(), out);
    out.writeByte(part.party().ordinal());
    out.writeByte(part.placement().ordinal());
    out.writeByte(part.parts());
  }

  @Override
  public Events.Part deserialize(DataInputView in) throws IOException {
    return new Events.Part(
        TransactionSerializer.INSTANCE.deserialize(in),
        PARTIES[in.readByte()],
        PLACEMENTS[in.readByte()],
        in.readByte());
  }

  @Override
  public Events.Part deserialize(Events.Part reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  @Override
  public TypeSerializerSnapshot<Events.Part> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The format's version and the enums written by ordinal. */
  public static final class Snapshot extends FixedFormatSnapshot<Events.Part> {
    public Snapshot() {
      super(INSTANCE, Channel.class, EntityType.class, Placement.class);
    }
  }
}

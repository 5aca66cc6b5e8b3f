package io.amlmonitor.flink;

import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.feature.EventLog.Placement;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The features one party gave a payment. A party fills only its own slots of the vector's arrays
 * and leaves the others at +0.0, which {@code FeatureVector.merge} skips, so only the slots that
 * are not +0.0 are written, with their index: a third of the vector or less, bit for bit.
 *
 * <p>The arrays are mutable (the scorer merges parts into the first one's), so a copy is deep.
 */
final class PartFeaturesSerializer extends TypeSerializerSingleton<Events.PartFeatures> {
  static final PartFeaturesSerializer INSTANCE = new PartFeaturesSerializer();
  private static final Placement[] PLACEMENTS = Placement.values();

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public Events.PartFeatures createInstance() {
    return null;
  }

  @Override
  public Events.PartFeatures copy(Events.PartFeatures from) {
    return new Events.PartFeatures(
        from.payment(),
        from.placement(),
        from.parts(),
        from.values().clone(),
        from.previous().clone(),
        from.known());
  }

  @Override
  public Events.PartFeatures copy(Events.PartFeatures from, Events.PartFeatures reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(Events.PartFeatures f, DataOutputView out) throws IOException {
    TransactionSerializer.INSTANCE.serialize(f.payment(), out);
    out.writeByte(f.placement().ordinal());
    out.writeByte(f.parts());
    out.writeBoolean(f.known());
    double[] values = f.values();
    int filled = 0;
    for (double v : values) {
      if (Double.doubleToRawLongBits(v) != 0) {
        filled++;
      }
    }
    out.writeShort(values.length);
    out.writeShort(filled);
    for (int i = 0; i < values.length; i++) {
      long bits = Double.doubleToRawLongBits(values[i]);
      if (bits != 0) {
        out.writeShort(i);
        out.writeLong(bits);
      }
    }
    long[] previous = f.previous();
    out.writeByte(previous.length);
    for (long p : previous) {
      out.writeLong(p);
    }
  }

  @Override
  public Events.PartFeatures deserialize(DataInputView in) throws IOException {
    var payment = TransactionSerializer.INSTANCE.deserialize(in);
    Placement placement = PLACEMENTS[in.readByte()];
    int parts = in.readByte();
    boolean known = in.readBoolean();
    double[] values = new double[in.readUnsignedShort()];
    for (int n = in.readUnsignedShort(); n > 0; n--) {
      int i = in.readUnsignedShort();
      values[i] = Double.longBitsToDouble(in.readLong());
    }
    long[] previous = new long[in.readByte()];
    for (int i = 0; i < previous.length; i++) {
      previous[i] = in.readLong();
    }
    return new Events.PartFeatures(payment, placement, parts, values, previous, known);
  }

  @Override
  public Events.PartFeatures deserialize(Events.PartFeatures reuse, DataInputView in)
      throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  @Override
  public TypeSerializerSnapshot<Events.PartFeatures> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The format's version and the enums written by ordinal. */
  public static final class Snapshot extends FixedFormatSnapshot<Events.PartFeatures> {
    public Snapshot() {
      super(INSTANCE, Channel.class, Placement.class);
    }
  }
}

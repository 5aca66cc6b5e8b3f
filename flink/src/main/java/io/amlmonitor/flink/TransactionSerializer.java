package io.amlmonitor.flink;

import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.MerchantId;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * A transaction field by field: strings in Flink's compact form (null kept as null), the time as
 * seconds and nanoseconds, the channel by ordinal. A transaction is immutable, so it is never
 * copied; reading one runs its constructor, which checks it as every other path does.
 */
final class TransactionSerializer extends TypeSerializerSingleton<Transaction> {
  static final TransactionSerializer INSTANCE = new TransactionSerializer();
  private static final Channel[] CHANNELS = Channel.values();

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public Transaction createInstance() {
    return null;
  }

  @Override
  public Transaction copy(Transaction from) {
    return from;
  }

  @Override
  public Transaction copy(Transaction from, Transaction reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(Transaction t, DataOutputView out) throws IOException {
    StringValue.writeString(t.id().value(), out);
    out.writeLong(t.timestamp().getEpochSecond());
    out.writeInt(t.timestamp().getNano());
    StringValue.writeString(t.customerId().value(), out);
    StringValue.writeString(t.merchantId() == null ? null : t.merchantId().value(), out);
    StringValue.writeString(t.counterpartyId() == null ? null : t.counterpartyId().value(), out);
    out.writeLong(t.amount().cents());
    StringValue.writeString(t.currency(), out);
    out.writeByte(t.channel() == null ? -1 : t.channel().ordinal());
    StringValue.writeString(t.ipAddress(), out);
    StringValue.writeString(t.deviceId(), out);
    StringValue.writeString(t.country(), out);
    StringValue.writeString(t.counterpartyCountry(), out);
  }

  @Override
  public Transaction deserialize(DataInputView in) throws IOException {
    TransactionId id = TransactionId.of(StringValue.readString(in));
    Instant timestamp = Instant.ofEpochSecond(in.readLong(), in.readInt());
    CustomerId customer = CustomerId.of(StringValue.readString(in));
    String merchant = StringValue.readString(in);
    String counterparty = StringValue.readString(in);
    Money amount = new Money(in.readLong());
    String currency = StringValue.readString(in);
    byte channel = in.readByte();
    return new Transaction(
        id,
        timestamp,
        customer,
        merchant == null ? null : MerchantId.of(merchant),
        counterparty == null ? null : CustomerId.of(counterparty),
        amount,
        currency,
        channel < 0 ? null : CHANNELS[channel],
        StringValue.readString(in),
        StringValue.readString(in),
        StringValue.readString(in),
        StringValue.readString(in));
  }

  @Override
  public Transaction deserialize(Transaction reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  @Override
  public TypeSerializerSnapshot<Transaction> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The format's version and the channels, which are written by ordinal. */
  public static final class Snapshot extends FixedFormatSnapshot<Transaction> {
    public Snapshot() {
      super(INSTANCE, Channel.class);
    }
  }
}

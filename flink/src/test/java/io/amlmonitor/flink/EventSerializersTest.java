package io.amlmonitor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.EventLog.Placement;
import io.amlmonitor.core.feature.FeatureVector;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class EventSerializersTest {
  private static final Transaction FULL =
      Transaction.builder()
          .id("T-1")
          .timestamp(Instant.parse("2026-03-01T10:15:30.123456789Z"))
          .customer("C000001")
          .merchant("M000002")
          .counterparty("C000003")
          .amount("1234.56")
          .currency("brl")
          .channel(Channel.PIX)
          .ipAddress("10.0.0.1")
          .deviceId("dev-9")
          .country("BR")
          .counterpartyCountry("AR")
          .build();

  private static final Transaction SPARSE =
      Transaction.builder()
          .id("T-2")
          .timestamp(Instant.ofEpochMilli(0))
          .customer("C000001")
          .counterparty("C000004")
          .amount(0.0)
          .build();

  @Test
  void aTransactionComesBackEqualWithEveryFieldOrWithoutTheOptionalOnes() throws IOException {
    assertThat(roundTrip(TransactionSerializer.INSTANCE, FULL)).isEqualTo(FULL);
    assertThat(roundTrip(TransactionSerializer.INSTANCE, SPARSE)).isEqualTo(SPARSE);
  }

  @Test
  void partsAndPaymentsComeBackEqual() throws IOException {
    for (EntityType party : List.of(EntityType.CUSTOMER, EntityType.MERCHANT)) {
      for (Placement placement : Placement.values()) {
        Events.Part part = new Events.Part(FULL, party, placement, 3);
        assertThat(roundTrip(PartSerializer.INSTANCE, part)).isEqualTo(part);
      }
    }
    Events.Payment payment = new Events.Payment(1_700_000_000_123L, 987_654L);
    assertThat(roundTrip(PaymentSerializer.INSTANCE, payment)).isEqualTo(payment);
  }

  @Test
  void partFeaturesKeepEveryValueThatIsNotPositiveZeroBitForBit() throws IOException {
    double[] values = new double[88];
    values[0] = 1.5;
    values[3] = -0.0; // not +0.0: merge copies it, so it must survive
    values[40] = Double.NaN;
    values[87] = Double.MIN_VALUE;
    long[] previous = FeatureVector.nothingRead();
    previous[2] = 1_700_000_000_000L;
    Events.PartFeatures f =
        new Events.PartFeatures(SPARSE, Placement.LATE, 2, values, previous, true);

    Events.PartFeatures back = roundTrip(PartFeaturesSerializer.INSTANCE, f);

    assertThat(back.payment()).isEqualTo(SPARSE);
    assertThat(back.placement()).isEqualTo(Placement.LATE);
    assertThat(back.parts()).isEqualTo(2);
    assertThat(back.known()).isTrue();
    assertThat(bits(back.values())).containsExactly(bits(values));
    assertThat(back.previous()).containsExactly(previous);
  }

  @Test
  void aCopyOfPartFeaturesSharesNoArrayWithTheOriginal() {
    Events.PartFeatures f =
        new Events.PartFeatures(
            FULL, Placement.ACCEPTED, 1, new double[] {1, 2}, FeatureVector.nothingRead(), false);
    Events.PartFeatures copy = PartFeaturesSerializer.INSTANCE.copy(f);
    copy.values()[0] = 9;
    copy.previous()[0] = 9;
    assertThat(f.values()[0]).isEqualTo(1);
    assertThat(f.previous()[0]).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void aRawRecordComesBackWithItsValueOrWithoutOne() throws IOException {
    Events.Raw raw = new Events.Raw("transactions", 3, 42L, 1_700L, new byte[] {1, 2, 3});
    Events.Raw back = roundTrip(RawSerializer.INSTANCE, raw);
    assertThat(back.topic()).isEqualTo("transactions");
    assertThat(back.partition()).isEqualTo(3);
    assertThat(back.offset()).isEqualTo(42L);
    assertThat(back.timestamp()).isEqualTo(1_700L);
    assertThat(back.value()).containsExactly(1, 2, 3);
    assertThat(roundTrip(RawSerializer.INSTANCE, new Events.Raw("t", 0, 0, 0, null)).value())
        .isNull();
  }

  @Test
  void eachSerializerRestoredFromItsSnapshotReadsWhatTheCurrentOneWroteAndIsCompatible()
      throws IOException {
    assertRestores(TransactionSerializer.INSTANCE, FULL);
    assertRestores(
        PartSerializer.INSTANCE, new Events.Part(FULL, EntityType.MERCHANT, Placement.ACCEPTED, 2));
    assertRestores(PaymentSerializer.INSTANCE, new Events.Payment(5, 6));
  }

  @Test
  void aSnapshotWhoseEnumsChangedOrderIsIncompatibleOneThatGainedAConstantIsNot()
      throws IOException {
    TypeSerializerSnapshot<Transaction> current =
        TransactionSerializer.INSTANCE.snapshotConfiguration();
    List<String> channels = List.of(names(Channel.values()));

    List<String> reversed = new ArrayList<>(channels);
    Collections.reverse(reversed);
    TypeSerializerSnapshot<Transaction> reordered = readSnapshot(snapshotBytes(reversed));
    TypeSerializerSnapshot<Transaction> older =
        readSnapshot(snapshotBytes(channels.subList(0, channels.size() - 1)));

    assertThat(current.resolveSchemaCompatibility(reordered).isIncompatible()).isTrue();
    assertThat(current.resolveSchemaCompatibility(older).isCompatibleAsIs()).isTrue();
  }

  private static <T> void assertRestores(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
    TypeSerializerSnapshot<T> restored =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()),
            EventSerializersTest.class.getClassLoader());

    TypeSerializerSchemaCompatibility<T> compatibility =
        serializer.snapshotConfiguration().resolveSchemaCompatibility(restored);
    assertThat(compatibility.isCompatibleAsIs()).isTrue();

    DataOutputSerializer data = new DataOutputSerializer(64);
    serializer.serialize(value, data);
    T back =
        restored.restoreSerializer().deserialize(new DataInputDeserializer(data.getCopyOfBuffer()));
    assertThat(back).isEqualTo(value);
  }

  /** The bytes a snapshot of the transaction serializer writes, with other channel names. */
  private static byte[] snapshotBytes(List<String> channels) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    out.writeInt(FixedFormatSnapshot.FORMAT);
    out.writeInt(1);
    out.writeInt(channels.size());
    for (String name : channels) {
      out.writeUTF(name);
    }
    return out.getCopyOfBuffer();
  }

  private static TypeSerializerSnapshot<Transaction> readSnapshot(byte[] bytes) throws IOException {
    TransactionSerializer.Snapshot snapshot = new TransactionSerializer.Snapshot();
    snapshot.readSnapshot(
        1, new DataInputDeserializer(bytes), EventSerializersTest.class.getClassLoader());
    return snapshot;
  }

  private static String[] names(Enum<?>[] constants) {
    String[] names = new String[constants.length];
    for (int i = 0; i < constants.length; i++) {
      names[i] = constants[i].name();
    }
    return names;
  }

  private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(value, out);
    // and through copy(in, out), which a network or state shuffle may use
    DataOutputSerializer copied = new DataOutputSerializer(64);
    serializer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
    assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    T back = serializer.deserialize(in);
    assertThat(in.available()).isZero();
    return back;
  }

  private static long[] bits(double[] values) {
    long[] bits = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Double.doubleToRawLongBits(values[i]);
    }
    return bits;
  }
}

package io.amlmonitor.flink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * What a checkpoint records of a serializer whose format has no settings: its format version and
 * the constants of the enums it writes by ordinal. A restore reads the old state as is when the
 * format is the same and each enum only gained constants at its end; otherwise it is refused rather
 * than misread.
 */
abstract class FixedFormatSnapshot<T> implements TypeSerializerSnapshot<T> {
  /** The version of the formats of this package's event serializers. */
  static final int FORMAT = 1;

  private final TypeSerializer<T> serializer;
  private int format = FORMAT;
  private List<List<String>> names;

  @SafeVarargs
  FixedFormatSnapshot(TypeSerializer<T> serializer, Class<? extends Enum<?>>... enums) {
    this.serializer = serializer;
    this.names = Arrays.stream(enums).map(FixedFormatSnapshot::namesOf).toList();
  }

  private static List<String> namesOf(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
  }

  @Override
  public int getCurrentVersion() {
    return 1;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    out.writeInt(format);
    out.writeInt(names.size());
    for (List<String> constants : names) {
      out.writeInt(constants.size());
      for (String name : constants) {
        out.writeUTF(name);
      }
    }
  }

  @Override
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
      throws IOException {
    format = in.readInt();
    List<List<String>> read = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      List<String> constants = new ArrayList<>();
      for (int j = in.readInt(); j > 0; j--) {
        constants.add(in.readUTF());
      }
      read.add(List.copyOf(constants));
    }
    names = List.copyOf(read);
  }

  @Override
  public TypeSerializer<T> restoreSerializer() {
    return serializer.duplicate();
  }

  @Override
  public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
      TypeSerializerSnapshot<T> oldSnapshot) {
    if (!(oldSnapshot instanceof FixedFormatSnapshot<T> old)
        || old.getClass() != getClass()
        || old.format != format
        || old.names.size() != names.size()) {
      return TypeSerializerSchemaCompatibility.incompatible();
    }
    for (int i = 0; i < names.size(); i++) {
      List<String> before = old.names.get(i);
      List<String> now = names.get(i);
      if (before.size() > now.size() || !now.subList(0, before.size()).equals(before)) {
        return TypeSerializerSchemaCompatibility.incompatible();
      }
    }
    return TypeSerializerSchemaCompatibility.compatibleAsIs();
  }
}

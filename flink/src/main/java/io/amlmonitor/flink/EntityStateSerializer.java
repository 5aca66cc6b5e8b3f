package io.amlmonitor.flink;

import io.amlmonitor.core.feature.EntityState;
import io.amlmonitor.core.feature.EntityStateCodec;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.FeatureRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Checkpoints an entity's feature state in the core's own format ({@link EntityStateCodec}, the
 * bytes the online store holds too). The codec depends on the catalogue and on the feature settings
 * (zone, allowed lateness), which the snapshot records: a job restored with other settings is
 * refused rather than misread.
 */
final class EntityStateSerializer extends TypeSerializer<EntityState> {
  private final EntityType type;
  private final String zone;
  private final Duration lateness;
  private transient EntityStateCodec codec;

  EntityStateSerializer(EntityType type, JobSettings.Scoring scoring) {
    this(type, scoring.zone(), scoring.allowedLateness());
  }

  private EntityStateSerializer(EntityType type, String zone, Duration lateness) {
    this.type = type;
    this.zone = zone;
    this.lateness = lateness;
  }

  private EntityStateCodec codec() {
    if (codec == null) {
      codec =
          new EntityStateCodec(
              FeatureRegistry.standard(), JobSettings.Scoring.featureSettings(zone, lateness));
    }
    return codec;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<EntityState> duplicate() {
    return new EntityStateSerializer(type, zone, lateness);
  }

  @Override
  public EntityState createInstance() {
    return new EntityState("");
  }

  @Override
  public EntityState copy(EntityState from) {
    return codec().decode(type, from.id(), codec().encode(from));
  }

  @Override
  public EntityState copy(EntityState from, EntityState reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(EntityState record, DataOutputView target) throws IOException {
    byte[] bytes = codec().encode(record);
    target.writeUTF(record.id());
    target.writeInt(bytes.length);
    target.write(bytes);
  }

  @Override
  public EntityState deserialize(DataInputView source) throws IOException {
    String id = source.readUTF();
    byte[] bytes = new byte[source.readInt()];
    source.readFully(bytes);
    return codec().decode(type, id, bytes);
  }

  @Override
  public EntityState deserialize(EntityState reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    target.writeUTF(source.readUTF());
    int length = source.readInt();
    target.writeInt(length);
    target.write(source, length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EntityStateSerializer s
        && s.type == type
        && s.zone.equals(zone)
        && s.lateness.equals(lateness);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, zone, lateness);
  }

  @Override
  public TypeSerializerSnapshot<EntityState> snapshotConfiguration() {
    return new Snapshot(type, zone, lateness);
  }

  /** What a checkpoint records of the serializer: the entity type and the feature settings. */
  public static final class Snapshot implements TypeSerializerSnapshot<EntityState> {
    private EntityType type;
    private String zone;
    private Duration lateness;

    /** For Flink, which reads the fields from the checkpoint. */
    public Snapshot() {}

    Snapshot(EntityType type, String zone, Duration lateness) {
      this.type = type;
      this.zone = zone;
      this.lateness = lateness;
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeUTF(type.name());
      out.writeUTF(zone);
      out.writeLong(lateness.toMillis());
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
        throws IOException {
      type = EntityType.valueOf(in.readUTF());
      zone = in.readUTF();
      lateness = Duration.ofMillis(in.readLong());
    }

    @Override
    public TypeSerializer<EntityState> restoreSerializer() {
      return new EntityStateSerializer(type, zone, lateness);
    }

    @Override
    public TypeSerializerSchemaCompatibility<EntityState> resolveSchemaCompatibility(
        TypeSerializerSnapshot<EntityState> oldSnapshot) {
      return oldSnapshot instanceof Snapshot old
              && old.type == type
              && old.zone.equals(zone)
              && old.lateness.equals(lateness)
          ? TypeSerializerSchemaCompatibility.compatibleAsIs()
          : TypeSerializerSchemaCompatibility.incompatible();
    }
  }
}

package io.amlmonitor.core.feature;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Objects;

/**
 * Turns an entity's feature state into bytes and back, for stores outside the process (Redis),
 * keyed state in a stream processor and snapshots. The bytes hold window state — raw events, tiles,
 * the party memory — not finished feature values, so features read from restored state are still
 * evaluated against the read clock, and equal those of the state it was written from.
 *
 * <p>Format: a version byte, then for each flow a presence byte, the fingerprint of the flow's
 * {@link LogSpec} and the log. State written under a catalogue whose logs keep something else is
 * refused with {@link IncompatibleStateException} rather than misread.
 */
public final class EntityStateCodec {
  /** 2: customer tiles hold only the events that left the raw window (deferred tiles). */
  private static final byte VERSION = 2;

  private static final Direction[] FLOWS = {Direction.OUTGOING, Direction.INCOMING};

  private final LogSpec customerOut;
  private final LogSpec customerIn;
  private final LogSpec merchantIn;

  public EntityStateCodec(FeatureRegistry registry, FeatureSettings settings) {
    this.customerOut =
        FeaturePlan.spec(registry, EntityType.CUSTOMER, Direction.OUTGOING, settings);
    this.customerIn = FeaturePlan.spec(registry, EntityType.CUSTOMER, Direction.INCOMING, settings);
    this.merchantIn = FeaturePlan.spec(registry, EntityType.MERCHANT, Direction.INCOMING, settings);
  }

  /** State whose bytes do not fit the catalogue or format this codec reads. */
  public static final class IncompatibleStateException extends RuntimeException {
    IncompatibleStateException(String message) {
      super(message);
    }
  }

  public byte[] encode(EntityState state) {
    StateBytes out = new StateBytes(256);
    out.writeByte(VERSION);
    for (Direction direction : FLOWS) {
      EventLog log = state.log(direction);
      out.writeBoolean(log != null);
      if (log != null) {
        out.writeLong(log.spec().fingerprint());
        log.writeTo(out);
      }
    }
    return out.toByteArray();
  }

  /** The state of entity {@code id} of {@code type} held in {@code encoded}. */
  public EntityState decode(EntityType type, String id, byte[] encoded) {
    Objects.requireNonNull(encoded, "encoded");
    EntityState state = new EntityState(id);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IncompatibleStateException(
            "state of "
                + type
                + " "
                + id
                + " has format version "
                + version
                + ", expected "
                + VERSION);
      }
      for (Direction direction : FLOWS) {
        if (!in.readBoolean()) {
          continue;
        }
        LogSpec spec = spec(type, direction);
        long fingerprint = in.readLong();
        if (spec == null || spec.fingerprint() != fingerprint) {
          throw new IncompatibleStateException(
              "state of "
                  + type
                  + " "
                  + id
                  + " was written for another feature catalogue or settings ("
                  + direction
                  + " flow); rebuild it from the system of record");
        }
        state.restore(direction, EventLog.readFrom(in, spec));
      }
    } catch (IOException e) {
      throw new IncompatibleStateException(
          "state of " + type + " " + id + " is truncated or corrupt: " + e);
    }
    return state;
  }

  private LogSpec spec(EntityType type, Direction direction) {
    if (type == EntityType.MERCHANT) {
      return direction == Direction.INCOMING ? merchantIn : null;
    }
    return direction == Direction.OUTGOING ? customerOut : customerIn;
  }
}

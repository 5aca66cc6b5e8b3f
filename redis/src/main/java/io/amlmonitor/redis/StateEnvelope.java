package io.amlmonitor.redis;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What one Redis value holds: an 8-byte version (big-endian) that every write increases, then the
 * {@link io.amlmonitor.core.feature.EntityStateCodec} bytes. The version lets a writer that batches
 * its writes check, inside Redis, that nobody else wrote the entity since it read it.
 */
final class StateEnvelope {
  static final int VERSION_BYTES = 8;

  /** The expected-version argument for an entity that has no value yet. */
  static final byte[] ABSENT = new byte[0];

  private StateEnvelope() {}

  /** The key of an entity's state: {@code <prefix>state:<TYPE>:<id>}. */
  static byte[] key(String prefix, io.amlmonitor.core.feature.EntityType type, String id) {
    return (prefix + "state:" + type + ":" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static byte[] wrap(long version, byte[] state) {
    return ByteBuffer.allocate(VERSION_BYTES + state.length).putLong(version).put(state).array();
  }

  /** The version of a stored value, or -1 for none. */
  static long version(byte[] value) {
    return value == null ? -1 : ByteBuffer.wrap(value, 0, VERSION_BYTES).getLong();
  }

  static byte[] state(byte[] value) {
    return Arrays.copyOfRange(value, VERSION_BYTES, value.length);
  }

  /** The bytes a compare-and-set expects to find for {@code version} (-1: no value). */
  static byte[] expected(long version) {
    return version < 0 ? ABSENT : ByteBuffer.allocate(VERSION_BYTES).putLong(version).array();
  }
}

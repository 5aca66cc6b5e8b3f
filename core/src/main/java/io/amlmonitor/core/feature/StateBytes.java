package io.amlmonitor.core.feature;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growing byte array that state is encoded into, big-endian: the bytes {@code DataOutputStream}
 * writes, without its per-value stream calls and locks (a stream job encodes a state every time it
 * changes, for Redis).
 */
final class StateBytes {
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private byte[] bytes;
  private int size;

  StateBytes(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  void writeByte(int v) {
    ensure(1);
    bytes[size++] = (byte) v;
  }

  void writeBoolean(boolean v) {
    writeByte(v ? 1 : 0);
  }

  void writeInt(int v) {
    ensure(Integer.BYTES);
    INT.set(bytes, size, v);
    size += Integer.BYTES;
  }

  void writeLong(long v) {
    ensure(Long.BYTES);
    LONG.set(bytes, size, v);
    size += Long.BYTES;
  }

  /** Writes {@code values[from..to)}, each as {@link #writeLong} would. */
  void writeLongs(long[] values, int from, int to) {
    ensure((to - from) * Long.BYTES);
    for (int i = from; i < to; i++) {
      LONG.set(bytes, size, values[i]);
      size += Long.BYTES;
    }
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}

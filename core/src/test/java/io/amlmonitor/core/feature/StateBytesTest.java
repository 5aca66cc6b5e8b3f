package io.amlmonitor.core.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StateBytesTest {

  @Test
  void writesTheBytesADataOutputStreamWrites() throws IOException {
    Random random = new Random(7);
    StateBytes state = new StateBytes(1);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(expected);
    for (int i = 0; i < 2_000; i++) {
      switch (random.nextInt(5)) {
        case 0 -> {
          int v = random.nextInt();
          state.writeByte(v);
          data.writeByte(v);
        }
        case 1 -> {
          boolean v = random.nextBoolean();
          state.writeBoolean(v);
          data.writeBoolean(v);
        }
        case 2 -> {
          int v = random.nextInt();
          state.writeInt(v);
          data.writeInt(v);
        }
        case 3 -> {
          long v = random.nextLong();
          state.writeLong(v);
          data.writeLong(v);
        }
        default -> {
          long[] values = random.longs(random.nextInt(40)).toArray();
          int from = values.length == 0 ? 0 : random.nextInt(values.length);
          state.writeLongs(values, from, values.length);
          for (int j = from; j < values.length; j++) {
            data.writeLong(values[j]);
          }
        }
      }
    }
    data.flush();
    assertThat(state.toByteArray()).isEqualTo(expected.toByteArray());
  }
}

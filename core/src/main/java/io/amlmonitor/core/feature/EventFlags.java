package io.amlmonitor.core.feature;

/**
 * What is known about one event at ingest, packed into a {@code short}: eight flag bits and the
 * local hour of day. Judged once, when the event arrives, so reads only test bits.
 */
final class EventFlags {
  static final int NIGHT = 0;
  static final int WEEKEND = 1;
  static final int NEAR_THRESHOLD = 2;
  static final int OVER_THRESHOLD = 3;
  static final int HIGH_RISK_COUNTRY = 4;
  static final int CROSS_BORDER = 5;
  static final int ROUND_AMOUNT = 6;
  static final int TO_ACCOUNT = 7;
  static final int COUNT = 8;

  private static final int HOUR_SHIFT = 8;

  private EventFlags() {}

  static short pack(int flagBits, int hour) {
    return (short) ((flagBits & 0xff) | (hour << HOUR_SHIFT));
  }

  static boolean has(short attrs, int flag) {
    return ((attrs >>> flag) & 1) != 0;
  }

  static int bit(short attrs, int flag) {
    return (attrs >>> flag) & 1;
  }

  static int hour(short attrs) {
    return (attrs >>> HOUR_SHIFT) & 0x1f;
  }
}

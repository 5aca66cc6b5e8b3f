package io.amlmonitor.core.feature;

/**
 * A 64-bit hash of identifiers (IPs, parties, transaction ids) so that state holds 8 bytes per
 * value instead of a string. Distinct counts over hashes are exact unless two of the values in one
 * window collide: with n values the chance is about n²/2⁶⁵ (below 10⁻¹³ for 1,000 values).
 *
 * <p>Four UTF-16 code units are folded into each 64-bit word, each word mixed by a multiply and a
 * rotation, then the length and the MurmurHash3 finaliser: a quarter of the dependent multiplies of
 * a char-at-a-time hash, which matters because every payment hashes four identifiers. Pure integer
 * arithmetic, so equal on every JVM. Never 0: 0 means "no value".
 */
final class Hash64 {
  private static final long K1 = 0x9E3779B97F4A7C15L;
  private static final long K2 = 0xC2B2AE3D27D4EB4FL;

  private Hash64() {}

  static long of(String value) {
    if (value == null) {
      return 0L;
    }
    int n = value.length();
    long h = 0x27D4EB2F165667C5L;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      long w =
          value.charAt(i)
              | (long) value.charAt(i + 1) << 16
              | (long) value.charAt(i + 2) << 32
              | (long) value.charAt(i + 3) << 48;
      h = Long.rotateLeft(h ^ (w * K1), 31) * K2;
    }
    if (i < n) {
      long w = 0;
      for (int shift = 0; i < n; i++, shift += 16) {
        w |= (long) value.charAt(i) << shift;
      }
      h = Long.rotateLeft(h ^ (w * K1), 31) * K2;
    }
    h ^= n;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }
}

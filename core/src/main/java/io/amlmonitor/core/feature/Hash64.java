package io.amlmonitor.core.feature;

/**
 * A 64-bit hash of identifiers (IPs, merchants, transaction ids) so that window state holds 8 bytes
 * per value instead of a string. Distinct counts over hashes are exact unless two of the values in
 * one window collide: with n values the chance is about n²/2⁶⁵ (below 10⁻¹³ for 1,000 values).
 *
 * <p>FNV-1a over the UTF-16 code units, then the MurmurHash3 finaliser to spread the bits. Never 0:
 * 0 means "no value".
 */
final class Hash64 {
  private Hash64() {}

  static long of(String value) {
    if (value == null) {
      return 0L;
    }
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < value.length(); i++) {
      h ^= value.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }
}

package io.amlmonitor.generator;

import java.util.SplittableRandom;

/**
 * IPv4 addresses and device ids, and which of a customer's own a given session uses.
 *
 * <p>Ordinary sessions mostly come from the customer's first (home) address and first device, but
 * now and then from an address or a device never seen before (public Wi-Fi, a new phone), so that
 * novelty alone does not give {@link Typology#ACCOUNT_TAKEOVER} away.
 */
final class Network {
  static final double FRESH_IP_SHARE = 0.02;
  static final double FRESH_DEVICE_SHARE = 0.003;

  private static final int[] BRAZIL_BLOCKS = {177, 179, 186, 187, 189, 191, 200, 201};
  private static final int[] ABROAD_BLOCKS = {
    5, 31, 37, 41, 45, 62, 78, 91, 95, 102, 103, 105, 109, 154, 185, 196, 197
  };

  private Network() {}

  /** A public address in a block typical of {@code country}: Brazil or abroad. */
  static String ip(String country, SplittableRandom rng) {
    int[] blocks = "BR".equals(country) ? BRAZIL_BLOCKS : ABROAD_BLOCKS;
    return new StringBuilder(15)
        .append(blocks[rng.nextInt(blocks.length)])
        .append('.')
        .append(rng.nextInt(256))
        .append('.')
        .append(rng.nextInt(256))
        .append('.')
        .append(1 + rng.nextInt(254))
        .toString();
  }

  /** A device id such as {@code dev-3f9a1c2b7e04}. */
  static String device(SplittableRandom rng) {
    String hex = Long.toHexString(rng.nextLong() & 0xFFFF_FFFF_FFFFL);
    return "dev-" + "0".repeat(12 - hex.length()) + hex;
  }

  /** The address an ordinary session of {@code persona} comes from. */
  static String sessionIp(Persona persona, SplittableRandom rng) {
    double draw = rng.nextDouble();
    if (draw < FRESH_IP_SHARE) {
      return ip(persona.country(), rng);
    }
    String[] ips = persona.ips();
    return draw < 0.7 || ips.length == 1 ? ips[0] : ips[1 + rng.nextInt(ips.length - 1)];
  }

  /** The device an ordinary session of {@code persona} uses. */
  static String sessionDevice(Persona persona, SplittableRandom rng) {
    double draw = rng.nextDouble();
    if (draw < FRESH_DEVICE_SHARE) {
      return device(rng);
    }
    String[] devices = persona.devices();
    return draw < 0.8 || devices.length == 1 ? devices[0] : devices[1];
  }
}

package io.amlmonitor.core.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the money moved. */
public enum Channel {
  CARD,
  PIX,
  WIRE,
  ACH,
  CASH,
  TRANSFER,
  ONLINE,
  ATM,
  OTHER;

  /** Parses a channel name, case-insensitive; null or blank means unknown (null). */
  public static Channel parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(
          "channel",
          "'"
              + text
              + "' is not one of "
              + Arrays.stream(values())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", ")));
    }
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

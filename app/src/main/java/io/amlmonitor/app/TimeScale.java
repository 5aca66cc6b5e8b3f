package io.amlmonitor.app;

import io.amlmonitor.core.domain.InvalidFieldException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * How an imported file's times read: a number counts {@code unit}s from {@code epoch} (so an AMLSim
 * step of 3 with unit {@code day} and epoch 2017-01-01 is 2017-01-04T00:00Z); text is an ISO-8601
 * time ({@link IsoTime}).
 */
record TimeScale(Unit unit, Instant epoch) {
  /** The Unix epoch in milliseconds: what the API takes a numeric timestamp to be. */
  static final TimeScale DEFAULT = new TimeScale(Unit.MS, Instant.EPOCH);

  /** What one step of a numeric time is. */
  enum Unit {
    MS(1),
    S(1_000),
    DAY(86_400_000);

    private final long millis;

    Unit(long millis) {
      this.millis = millis;
    }

    /** {@code ms}, {@code s} or {@code day}. */
    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  TimeScale {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(epoch, "epoch");
  }

  /**
   * The instant {@code text} names.
   *
   * @throws InvalidFieldException naming {@code timestamp} when the text is missing, neither a
   *     number nor an ISO-8601 time, or out of range
   */
  Instant parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidFieldException("timestamp", "is required");
    }
    String t = text.strip();
    // A date has a dash after its first character and a time a colon; a number has neither.
    boolean number = t.indexOf('-', 1) < 0 && t.indexOf(':') < 0;
    try {
      return number ? fromNumber(new BigDecimal(t)) : IsoTime.parse(t);
    } catch (NumberFormatException | DateTimeException | StringIndexOutOfBoundsException e) {
      throw new InvalidFieldException(
          "timestamp",
          "'"
              + text
              + "' is neither a number of "
              + unit.label()
              + " since "
              + epoch
              + " nor an ISO-8601 time such as 2017-01-01T12:00:00Z");
    } catch (ArithmeticException e) {
      throw new InvalidFieldException("timestamp", "'" + text + "' is out of range");
    }
  }

  private Instant fromNumber(BigDecimal steps) {
    // Whole microseconds: the precision the store keeps.
    long micros =
        steps
            .multiply(BigDecimal.valueOf(unit.millis * 1_000))
            .setScale(0, RoundingMode.HALF_EVEN)
            .longValueExact();
    return epoch
        .plusSeconds(Math.floorDiv(micros, 1_000_000L))
        .plusNanos(Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /** For messages: {@code days since 2017-01-01T00:00:00Z}. */
  String describe() {
    return unit.label() + " since " + epoch;
  }
}

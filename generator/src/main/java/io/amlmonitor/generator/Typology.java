package io.amlmonitor.generator;

import io.amlmonitor.core.domain.InvalidFieldException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The laundering pattern a generated transaction takes part in, or {@link #NONE} for ordinary
 * behaviour. Files spell each value by its snake_case {@link #label()}.
 */
public enum Typology {
  /** Ordinary behaviour. */
  NONE,
  /** Several amounts just under the 10,000 reporting threshold within 24 hours. */
  STRUCTURING,
  /** Many transactions within a few minutes. */
  VELOCITY_BURST,
  /** Larger than usual payments from IPs and devices the customer never used, within an hour. */
  ACCOUNT_TAKEOVER,
  /** A large incoming transfer, most of it sent on within hours. */
  RAPID_MOVEMENT,
  /** Many distinct accounts (mules) send to one account within days. */
  FAN_IN,
  /** One account sends to many distinct accounts within a day or two. */
  FAN_OUT,
  /** Money travels round a ring of accounts and returns, less fees, within days. */
  CYCLE,
  /** Many transactions between midnight and 5 a.m. local time over consecutive nights. */
  NIGHT_ACTIVITY,
  /** Transfers to counterparties in high-risk jurisdictions ({@link HighRiskJurisdictions}). */
  HIGH_RISK_GEOGRAPHY,
  /** An account silent for 60 days or more suddenly moves large amounts. */
  DORMANT_REACTIVATION;

  private final String label = name().toLowerCase(Locale.ROOT);

  /** The snake_case name used in files and APIs, such as {@code velocity_burst}. */
  public String label() {
    return label;
  }

  /** Whether this is a laundering pattern, i.e. anything but {@link #NONE}. */
  public boolean isLaundering() {
    return this != NONE;
  }

  /**
   * Parses a label, case-insensitive and ignoring surrounding blanks.
   *
   * @throws InvalidFieldException naming {@code typology} when the text is blank or unknown
   */
  public static Typology parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidFieldException("typology", "is required");
    }
    String wanted = text.strip();
    for (Typology typology : values()) {
      if (typology.label.equalsIgnoreCase(wanted)) {
        return typology;
      }
    }
    throw new InvalidFieldException(
        "typology",
        "'"
            + text
            + "' is not one of "
            + Arrays.stream(values()).map(Typology::label).collect(Collectors.joining(", ")));
  }
}

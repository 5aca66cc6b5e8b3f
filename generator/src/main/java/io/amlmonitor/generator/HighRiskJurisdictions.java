package io.amlmonitor.generator;

import java.util.List;

/**
 * The jurisdictions the generator treats as high-risk for {@link Typology#HIGH_RISK_GEOGRAPHY}.
 *
 * <p>An illustrative snapshot taken from the FATF lists published in 2025: the countries under a
 * call for action and a selection of those under increased monitoring. It is not a compliance
 * reference; refresh it from fatf-gafi.org before relying on it.
 */
public final class HighRiskJurisdictions {
  /** FATF "call for action" (black list): North Korea, Iran, Myanmar. */
  public static final List<String> CALL_FOR_ACTION = List.of("IR", "KP", "MM");

  /**
   * A selection from the FATF "increased monitoring" (grey) list: Congo (DR), Haiti, Laos, Lebanon,
   * South Sudan, Syria, Venezuela, Yemen.
   */
  public static final List<String> INCREASED_MONITORING =
      List.of("CD", "HT", "LA", "LB", "SS", "SY", "VE", "YE");

  /**
   * Both lists as ISO 3166-1 alpha-2 codes, in a fixed order. A list rather than a set so that
   * drawing from it is reproducible ({@code Set.of} iterates in an order that changes per run).
   */
  public static final List<String> CODES =
      List.of("CD", "HT", "IR", "KP", "LA", "LB", "MM", "SS", "SY", "VE", "YE");

  private HighRiskJurisdictions() {}

  /** Whether {@code countryCode} (upper-case alpha-2) is on the list; null is not. */
  public static boolean contains(String countryCode) {
    return countryCode != null && CODES.contains(countryCode);
  }
}

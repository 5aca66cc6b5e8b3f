package io.amlmonitor.core.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Every rule-set version that ever scored, with its exact text: a decision names its version, and
 * the version names one text for good.
 */
public interface RuleSetRepository {
  /**
   * Records {@code version} with its text, unless it is recorded already with the same checksum.
   *
   * @return true when it was new
   * @throws RuleSetVersionConflict when the version is recorded with a different text
   */
  boolean register(String version, String checksum, String text, Instant at);

  /** The text of {@code version}, if it was ever recorded. */
  Optional<String> text(String version);

  /** A version recorded with one text is offered with another. */
  final class RuleSetVersionConflict extends StoreException {
    private static final long serialVersionUID = 1L;

    public RuleSetVersionConflict(String version, String recorded, String offered) {
      super(
          "rule set version "
              + version
              + " was already used with different rules (checksum "
              + recorded.substring(0, 12)
              + ", now "
              + offered.substring(0, 12)
              + "); give the changed rules a new version",
          null);
    }
  }
}

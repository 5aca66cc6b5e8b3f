package io.amlmonitor.core.feature;

/**
 * Which of an entity's money flows a feature reads.
 *
 * <p>A customer has two: the payments it makes ({@link #OUTGOING}) and the transfers it receives
 * from other accounts ({@link #INCOMING}). A merchant has only the payments it receives. Features
 * over both flows ({@link #BOTH}) compare or join them, such as pass-through ratios and dormancy.
 */
public enum Direction {
  /** Money the entity sends. */
  OUTGOING,
  /** Money the entity receives. */
  INCOMING,
  /** Both flows of the entity. */
  BOTH;

  /** Index of the flow's log in an entity's state; {@link #BOTH} has none. */
  int log() {
    return switch (this) {
      case OUTGOING -> 0;
      case INCOMING -> 1;
      case BOTH -> throw new IllegalStateException("BOTH has no single log");
    };
  }
}

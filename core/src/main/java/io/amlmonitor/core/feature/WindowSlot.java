package io.amlmonitor.core.feature;

/**
 * One (flow, window) pair some feature of an entity reads, with what a read must work out for it.
 * Features sharing a flow and window share the slot, so its binary searches, pass and tile sums are
 * done once per read.
 */
final class WindowSlot {
  final Direction direction;
  final long window;
  final WindowKind kind;

  /** Tiles summed: {@code window / tile length}. */
  final int tiles;

  /** {@link FlowScan} parts wanted of an exact window, or 0 for no pass. */
  int scanMask;

  WindowSlot(Direction direction, long window, WindowKind kind) {
    this.direction = direction;
    this.window = window;
    this.kind = kind;
    this.tiles =
        kind == WindowKind.HOUR_TILES || kind == WindowKind.DAY_TILES
            ? (int) (window / kind.tileMillis())
            : 0;
  }

  boolean matches(Direction d, long w) {
    return direction == d && window == w;
  }
}

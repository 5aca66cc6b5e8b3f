package io.amlmonitor.core.feature;

import java.util.Arrays;
import java.util.List;

/**
 * What one kind of flow log keeps, derived once from the registry: how long raw events stay, which
 * optional columns and structures exist. Shared by every log of that kind.
 *
 * @param retentionMillis how long raw events are kept behind the newest: the longest exact window
 *     plus the allowed lateness
 * @param latenessMillis how far behind the newest event an event may arrive and still be placed
 * @param dedup whether transaction ids are kept to count each transaction once
 * @param keepIps whether the IP column is kept
 * @param hourTiles per-hour tiles, or null
 * @param dayTiles per-day tiles, or null
 * @param partyMemory whether the parties dealt with are remembered
 * @param distinct windows whose distinct counts are maintained as events arrive, rather than
 *     counted by a pass at read time (merchants, whose windows are large)
 * @param deferredTiles whether events reach the tiles only once they have left the raw window, in
 *     batches when the log compacts, with reads adding the raw events not yet folded (customers,
 *     whose raw events are few); otherwise each event is added to its tile as it arrives
 *     (merchants, whose raw window holds thousands)
 * @param calendar the local calendar of day tiles
 */
record LogSpec(
    long retentionMillis,
    long latenessMillis,
    boolean dedup,
    boolean keepIps,
    Tiles.TileSpec hourTiles,
    Tiles.TileSpec dayTiles,
    boolean partyMemory,
    List<DistinctSpec> distinct,
    boolean deferredTiles,
    LocalCalendar calendar) {

  /** A maintained distinct count over {@code windowMillis} of the IP or the party column. */
  record DistinctSpec(long windowMillis, boolean ips) {}

  LogSpec {
    distinct = List.copyOf(distinct);
  }

  /** The tile of {@code kind} holding event time {@code t}. */
  long tileIndex(WindowKind kind, long t) {
    return kind == WindowKind.HOUR_TILES ? Math.floorDiv(t, WindowKind.HOUR) : calendar.epochDay(t);
  }

  /** Where the day tiles start in a log's auxiliary array: after the hour tiles. */
  int dayTileOffset() {
    return hourTiles == null ? 0 : hourTiles.size();
  }

  /** Where the party memory starts in a log's auxiliary array: after the tiles. */
  int partyOffset() {
    return dayTileOffset() + (dayTiles == null ? 0 : dayTiles.size());
  }

  /**
   * A fingerprint of everything that shapes a log's stored state, so that state written under one
   * catalogue is never read as if it had been written under another.
   */
  long fingerprint() {
    long h = 17;
    h = 31 * h + retentionMillis;
    h = 31 * h + latenessMillis;
    h = 31 * h + (dedup ? 1 : 2);
    h = 31 * h + (keepIps ? 1 : 2);
    h = 31 * h + tilesFingerprint(hourTiles);
    h = 31 * h + tilesFingerprint(dayTiles);
    h = 31 * h + (partyMemory ? 1 : 2);
    for (DistinctSpec d : distinct) {
      h = 31 * h + d.windowMillis();
      h = 31 * h + (d.ips() ? 1 : 2);
    }
    h = 31 * h + (deferredTiles ? 1 : 2);
    h = 31 * h + calendar.zone().getId().hashCode();
    return h;
  }

  private static long tilesFingerprint(Tiles.TileSpec tiles) {
    return tiles == null
        ? 0
        : 31L * (31L * tiles.kind().ordinal() + tiles.slots()) + Arrays.hashCode(tiles.flags());
  }

  /** Index of the maintained distinct count for this window and column, or -1. */
  int distinctIndex(long windowMillis, boolean ips) {
    for (int i = 0; i < distinct.size(); i++) {
      DistinctSpec d = distinct.get(i);
      if (d.windowMillis() == windowMillis && d.ips() == ips) {
        return i;
      }
    }
    return -1;
  }
}

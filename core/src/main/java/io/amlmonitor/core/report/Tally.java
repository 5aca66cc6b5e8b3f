package io.amlmonitor.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named count, such as the alerts of one rule.
 *
 * @param count at least zero
 */
public record Tally(String name, long count) {
  /** Largest first, then by name, so that equal counts keep a stable order. */
  public static final Comparator<Tally> LARGEST_FIRST =
      Comparator.comparingLong(Tally::count).reversed().thenComparing(Tally::name);

  public Tally {
    Objects.requireNonNull(name, "name");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
  }

  /** The entries of {@code counts} as tallies, {@link #LARGEST_FIRST}. */
  public static List<Tally> largestFirst(Map<String, Long> counts) {
    List<Tally> out = new ArrayList<>(counts.size());
    counts.forEach((name, count) -> out.add(new Tally(name, count)));
    out.sort(LARGEST_FIRST);
    return List.copyOf(out);
  }
}

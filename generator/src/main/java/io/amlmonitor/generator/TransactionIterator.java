package io.amlmonitor.generator;

import io.amlmonitor.core.domain.TransactionId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The transactions of the period in timestamp order, one local day at a time.
 *
 * <p>Implementation note: a day's batch is its ordinary activity plus the episode transactions that
 * fall on it, sorted by time with a stable sort, so equal timestamps keep generation order and the
 * output is reproducible. Episodes are played on their start day; their later transactions wait in
 * {@code pending} under the day they fall on. Memory therefore holds one day and the episodes in
 * flight, never the whole period. Ids are handed out in stream order.
 */
final class TransactionIterator implements Iterator<LabelledTransaction> {
  private static final Comparator<Draft> BY_TIME = Comparator.comparingLong(Draft::epochMilli);

  private final NormalActivity normal;
  private final EpisodeContext context;
  private final DayClock clock;
  private final List<Episode> episodes;
  private final Map<Integer, List<Draft>> pending = new HashMap<>();
  private int nextEpisode;
  private int nextDay;
  private List<Draft> batch = List.of();
  private int position;
  private long nextId = 1;

  TransactionIterator(
      NormalActivity normal, EpisodeContext context, DayClock clock, List<Episode> episodes) {
    this.normal = normal;
    this.context = context;
    this.clock = clock;
    this.episodes = episodes;
  }

  @Override
  public boolean hasNext() {
    while (position == batch.size()) {
      if (nextDay == clock.days()) {
        return false;
      }
      batch = generate(nextDay++);
      position = 0;
    }
    return true;
  }

  @Override
  public LabelledTransaction next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no transactions after the last day of the period");
    }
    Draft draft = batch.get(position);
    batch.set(position++, null);
    return draft.label(TransactionId.of(Ids.transaction(nextId++)));
  }

  private List<Draft> generate(int day) {
    List<Draft> drafts = normal.generate(day);
    while (nextEpisode < episodes.size() && episodes.get(nextEpisode).startDay() == day) {
      List<Draft> played = new ArrayList<>();
      episodes.get(nextEpisode++).play(context, played);
      for (Draft draft : played) {
        int falls = clock.dayOf(draft.epochMilli());
        if (falls == day) {
          drafts.add(draft);
        } else if (falls > day) {
          pending.computeIfAbsent(falls, d -> new ArrayList<>()).add(draft);
        }
        // Before the start day cannot happen; after the period (-1) is dropped.
      }
    }
    List<Draft> waiting = pending.remove(day);
    if (waiting != null) {
      drafts.addAll(waiting);
    }
    drafts.sort(BY_TIME);
    return drafts;
  }
}

package io.amlmonitor.core.pipeline;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Keeps the most recent dead letters in memory and counts them all. */
public final class InMemoryDeadLetterSink implements DeadLetterSink {
  private final int capacity;
  private final ConcurrentLinkedDeque<DeadLetter> recent = new ConcurrentLinkedDeque<>();
  private final AtomicInteger held = new AtomicInteger();
  private final LongAdder total = new LongAdder();

  public InMemoryDeadLetterSink(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    this.capacity = capacity;
  }

  @Override
  public void accept(DeadLetter letter) {
    total.increment();
    recent.addFirst(letter);
    if (held.incrementAndGet() > capacity && recent.pollLast() != null) {
      held.decrementAndGet();
    }
  }

  @Override
  public long count() {
    return total.sum();
  }

  @Override
  public List<DeadLetter> recent(int limit) {
    List<DeadLetter> out = new ArrayList<>();
    Iterator<DeadLetter> it = recent.iterator();
    while (it.hasNext() && out.size() < limit) {
      out.add(it.next());
    }
    return out;
  }
}

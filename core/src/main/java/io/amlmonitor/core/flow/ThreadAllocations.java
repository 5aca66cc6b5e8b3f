package io.amlmonitor.core.flow;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each thread of a flow allocates on the heap while it works for the flow: workers share one
 * heap, so this is the measure of "memory per worker" there is. Threads mark their own start and
 * end, since a thread's counter can only be read while it lives and includes what it did before.
 */
final class ThreadAllocations {
  private static final com.sun.management.ThreadMXBean THREADS = threads();

  private record Span(long threadId, long startBytes, long endBytes) {}

  private final Map<String, Span> spans = new ConcurrentHashMap<>();

  private static com.sun.management.ThreadMXBean threads() {
    ThreadMXBean t = ManagementFactory.getThreadMXBean();
    if (t instanceof com.sun.management.ThreadMXBean sun
        && sun.isThreadAllocatedMemorySupported()) {
      if (!sun.isThreadAllocatedMemoryEnabled()) {
        sun.setThreadAllocatedMemoryEnabled(true);
      }
      return sun;
    }
    return null;
  }

  private static long allocated(long threadId) {
    return THREADS == null ? 0 : Math.max(THREADS.getThreadAllocatedBytes(threadId), 0);
  }

  /** The current thread starts working for the flow. */
  void started() {
    Thread t = Thread.currentThread();
    spans.put(t.getName(), new Span(t.getId(), allocated(t.getId()), -1));
  }

  /** The current thread stops working for the flow. */
  void ended() {
    Thread t = Thread.currentThread();
    spans.computeIfPresent(
        t.getName(), (name, s) -> new Span(s.threadId(), s.startBytes(), allocated(t.getId())));
  }

  /** Bytes allocated so far by each thread, by name (0 where the JVM cannot tell). */
  Map<String, Long> bytes() {
    Map<String, Long> out = new TreeMap<>();
    spans.forEach(
        (name, s) -> {
          long now = s.endBytes() >= 0 ? s.endBytes() : allocated(s.threadId());
          out.put(name, Math.max(now - s.startBytes(), 0));
        });
    return out;
  }
}

package io.amlmonitor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.feature.PopulationStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.flink.api.common.state.BroadcastState;
import org.junit.jupiter.api.Test;

/**
 * A replay reads one partition days ahead of another: the population statistics a read finds must
 * still be those of every payment before it, as the embedded engine counts them in order.
 */
class PopulationFeedTest {
  private static final long HOUR = 3_600_000;
  private static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();

  /** Ten payments an hour for four days, in time order, alternately in two partitions. */
  private static List<Events.Payment> payments() {
    SplittableRandom random = new SplittableRandom(3);
    List<Events.Payment> out = new ArrayList<>();
    for (int h = 0; h < 96; h++) {
      for (int i = 0; i < 10; i++) {
        long cents = Math.round(Math.exp(4 + 8 * random.nextDouble()));
        out.add(new Events.Payment(T0 + h * HOUR + i * 360_000L + random.nextInt(1000), cents));
      }
    }
    return out;
  }

  /**
   * Partition 0 is read up to its third day before partition 1 starts. The watermark, the older
   * partition's newest time, moves only every 40 payments (hours at a time, as in a fast replay);
   * when it moves, every payment it passed is read at its own time, in time order, as the timers of
   * the entity operator fire.
   */
  private static void replay(Reader reader) throws Exception {
    List<Events.Payment> all = payments();
    List<Events.Payment> arrival = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 2) {
      if (all.get(i).at() < T0 + 72 * HOUR) {
        arrival.add(all.get(i));
      }
    }
    for (int i = 0; i < all.size(); i++) {
      if (i % 2 == 1 || all.get(i).at() >= T0 + 72 * HOUR) {
        arrival.add(all.get(i));
      }
    }
    long[] newest = {Long.MIN_VALUE, Long.MIN_VALUE};
    long watermark = Long.MIN_VALUE;
    for (int n = 0; n < arrival.size(); n++) {
      Events.Payment p = arrival.get(n);
      reader.arrived(p, watermark);
      int partition = all.indexOf(p) % 2;
      newest[partition] = Math.max(newest[partition], p.at());
      long next = Math.min(newest[0], newest[1]);
      if (n % 40 == 39 || n == arrival.size() - 1) {
        for (Events.Payment passed : all) {
          if (passed.at() > watermark && passed.at() <= next) {
            reader.read(passed.at(), before(all, passed.at()).reference(passed.at()));
          }
        }
        watermark = Math.max(watermark, next);
      }
    }
  }

  /** What the embedded engine counts before a read at {@code t}: every payment before it. */
  private static PopulationStats before(List<Events.Payment> all, long t) {
    PopulationStats stats = new PopulationStats();
    all.stream()
        .filter(p -> p.at() < t)
        .sorted(Comparator.comparingLong(Events.Payment::at))
        .forEach(p -> stats.addPayment(p.at(), p.cents()));
    return stats;
  }

  private interface Reader {
    void arrived(Events.Payment p, long watermark) throws Exception;

    void read(long at, PopulationStats.Reference expected) throws Exception;
  }

  @Test
  void readsFindThePopulationOfEveryEarlierPaymentWhateverTheOrderOfArrival() throws Exception {
    PopulationFeed feed = new PopulationFeed();
    FakeBroadcastState<Integer, PopulationStats> population = new FakeBroadcastState<>();
    FakeBroadcastState<Long, long[]> held = new FakeBroadcastState<>();
    List<Long> reads = new ArrayList<>();
    replay(
        new Reader() {
          @Override
          public void arrived(Events.Payment p, long watermark) throws Exception {
            feed.add(p, watermark, population, held);
          }

          @Override
          public void read(long at, PopulationStats.Reference expected) {
            feed.catchUp(at);
            assertThat(feed.readable().reference(at)).as("read at %s", at).isEqualTo(expected);
            reads.add(at);
          }
        });
    assertThat(reads).hasSizeGreaterThan(900).isSorted();
  }

  /** The same replay counted in order of arrival, as the job did: the test can tell them apart. */
  @Test
  void countedInOrderOfArrivalTheReadsLoseHours() throws Exception {
    PopulationStats arrivalOrder = new PopulationStats();
    int[] wrong = {0};
    replay(
        new Reader() {
          @Override
          public void arrived(Events.Payment p, long watermark) {
            arrivalOrder.addPayment(p.at(), p.cents());
          }

          @Override
          public void read(long at, PopulationStats.Reference expected) {
            wrong[0] += arrivalOrder.reference(at).equals(expected) ? 0 : 1;
          }
        });
    assertThat(wrong[0]).isPositive();
  }

  @Test
  void heldPaymentsAndTheCountedOnesComeBackFromACheckpoint() throws Exception {
    Task task = new Task();
    int[] arrived = {0};
    replay(
        new Reader() {
          @Override
          public void arrived(Events.Payment p, long watermark) throws Exception {
            if (++arrived[0] % 97 == 0) {
              task.restore();
            }
            task.feed.add(p, watermark, task.population, task.held);
          }

          @Override
          public void read(long at, PopulationStats.Reference expected) throws Exception {
            task.feed.adopt(task.population, task.held);
            task.feed.catchUp(at);
            assertThat(task.feed.readable().reference(at)).as("read at %s", at).isEqualTo(expected);
          }
        });
  }

  /** A task's feed and broadcast state. */
  private static final class Task {
    PopulationFeed feed = new PopulationFeed();
    FakeBroadcastState<Integer, PopulationStats> population = new FakeBroadcastState<>();
    FakeBroadcastState<Long, long[]> held = new FakeBroadcastState<>();

    /** A new task from copies of the state as a checkpoint took it. */
    void restore() {
      population = population.copy(PopulationSerializer.INSTANCE::copy);
      held = held.copy(long[]::clone);
      feed = new PopulationFeed();
    }
  }

  /** Broadcast state in a map, as the heap backend keeps it. */
  static final class FakeBroadcastState<K, V> implements BroadcastState<K, V> {
    final Map<K, V> map = new HashMap<>();

    FakeBroadcastState<K, V> copy(java.util.function.UnaryOperator<V> copy) {
      FakeBroadcastState<K, V> c = new FakeBroadcastState<>();
      map.forEach((k, v) -> c.map.put(k, copy.apply(v)));
      return c;
    }

    @Override
    public void put(K key, V value) {
      map.put(key, value);
    }

    @Override
    public void putAll(Map<K, V> m) {
      map.putAll(m);
    }

    @Override
    public void remove(K key) {
      map.remove(key);
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
      return map.entrySet().iterator();
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
      return map.entrySet();
    }

    @Override
    public V get(K key) {
      return map.get(key);
    }

    @Override
    public boolean contains(K key) {
      return map.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> immutableEntries() {
      return java.util.Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public void clear() {
      map.clear();
    }
  }
}

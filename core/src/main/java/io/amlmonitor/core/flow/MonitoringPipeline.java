package io.amlmonitor.core.flow;

import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.graph.GraphFeatures;
import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.NetworkWatch;
import io.amlmonitor.core.graph.TransactionGraph;
import io.amlmonitor.core.store.DecisionRepository;
import io.amlmonitor.core.store.TransactionRepository;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of one monitoring run: the caller reads transactions in event-time order and cuts
 * them into batches, one engine thread computes each transaction's features and adds it to the
 * windows, in order, and the workers score, store and checkpoint batches in any order.
 *
 * <p>Queues between the stages are bounded, so a slow store slows the reading instead of filling
 * the heap. The first failure anywhere stops every stage.
 */
final class MonitoringPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(MonitoringPipeline.class);
  private static final Batch END = new Batch(-1, List.of());

  /** What the run read, by what happened to it. */
  record Counts(long read, long warmUp, long alreadyDone, long scored) {}

  private static final class Batch {
    final long seq;
    final List<Transaction> items;
    List<FeatureVector> features;
    List<List<NetworkFinding>> findings;

    Batch(long seq, List<Transaction> items) {
      this.seq = seq;
      this.items = items;
    }
  }

  /** Raised in a stage that stops because another one failed. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("stopped", null, false, false);
    }
  }

  private final FeatureEngine engine;
  private final NetworkWatch network;
  private final TransactionGraph graph;
  private final boolean graphFeatures;
  private final FlowParameters p;
  private final FlowRun run;
  private final FlowStats stats;
  private final StoreRetry retry;
  private final TransactionMonitoring.Decider decider;
  private final BlockingQueue<Batch> toEngine;
  private final BlockingQueue<Batch> toWorkers;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private long warmUp;
  private long alreadyDone;
  private long scored;

  MonitoringPipeline(
      FeatureEngine engine,
      NetworkWatch network,
      boolean graphFeatures,
      FlowParameters p,
      FlowRun run,
      FlowStats stats,
      StoreRetry retry,
      TransactionMonitoring.Decider decider) {
    this.engine = engine;
    this.network = network;
    this.graph = network == null ? null : network.graphs().get();
    this.graphFeatures = graph != null && graphFeatures;
    this.p = p;
    this.run = run;
    this.stats = stats;
    this.retry = retry;
    this.decider = decider;
    this.toEngine = new ArrayBlockingQueue<>(4);
    this.toWorkers = new ArrayBlockingQueue<>(2 * p.workers());
    stats.workers(p.workers(), () -> toEngine.size() + toWorkers.size());
  }

  Counts run(
      TransactionRepository transactions,
      TimeRange history,
      DecisionRepository decisions,
      FlowRunRepository runs,
      InstantSource clock) {
    Checkpoints checkpoints = new Checkpoints(run, runs, clock, retry);
    Thread engineThread = new Thread(tracked(this::engineLoop), "flow-engine");
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < p.workers(); i++) {
      workers.add(
          new Thread(tracked(() -> workerLoop(decisions, checkpoints)), "flow-worker-" + i));
    }
    engineThread.start();
    workers.forEach(Thread::start);
    long[] read = {0};
    long[] seq = {0};
    List<Transaction>[] current = new List[] {new ArrayList<>(p.batchSize())};
    try {
      // Not retried: a stream cut half-way cannot be restarted without feeding the windows twice;
      // the run fails and the next one resumes from the checkpoint.
      transactions.forEachIn(
          history,
          t -> {
            read[0]++;
            current[0].add(t);
            if (current[0].size() == p.batchSize()) {
              put(toEngine, new Batch(seq[0]++, current[0]));
              stats.addRead(current[0].size());
              current[0] = new ArrayList<>(p.batchSize());
            }
          });
      if (!current[0].isEmpty()) {
        put(toEngine, new Batch(seq[0]++, current[0]));
        stats.addRead(current[0].size());
      }
      put(toEngine, END);
    } catch (RuntimeException e) {
      fail(e);
    }
    join(engineThread);
    workers.forEach(MonitoringPipeline::join);
    Throwable f = failure.get();
    if (f != null) {
      if (f instanceof RuntimeException r) {
        throw r;
      }
      throw new FlowFailedException("transaction_monitoring failed: " + f, f);
    }
    checkpoints.finish();
    return new Counts(read[0], warmUp, alreadyDone, scored);
  }

  private void engineLoop() {
    Instant periodStart = p.period().from();
    Checkpoint resumeAfter = run.checkpoint();
    try {
      while (true) {
        Batch b = take(toEngine);
        if (b == END) {
          if (graph != null) {
            graph.close();
          }
          for (int i = 0; i < p.workers(); i++) {
            put(toWorkers, END);
          }
          return;
        }
        long started = System.nanoTime();
        FeatureVector[] features = new FeatureVector[b.items.size()];
        int toScore = 0;
        // The batch is in event-time order, so what only feeds the windows (warm-up, and what a
        // stopped run had done) comes first: it goes in as one batch, which reads ahead.
        int first = 0;
        while (first < features.length
            && !needsScoring(b.items.get(first), periodStart, resumeAfter)) {
          first++;
        }
        if (first > 0) {
          engine.ingestAll(b.items.subList(0, first));
          if (graph != null) {
            b.items.subList(0, first).forEach(graph::add);
          }
        }
        List<NetworkFinding>[] findings = graph == null ? null : new List[features.length];
        for (int i = 0; i < features.length; i++) {
          Transaction t = b.items.get(i);
          if (t.timestamp().isBefore(periodStart)) {
            warmUp++;
          } else if (resumeAfter != null && resumeAfter.covers(t)) {
            alreadyDone++;
          } else {
            features[i] = engine.featuresFor(t);
            if (graphFeatures) {
              // before the transaction enters the graph: as of just before it, as live
              features[i] =
                  features[i].withExternal(GraphFeatures.read(graph, t.customerId().value()));
            }
            toScore++;
          }
          if (i >= first) {
            engine.ingest(t);
            if (graph != null) {
              if (features[i] != null) {
                findings[i] = graph.record(t);
              } else {
                graph.add(t);
              }
            }
          }
        }
        scored += toScore;
        stats.addProcessed(features.length - toScore, System.nanoTime() - started);
        b.features = Arrays.asList(features);
        b.findings = findings == null ? null : Arrays.asList(findings);
        put(toWorkers, b);
      }
    } catch (Stopped s) {
      // another stage failed first
    } catch (RuntimeException | Error e) {
      fail(e);
    }
  }

  /** {@code work}, with the thread's allocations counted for the flow. */
  private Runnable tracked(Runnable work) {
    return () ->
        stats.onThisThread(
            () -> {
              work.run();
              return null;
            });
  }

  private static boolean needsScoring(Transaction t, Instant periodStart, Checkpoint resumeAfter) {
    return !t.timestamp().isBefore(periodStart) && (resumeAfter == null || !resumeAfter.covers(t));
  }

  private void workerLoop(DecisionRepository decisions, Checkpoints checkpoints) {
    try {
      while (true) {
        Batch b = take(toWorkers);
        if (b == END) {
          return;
        }
        stats.workerBusy(true);
        try {
          long started = System.nanoTime();
          storeFindings(b);
          TransactionMonitoring.Scored s =
              decider.decide(b.items, b.features, b.findings, p.alertThreshold());
          stats.addProcessed(s.decisions().size(), System.nanoTime() - started);
          if (!s.decisions().isEmpty()) {
            long writeStarted = System.nanoTime();
            int added = retry.call("storing decisions", () -> decisions.saveAll(s.decisions()));
            stats.storeWrite(System.nanoTime() - writeStarted);
            stats.addWritten(added);
          }
          stats.addFlagged(s.alertCandidates());
          checkpoints.done(b.seq, Checkpoint.of(b.items.get(b.items.size() - 1)), b.items.size());
        } finally {
          stats.workerBusy(false);
        }
      }
    } catch (Stopped s) {
      // another stage failed first
    } catch (RuntimeException | Error e) {
      stats.workerCrashed();
      LOG.error("worker {} failed", Thread.currentThread().getName(), e);
      fail(e);
    }
  }

  /** Stores a batch's network findings before its decisions, so an alert finds its subgraph. */
  private void storeFindings(Batch b) {
    if (b.findings == null) {
      return;
    }
    List<NetworkFinding> all = new ArrayList<>();
    for (List<NetworkFinding> f : b.findings) {
      if (f != null) {
        all.addAll(f);
      }
    }
    if (!all.isEmpty()) {
      retry.call("storing network findings", () -> network.findings().saveAll(all));
    }
  }

  private void fail(Throwable e) {
    if (!(e instanceof Stopped) && failure.compareAndSet(null, e)) {
      LOG.error("transaction_monitoring stopping: {}", e.toString());
    }
  }

  private <T> void put(BlockingQueue<T> q, T item) {
    try {
      while (!q.offer(item, 50, TimeUnit.MILLISECONDS)) {
        if (failure.get() != null) {
          throw new Stopped();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(e);
      throw new Stopped();
    }
  }

  private <T> T take(BlockingQueue<T> q) {
    try {
      while (true) {
        T item = q.poll(50, TimeUnit.MILLISECONDS);
        if (item != null) {
          return item;
        }
        if (failure.get() != null) {
          throw new Stopped();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(e);
      throw new Stopped();
    }
  }

  private static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.amlmonitor.core.feature;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.WindowState.Placement;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps per-customer and per-merchant windows up to date and evaluates features from them.
 *
 * <p>Contract: features of a transaction at time {@code t} describe {@code [t - W, t)}, so the
 * transaction never sees itself; any read at a later time sees the windows slide with the read
 * clock, whether or not new events arrived. A transaction id is counted once; an event older than
 * its entity's newest event minus the allowed lateness is left out of the windows and counted as
 * late. Thread-safe: the store serialises changes per entity.
 */
public final class FeatureEngine {
  private final FeatureRegistry registry;
  private final FeatureSettings settings;
  private final WindowStateStore store;
  private final LocalCalendar localTime;
  private final EntityFeatureReader customerReader;
  private final EntityFeatureReader merchantReader;
  private final long latenessMillis;
  private final long customerRetention;
  private final long merchantRetention;
  private final long nearThresholdFloor;
  private final long threshold;
  private final LongAdder accepted = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder late = new LongAdder();

  public FeatureEngine(FeatureRegistry registry, FeatureSettings settings, WindowStateStore store) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.store = Objects.requireNonNull(store, "store");
    this.localTime = new LocalCalendar(settings.zone());
    this.customerReader = new EntityFeatureReader(registry, EntityType.CUSTOMER);
    this.merchantReader = new EntityFeatureReader(registry, EntityType.MERCHANT);
    this.latenessMillis = settings.allowedLateness().toMillis();
    this.customerRetention =
        registry.longestWindow(EntityType.CUSTOMER).toMillis() + latenessMillis;
    this.merchantRetention =
        registry.longestWindow(EntityType.MERCHANT).toMillis() + latenessMillis;
    this.nearThresholdFloor = settings.nearThresholdFloorCents();
    this.threshold = settings.reportingThreshold().cents();
  }

  /** An engine over the standard catalogue with in-memory state. */
  public static FeatureEngine inMemory(FeatureSettings settings) {
    return new FeatureEngine(FeatureRegistry.standard(), settings, new InMemoryWindowStateStore());
  }

  public FeatureRegistry registry() {
    return registry;
  }

  public FeatureSettings settings() {
    return settings;
  }

  /**
   * Adds a transaction to its customer's windows and, when it went to a merchant, to the
   * merchant's.
   *
   * @return what happened on the customer's side, which decides whether it counts at all
   */
  public Placement ingest(Transaction t) {
    long at = t.timestamp().toEpochMilli();
    long cents = t.amount().cents();
    int flags = flags(at, cents);
    long merchantHash = t.merchantId() == null ? 0 : Hash64.of(t.merchantId().value());
    long ipHash = Hash64.of(t.ipAddress());
    long idHash = Hash64.of(t.id().value());
    Placement placement =
        store.update(
            EntityType.CUSTOMER,
            t.customerId().value(),
            s ->
                s.add(
                    at,
                    cents,
                    ipHash,
                    merchantHash,
                    idHash,
                    flags,
                    latenessMillis,
                    customerRetention));
    count(placement);
    if (placement == Placement.ACCEPTED && t.merchantId() != null) {
      long customerHash = Hash64.of(t.customerId().value());
      Placement merchantPlacement =
          store.update(
              EntityType.MERCHANT,
              t.merchantId().value(),
              s ->
                  s.add(
                      at,
                      cents,
                      ipHash,
                      customerHash,
                      0,
                      flags,
                      latenessMillis,
                      merchantRetention));
      if (merchantPlacement == Placement.LATE) {
        late.increment();
      }
    }
    return placement;
  }

  private void count(Placement placement) {
    switch (placement) {
      case ACCEPTED -> accepted.increment();
      case DUPLICATE -> duplicates.increment();
      case LATE -> late.increment();
    }
  }

  private int flags(long at, long cents) {
    int flags = 0;
    if (localTime.isNight(at)) {
      flags |= 1 << WindowState.FLAG_NIGHT;
    }
    if (localTime.isWeekend(at)) {
      flags |= 1 << WindowState.FLAG_WEEKEND;
    }
    if (cents >= nearThresholdFloor && cents < threshold) {
      flags |= 1 << WindowState.FLAG_NEAR_THRESHOLD;
    }
    return flags;
  }

  /** The features of {@code t}: its customer's and its merchant's, as of just before it. */
  public FeatureVector featuresFor(Transaction t) {
    long at = t.timestamp().toEpochMilli();
    double[] values = new double[registry.size()];
    boolean known =
        store.read(
            EntityType.CUSTOMER,
            t.customerId().value(),
            s -> {
              customerReader.read(s, at, values);
              return s != null && s.previousTimestamp(at) != Long.MIN_VALUE;
            });
    boolean merchant = t.merchantId() != null;
    store.read(
        EntityType.MERCHANT,
        merchant ? t.merchantId().value() : "",
        s -> {
          merchantReader.read(merchant ? s : null, at, values);
          return null;
        });
    return new FeatureVector(registry, values, known, merchant);
  }

  /**
   * The features of one entity as of {@code at}; features of the other entity type read 0.
   *
   * @return the vector, or {@code null} when the entity has never been seen
   */
  public FeatureVector entityFeatures(EntityType type, String id, Instant at) {
    long time = at.toEpochMilli();
    double[] values = new double[registry.size()];
    EntityFeatureReader reader = type == EntityType.CUSTOMER ? customerReader : merchantReader;
    Boolean known =
        store.read(
            type,
            id,
            s -> {
              if (s == null) {
                return false;
              }
              reader.read(s, time, values);
              return true;
            });
    if (!known) {
      return null;
    }
    return new FeatureVector(
        registry, values, type == EntityType.CUSTOMER, type == EntityType.MERCHANT);
  }

  /** Events placed in windows so far. */
  public long acceptedCount() {
    return accepted.sum();
  }

  /** Repeated transaction ids ignored so far. */
  public long duplicateCount() {
    return duplicates.sum();
  }

  /** Events that arrived later than the allowed lateness and were left out of windows. */
  public long lateCount() {
    return late.sum();
  }

  /** Entities with state, by type. */
  public long entityCount(EntityType type) {
    return store.size(type);
  }
}

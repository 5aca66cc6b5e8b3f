package io.amlmonitor.core.feature;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EventLog.Placement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;

/**
 * Keeps per-customer and per-merchant state up to date and evaluates features from it.
 *
 * <p>Contract: features of a transaction at time {@code t} describe {@code [t - W, t)}, so the
 * transaction never sees itself; any read at a later time sees the windows slide with the read
 * clock, whether or not new events arrived. A transaction id is counted once; an event older than
 * its customer's newest payment minus the allowed lateness is left out of every window and counted
 * as late. A payment is one event in three flows: the payer's outgoing flow, the merchant's
 * incoming flow and, for a transfer, the receiving account's incoming flow. Thread-safe: the store
 * serialises changes per entity.
 */
public final class FeatureEngine {
  private final FeatureRegistry registry;
  private final FeatureSettings settings;
  private final EntityStateStore store;
  private final boolean copyArrivals;
  private final CustomerProfiles profiles;
  private final LocalCalendar localTime;
  private final PopulationStats population;
  private final FeaturePlan plan;
  private final long nearThresholdFloor;
  private final long threshold;
  private final long roundUnit;
  private final Set<String> highRisk;
  private final LongAdder accepted = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder late = new LongAdder();
  private final LongAdder lateCounterparty = new LongAdder();
  private final ThreadLocal<Arrival> arrivals = ThreadLocal.withInitial(Arrival::new);
  private final ThreadLocal<ReadAhead> readAheads = ThreadLocal.withInitial(ReadAhead::new);

  /** Adds an {@link Arrival} to the payer's, the merchant's, the receiving account's flow. */
  private final BiFunction<EntityState, Arrival, Placement> addOut;

  private final BiFunction<EntityState, Arrival, Placement> addMerchant;
  private final BiFunction<EntityState, Arrival, Placement> addIn;

  public FeatureEngine(
      FeatureRegistry registry,
      FeatureSettings settings,
      EntityStateStore store,
      CustomerProfiles profiles) {
    this(registry, settings, store, profiles, new PopulationStats());
  }

  /**
   * An engine that counts payments in, and compares with, {@code population}: one a stream job
   * keeps in its own state, or one with a lower minimum sample in tests.
   */
  public FeatureEngine(
      FeatureRegistry registry,
      FeatureSettings settings,
      EntityStateStore store,
      CustomerProfiles profiles,
      PopulationStats population) {
    this.population = Objects.requireNonNull(population, "population");
    this.registry = Objects.requireNonNull(registry, "registry");
    for (FeatureDefinition d : registry.definitions()) {
      if (d.aggregation().fromGraph()) {
        throw new IllegalArgumentException(
            d.name() + " is read from the relationship graph, not computed by the feature engine");
      }
    }
    this.settings = Objects.requireNonNull(settings, "settings");
    this.store = Objects.requireNonNull(store, "store");
    this.copyArrivals = store.appliesChangesLater();
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.localTime = new LocalCalendar(settings.zone());
    this.plan = new FeaturePlan(registry, settings, population);
    this.nearThresholdFloor = settings.nearThresholdFloorCents();
    this.threshold = settings.reportingThreshold().cents();
    this.roundUnit = settings.roundUnit().cents();
    this.highRisk = settings.highRiskCountries();
    LogSpec out = plan.customerOut;
    LogSpec merchantIn = plan.merchantIn;
    LogSpec in = plan.customerIn;
    this.addOut = (s, a) -> a.addTo(s.logOrCreate(Direction.OUTGOING, out));
    this.addMerchant = (s, a) -> a.addTo(s.logOrCreate(Direction.INCOMING, merchantIn));
    this.addIn = (s, a) -> a.addTo(s.logOrCreate(Direction.INCOMING, in));
  }

  public FeatureEngine(FeatureRegistry registry, FeatureSettings settings, EntityStateStore store) {
    this(registry, settings, store, CustomerProfiles.NONE);
  }

  /** An engine over the standard catalogue with in-memory state and no customer profiles. */
  public static FeatureEngine inMemory(FeatureSettings settings) {
    return new FeatureEngine(FeatureRegistry.standard(), settings, new InMemoryEntityStateStore());
  }

  public FeatureRegistry registry() {
    return registry;
  }

  public FeatureSettings settings() {
    return settings;
  }

  /**
   * Adds a transaction to its customer's outgoing flow and, when that placed it, to the merchant's
   * and the receiving account's incoming flows.
   *
   * @return what happened on the customer's side, which decides whether it counts at all
   */
  public Placement ingest(Transaction t) {
    long receiverHash = Hash64.of(t.receiverId());
    return ingest(
        t,
        t.timestamp().toEpochMilli(),
        Hash64.of(t.ipAddress()),
        Hash64.of(t.customerId().value()),
        receiverHash,
        counterpartyHash(t, receiverHash),
        Hash64.of(t.id().value()));
  }

  /**
   * Ingests {@code transactions} in their order, exactly as {@link #ingest} of each one after the
   * other would, and faster: while one payment waits for its state to come from memory, so do the
   * next ones (see {@link ReadAhead}). For a consumer that has a batch at hand, such as a poll of a
   * topic, a queue drained at once or a rebuild of state from the system of record. Each payment is
   * applied atomically, as by {@link #ingest}; the batch is not: another thread's payments may land
   * between two of them.
   *
   * @return what happened to each, in the same order
   */
  public List<Placement> ingestAll(List<? extends Transaction> transactions) {
    Transaction[] batch = transactions.toArray(new Transaction[0]);
    Placement[] placements = new Placement[batch.length];
    ReadAhead r = readAheads.get();
    for (int from = 0; from < batch.length; from += ReadAhead.BATCH) {
      int to = Math.min(batch.length, from + ReadAhead.BATCH);
      r.hash(batch, from, to);
      r.fetch(to - from, store);
      for (int i = from; i < to; i++) {
        int k = i - from;
        placements[i] =
            ingest(
                batch[i],
                r.at[k],
                r.ip[k],
                r.customer[k],
                r.receiver[k],
                r.counterparty[k],
                r.id[k]);
      }
    }
    return Arrays.asList(placements);
  }

  /**
   * One party's part of {@link #ingest}, for a stream job that keeps each entity's state where the
   * entity is partitioned: {@link EntityType#CUSTOMER} adds the payment to the payer's outgoing
   * flow and decides whether it counts; {@link EntityType#MERCHANT} and {@link
   * EntityType#COUNTERPARTY} add it to the merchant's or the receiving account's incoming flow, and
   * must only be applied for payments the payer's side {@link Placement#ACCEPTED}. Applied in that
   * order, the three parts change the state exactly as {@link #ingest} does. No part counts the
   * payment in the {@link #population()}: the caller adds accepted payments there ({@link
   * PopulationStats#addPayment}), once.
   *
   * @return what happened on that party's side; {@link Placement#ACCEPTED} for a party the payment
   *     does not name
   */
  public Placement ingestParty(Transaction t, EntityType party) {
    Arrival a = arrival(t, t.timestamp().toEpochMilli());
    long customerHash = Hash64.of(t.customerId().value());
    long receiverHash = Hash64.of(t.receiverId());
    switch (party) {
      case CUSTOMER -> {
        Placement p =
            addPayer(
                t,
                a,
                Hash64.of(t.ipAddress()),
                customerHash,
                receiverHash,
                Hash64.of(t.id().value()));
        count(p);
        return p;
      }
      case MERCHANT -> {
        return addToMerchant(t, a, Hash64.of(t.ipAddress()), customerHash, receiverHash);
      }
      case COUNTERPARTY -> {
        return addToAccount(t, a, customerHash, counterpartyHash(t, receiverHash));
      }
      default -> throw new IllegalArgumentException("a payment has no " + party + " party");
    }
  }

  /** Hash of the receiving account, given the hash of {@link Transaction#receiverId()}. */
  static long counterpartyHash(Transaction t, long receiverHash) {
    if (t.counterpartyId() == null) {
      return 0;
    }
    // the receiver is the merchant when a payment names both
    return t.merchantId() == null ? receiverHash : Hash64.of(t.counterpartyId().value());
  }

  private Placement ingest(
      Transaction t,
      long at,
      long ipHash,
      long customerHash,
      long receiverHash,
      long counterpartyHash,
      long idHash) {
    Arrival a = arrival(t, at);
    Placement placement = addPayer(t, a, ipHash, customerHash, receiverHash, idHash);
    count(placement);
    if (placement != Placement.ACCEPTED) {
      return placement;
    }
    population.add(at, a.scaledLog);
    addToMerchant(t, a, ipHash, customerHash, receiverHash);
    addToAccount(t, a, customerHash, counterpartyHash);
    return placement;
  }

  private Arrival arrival(Transaction t, long at) {
    Arrival a = arrivals.get();
    long cents = t.amount().cents();
    a.at = at;
    a.cents = cents;
    a.attrs = attrs(t, at, cents);
    a.day = localTime.epochDay(at);
    a.scaledLog = PopulationStats.scaledLog(cents);
    return a;
  }

  private Placement addPayer(
      Transaction t, Arrival a, long ipHash, long customerHash, long receiverHash, long idHash) {
    if (plan.customerOut == null) {
      return Placement.ACCEPTED;
    }
    a.to(ipHash, receiverHash, idHash);
    return store.update(EntityType.CUSTOMER, t.customerId().value(), customerHash, held(a), addOut);
  }

  private Placement addToMerchant(
      Transaction t, Arrival a, long ipHash, long customerHash, long receiverHash) {
    if (t.merchantId() == null || plan.merchantIn == null) {
      return Placement.ACCEPTED;
    }
    a.to(ipHash, customerHash, 0);
    Placement p =
        store.update(
            EntityType.MERCHANT, t.merchantId().value(), receiverHash, held(a), addMerchant);
    if (p == Placement.LATE) {
      lateCounterparty.increment();
    }
    return p;
  }

  private Placement addToAccount(Transaction t, Arrival a, long customerHash, long accountHash) {
    if (t.counterpartyId() == null || plan.customerIn == null) {
      return Placement.ACCEPTED;
    }
    a.to(0, customerHash, 0);
    Placement p =
        store.update(EntityType.CUSTOMER, t.counterpartyId().value(), accountHash, held(a), addIn);
    if (p == Placement.LATE) {
      lateCounterparty.increment();
    }
    return p;
  }

  /** {@code a} itself, or a copy when the store may apply the change again later. */
  private Arrival held(Arrival a) {
    return copyArrivals ? a.copy() : a;
  }

  /**
   * One payment as one flow's log receives it, reused per thread: the store's update takes it with
   * a function made once per flow, so an ingest allocates no lambda capturing the payment's fields.
   * Only primitives: storing a reference into this long-lived object would cost the collector's
   * write barrier a fence and a card to refine, three times a payment.
   */
  private static final class Arrival {
    long at;
    long cents;
    long ip;
    long party;
    long id;
    short attrs;
    long day;
    long scaledLog;

    Arrival copy() {
      Arrival c = new Arrival();
      c.at = at;
      c.cents = cents;
      c.ip = ip;
      c.party = party;
      c.id = id;
      c.attrs = attrs;
      c.day = day;
      c.scaledLog = scaledLog;
      return c;
    }

    void to(long ip, long party, long id) {
      this.ip = ip;
      this.party = party;
      this.id = id;
    }

    Placement addTo(EventLog log) {
      return log.add(at, cents, ip, party, id, attrs, day, scaledLog);
    }
  }

  private void count(Placement placement) {
    switch (placement) {
      case ACCEPTED -> accepted.increment();
      case DUPLICATE -> duplicates.increment();
      case LATE -> late.increment();
    }
  }

  private short attrs(Transaction t, long at, long cents) {
    int flags = 0;
    int hour = localTime.hour(at);
    if (LocalCalendar.isNightHour(hour)) {
      flags |= 1 << EventFlags.NIGHT;
    }
    if (localTime.isWeekend(at)) {
      flags |= 1 << EventFlags.WEEKEND;
    }
    if (cents >= nearThresholdFloor && cents < threshold) {
      flags |= 1 << EventFlags.NEAR_THRESHOLD;
    }
    if (cents >= threshold) {
      flags |= 1 << EventFlags.OVER_THRESHOLD;
    }
    String from = t.country();
    String to = t.counterpartyCountry();
    if ((from != null && highRisk.contains(from)) || (to != null && highRisk.contains(to))) {
      flags |= 1 << EventFlags.HIGH_RISK_COUNTRY;
    }
    if (from != null && to != null && !from.equals(to)) {
      flags |= 1 << EventFlags.CROSS_BORDER;
    }
    if (cents > 0 && cents % roundUnit == 0) {
      flags |= 1 << EventFlags.ROUND_AMOUNT;
    }
    if (t.merchantId() == null) {
      flags |= 1 << EventFlags.TO_ACCOUNT;
    }
    return EventFlags.pack(flags, hour);
  }

  /**
   * The features of {@code t}: its customer's, its merchant's, its receiving account's and its own,
   * as of just before it.
   */
  public FeatureVector featuresFor(Transaction t) {
    double[] values = new double[registry.size()];
    long[] previous = FeatureVector.nothingRead();
    long customerHash = Hash64.of(t.customerId().value());
    long receiverHash = Hash64.of(t.receiverId());
    long merchantHash = t.merchantId() != null ? receiverHash : 0;
    long counterpartyHash = t.counterpartyId() != null ? counterpartyHash(t, receiverHash) : 0;
    readAhead(customerHash, merchantHash, counterpartyHash);
    boolean known = readPayer(t, values, previous, customerHash, receiverHash);
    readMerchant(t, values, previous, merchantHash);
    readAccount(t, values, previous, counterpartyHash);
    return vector(t, values, previous, known);
  }

  /**
   * What {@link #ingest} would do with {@code t} on its payer's side, changing nothing: for a
   * reader that scores payments another process (a stream job) counts.
   */
  public Placement placementOf(Transaction t) {
    if (plan.customerOut == null) {
      return Placement.ACCEPTED;
    }
    long at = t.timestamp().toEpochMilli();
    long idHash = Hash64.of(t.id().value());
    return store.read(
        EntityType.CUSTOMER,
        t.customerId().value(),
        Hash64.of(t.customerId().value()),
        s -> {
          EventLog log = s == null ? null : s.log(Direction.OUTGOING);
          return log == null ? Placement.ACCEPTED : log.placementOf(at, idHash);
        });
  }

  /**
   * One party's part of {@link #featuresFor}, for a stream job that reads each entity where it is
   * partitioned: writes the features {@code party} (the payer, {@link EntityType#CUSTOMER}; the
   * merchant; the receiving account, {@link EntityType#COUNTERPARTY}) gives {@code t} into {@code
   * values} and {@code previous}, which start as {@link #vector} expects them ({@code new
   * double[registry().size()]} and {@link FeatureVector#nothingRead()}) and which the three parts
   * share, or fill apart for {@link FeatureVector#merge}: each writes only its own slots.
   *
   * @return for the payer, whether it has history before {@code t}; otherwise false
   */
  public boolean readParty(Transaction t, EntityType party, double[] values, long[] previous) {
    long receiverHash = Hash64.of(t.receiverId());
    return switch (party) {
      case CUSTOMER ->
          readPayer(t, values, previous, Hash64.of(t.customerId().value()), receiverHash);
      case MERCHANT -> {
        readMerchant(t, values, previous, t.merchantId() != null ? receiverHash : 0);
        yield false;
      }
      case COUNTERPARTY -> {
        readAccount(
            t,
            values,
            previous,
            t.counterpartyId() != null ? counterpartyHash(t, receiverHash) : 0);
        yield false;
      }
      default -> throw new IllegalArgumentException("a payment has no " + party + " party");
    };
  }

  /**
   * The vector {@link #featuresFor} returns, from the values its parts ({@link #readParty}) wrote.
   *
   * @param known whether the payer has history before {@code t}
   */
  public FeatureVector vector(Transaction t, double[] values, long[] previous, boolean known) {
    return new FeatureVector(
        registry,
        values,
        t.timestamp().toEpochMilli(),
        previous,
        true,
        known,
        t.merchantId() != null,
        t.counterpartyId() != null,
        true);
  }

  private boolean readPayer(
      Transaction t, double[] values, long[] previous, long customerHash, long receiverHash) {
    long at = t.timestamp().toEpochMilli();
    String customerId = t.customerId().value();
    long expected = profiles.expectedMonthlyCents(customerId);
    FeatureReader.Scored scored = new FeatureReader.Scored(t.amount().cents(), receiverHash);
    return store.read(
        EntityType.CUSTOMER,
        customerId,
        customerHash,
        s -> plan.customerReader.read(s, at, values, previous, 0, expected, scored));
  }

  // An absent merchant or receiving account reads nothing: its features stay 0, its ages -1.
  private void readMerchant(Transaction t, double[] values, long[] previous, long merchantHash) {
    if (t.merchantId() == null) {
      return;
    }
    long at = t.timestamp().toEpochMilli();
    int slot = FeatureVector.previousSlot(EntityType.MERCHANT);
    store.read(
        EntityType.MERCHANT,
        t.merchantId().value(),
        merchantHash,
        s -> plan.merchantReader.read(s, at, values, previous, slot, 0, null));
  }

  private void readAccount(Transaction t, double[] values, long[] previous, long accountHash) {
    if (t.counterpartyId() == null) {
      return;
    }
    long at = t.timestamp().toEpochMilli();
    String receiver = t.counterpartyId().value();
    long receiverExpected = profiles.expectedMonthlyCents(receiver);
    int slot = FeatureVector.previousSlot(EntityType.COUNTERPARTY);
    store.read(
        EntityType.CUSTOMER,
        receiver,
        accountHash,
        s -> plan.counterpartyReader.read(s, at, values, previous, slot, receiverExpected, null));
  }

  /**
   * Brings the state a read of these entities (hashes, 0 for none) will use toward the cache, level
   * by level across the entities and their logs, so that their cache misses overlap instead of
   * following one another: the read of one payment's customer, merchant and receiving account is
   * three chains of misses (store slot, entity, log, rows). As {@link ReadAhead} for batches of
   * updates, it only reads, without locks; a store outside the process offers nothing to peek at.
   */
  private void readAhead(long customerHash, long merchantHash, long counterpartyHash) {
    EntityState customer = peek(EntityType.CUSTOMER, customerHash);
    EntityState merchant = peek(EntityType.MERCHANT, merchantHash);
    EntityState receiver = peek(EntityType.CUSTOMER, counterpartyHash);
    long v =
        touch(log(customer, Direction.OUTGOING))
            + touch(log(customer, Direction.INCOMING))
            + touch(log(merchant, Direction.INCOMING))
            + touch(log(receiver, Direction.OUTGOING))
            + touch(log(receiver, Direction.INCOMING));
    readAheads.get().sink += v;
  }

  private EntityState peek(EntityType type, long hash) {
    return hash == 0 ? null : store.peek(type, hash);
  }

  private static EventLog log(EntityState s, Direction direction) {
    return s == null ? null : s.log(direction);
  }

  private static long touch(EventLog log) {
    return log == null ? 0 : log.readAheadForRead();
  }

  /**
   * The features of one entity as of {@code at}; features of other entity types and of transactions
   * read 0 and do not apply.
   *
   * @return the vector, or {@code null} when the entity has never been seen
   */
  public FeatureVector entityFeatures(EntityType type, String id, Instant at) {
    if (type == EntityType.TRANSACTION || type == EntityType.COUNTERPARTY) {
      throw new IllegalArgumentException(
          "look up the customer itself: " + type + " features exist only when scoring");
    }
    long time = at.toEpochMilli();
    double[] values = new double[registry.size()];
    long[] previous = FeatureVector.nothingRead();
    FeatureReader reader = type == EntityType.CUSTOMER ? plan.customerReader : plan.merchantReader;
    long expected = type == EntityType.CUSTOMER ? profiles.expectedMonthlyCents(id) : 0;
    int slot = FeatureVector.previousSlot(type);
    long hash = Hash64.of(id);
    boolean customer = type == EntityType.CUSTOMER;
    readAhead(customer ? hash : 0, customer ? 0 : hash, 0);
    // null: unknown; otherwise whether it has history before the read
    Boolean history =
        store.read(
            type,
            id,
            hash,
            s -> s == null ? null : reader.read(s, time, values, previous, slot, expected, null));
    if (history == null) {
      return null;
    }
    return new FeatureVector(
        registry, values, time, previous, customer, customer && history, !customer, false, false);
  }

  /** Customer payments placed in windows so far. */
  public long acceptedCount() {
    return accepted.sum();
  }

  /** Repeated transaction ids ignored so far. */
  public long duplicateCount() {
    return duplicates.sum();
  }

  /** Payments that arrived later than the allowed lateness and were left out of every window. */
  public long lateCount() {
    return late.sum();
  }

  /**
   * Payments placed in the payer's windows but too late for a merchant's or receiving account's,
   * whose newer events had moved on: left out of that side's windows.
   */
  public long lateCounterpartyCount() {
    return lateCounterparty.sum();
  }

  /** Entities with state, by type. */
  public long entityCount(EntityType type) {
    return store.size(type);
  }

  /** The population statistics behaviour is compared with. */
  public PopulationStats population() {
    return population;
  }
}

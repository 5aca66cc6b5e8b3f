package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.MerchantId;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A synthetic bank and the transactions of its customers in event time, deterministic for a seed.
 *
 * <p>Shape, chosen to look like retail card and instant-payment traffic: customers pay on average
 * {@value #PAYMENTS_PER_CUSTOMER_PER_DAY} times a day with log-normal activity (σ = 1, so the
 * busiest 1% pay about 30 times a day); arrivals are a Poisson process whose rate follows the hour
 * of day (a quiet night, a busy day); merchants are chosen by Zipf popularity with exponent {@value
 * #MERCHANT_ZIPF_EXPONENT} (with 5,000 merchants the most popular one receives about 11% of
 * merchant payments); amounts are log-normal with a median of 60.00 and σ = 1.3; 55% are card
 * payments (no IP), 25% online payments and 20% instant transfers to another account (both from one
 * of the customer's one to three IPs); 2% of events arrive up to two minutes behind event order,
 * within the engine's allowed lateness; 1% involve a foreign counterparty.
 *
 * <p>Implementation note: history shares one identifier and IP string per customer or merchant, to
 * keep long histories small; the transactions a benchmark measures ({@link #next(int)}, {@link
 * #around}) each carry their own copies, as a decoder reading them from a socket or a topic makes
 * them, so that reading its own input does not cost a benchmark cache misses a service does not
 * pay. Transaction ids are fresh 36-character UUID strings. The state lives in one {@link
 * SplittableRandom}, so the same seed and the same sequence of calls give the same transactions.
 */
final class Workload {
  /** Monday 14:00 UTC: whole days of history end at a busy hour, when reads matter most. */
  static final Instant START = Instant.parse("2026-03-02T14:00:00Z");

  static final long MILLIS_PER_DAY = 86_400_000L;
  static final double PAYMENTS_PER_CUSTOMER_PER_DAY = 5.0;
  static final double MERCHANT_ZIPF_EXPONENT = 1.0;
  static final int DEFAULT_MERCHANTS = 5_000;
  static final long DEFAULT_SEED = 20_260_302L;

  /** The id of the merchant with Zipf rank 1. */
  static final String MOST_POPULAR_MERCHANT = merchantId(0);

  /** Relative arrival rate by hour of day (UTC, the engine's default zone). */
  private static final double[] HOURLY_PROFILE = {
    0.15, 0.1, 0.1, 0.1, 0.1, 0.15, 0.4, 0.7, 0.9, 1.0, 1.0, 1.0, //
    1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.8, 0.7, 0.5, 0.3
  };

  private static final String[] FOREIGN = {"US", "PT", "AR", "CN", "NG", "IR", "VE", "PY"};
  private static final double DISORDER_SHARE = 0.02;
  private static final long MAX_DISORDER_MILLIS = 120_000;

  private final SplittableRandom random;
  private final CustomerId[] customerIds;
  private final String[][] ips;
  private final String[] devices;
  private final WeightedSampler customerPicker;
  private final MerchantId[] merchantIds;
  private final WeightedSampler merchantPicker;
  private final double peakEventsPerMilli;
  private long clock;

  Workload(int customers, int merchants, long seed) {
    if (customers < 2 || merchants < 1) {
      throw new IllegalArgumentException(
          "need at least 2 customers and 1 merchant, was " + customers + " and " + merchants);
    }
    this.random = new SplittableRandom(seed);
    this.customerIds = new CustomerId[customers];
    this.ips = new String[customers][];
    this.devices = new String[customers];
    double[] activity = new double[customers];
    for (int c = 0; c < customers; c++) {
      customerIds[c] = CustomerId.of(String.format("C%09d", c));
      double u = random.nextDouble();
      int ipCount = u < 0.5 ? 1 : u < 0.85 ? 2 : 3;
      ips[c] = new String[ipCount];
      for (int i = 0; i < ipCount; i++) {
        ips[c][i] = randomIp();
      }
      devices[c] = "D" + Long.toHexString(random.nextLong());
      activity[c] = Math.exp(random.nextGaussian());
    }
    this.customerPicker = new WeightedSampler(activity);
    this.merchantIds = new MerchantId[merchants];
    for (int m = 0; m < merchants; m++) {
      merchantIds[m] = MerchantId.of(merchantId(m));
    }
    this.merchantPicker = WeightedSampler.zipf(merchants, MERCHANT_ZIPF_EXPONENT);
    double meanProfile = 0;
    for (double p : HOURLY_PROFILE) {
      meanProfile += p / HOURLY_PROFILE.length;
    }
    double eventsPerMilli = customers * PAYMENTS_PER_CUSTOMER_PER_DAY / MILLIS_PER_DAY;
    this.peakEventsPerMilli = eventsPerMilli / meanProfile;
    this.clock = START.toEpochMilli();
  }

  private static String merchantId(int rank) {
    return String.format("M%06d", rank);
  }

  /** A workload with the default merchants and seed. */
  static Workload of(int customers) {
    return new Workload(customers, DEFAULT_MERCHANTS, DEFAULT_SEED);
  }

  int customers() {
    return customerIds.length;
  }

  /** Event time, in epoch ms, of the newest transaction generated so far. */
  long clockMillis() {
    return clock;
  }

  /** The next transaction of the stream. */
  Transaction next() {
    clock = nextArrival(clock);
    long at = clock;
    if (random.nextDouble() < DISORDER_SHARE) {
      at -= random.nextLong(MAX_DISORDER_MILLIS);
    }
    return transaction(at);
  }

  /** The next {@code n} transactions of the stream. */
  Transaction[] next(int n) {
    Transaction[] out = new Transaction[n];
    for (int i = 0; i < n; i++) {
      out[i] = decoded(next());
    }
    return out;
  }

  /** {@code t} with its own copy of every string, as decoding it from bytes would give. */
  static Transaction decoded(Transaction t) {
    return new Transaction(
        new TransactionId(copy(t.id().value())),
        t.timestamp(),
        new CustomerId(copy(t.customerId().value())),
        t.merchantId() == null ? null : new MerchantId(copy(t.merchantId().value())),
        t.counterpartyId() == null ? null : new CustomerId(copy(t.counterpartyId().value())),
        t.amount(),
        t.currency(),
        t.channel(),
        copy(t.ipAddress()),
        copy(t.deviceId()),
        copy(t.country()),
        copy(t.counterpartyCountry()));
  }

  private static String copy(String s) {
    return s == null ? null : new String(s.toCharArray());
  }

  /** The transactions of the next {@code days} of event time. */
  Transaction[] nextDays(double days) {
    long until = clock + (long) (days * MILLIS_PER_DAY);
    List<Transaction> out = new ArrayList<>();
    while (true) {
      Transaction t = next();
      out.add(t);
      if (clock >= until) {
        return out.toArray(new Transaction[0]);
      }
    }
  }

  /**
   * {@code n} transactions at uniformly random times in {@code [from, from + spanMillis)}, for
   * reads that must not change the stream's clock.
   */
  Transaction[] around(int n, long from, long spanMillis) {
    Transaction[] out = new Transaction[n];
    for (int i = 0; i < n; i++) {
      out[i] = decoded(transaction(from + random.nextLong(spanMillis)));
    }
    return out;
  }

  /** The id of a customer drawn by activity, as the stream draws them. */
  CustomerId randomActiveCustomer() {
    return customerIds[customerPicker.next(random)];
  }

  /** Thinning: candidates at the peak rate, kept with the hour's share of it. */
  private long nextArrival(long from) {
    double t = from;
    while (true) {
      t += -Math.log(1 - random.nextDouble()) / peakEventsPerMilli;
      int hour = (int) (Math.floorMod((long) t, MILLIS_PER_DAY) / 3_600_000L);
      if (random.nextDouble() < HOURLY_PROFILE[hour]) {
        return Math.max(from, (long) t);
      }
    }
  }

  private Transaction transaction(long at) {
    int c = customerPicker.next(random);
    double kind = random.nextDouble();
    Channel channel = kind < 0.55 ? Channel.CARD : kind < 0.80 ? Channel.ONLINE : Channel.PIX;
    MerchantId merchant = null;
    CustomerId counterparty = null;
    if (channel == Channel.PIX) {
      int other = random.nextInt(customerIds.length - 1);
      counterparty = customerIds[other >= c ? other + 1 : other];
    } else {
      merchant = merchantIds[merchantPicker.next(random)];
    }
    String ip = channel == Channel.CARD ? null : ipOf(c);
    String counterpartyCountry =
        random.nextDouble() < 0.01 ? FOREIGN[random.nextInt(FOREIGN.length)] : "BR";
    return new Transaction(
        new TransactionId(new UUID(random.nextLong(), random.nextLong()).toString()),
        Instant.ofEpochMilli(at),
        customerIds[c],
        merchant,
        counterparty,
        new Money(amountCents()),
        "BRL",
        channel,
        ip,
        channel == Channel.CARD ? null : devices[c],
        "BR",
        counterpartyCountry);
  }

  /** The customer's first IP most of the time, another of theirs otherwise. */
  private String ipOf(int c) {
    String[] own = ips[c];
    if (own.length == 1 || random.nextDouble() < 0.7) {
      return own[0];
    }
    return own[1 + random.nextInt(own.length - 1)];
  }

  private long amountCents() {
    double amount = Math.exp(Math.log(60.0) + 1.3 * random.nextGaussian());
    return Math.max(1, Math.min(Math.round(amount * 100), 10_000_000_000L));
  }

  private String randomIp() {
    return (1 + random.nextInt(223))
        + "."
        + random.nextInt(256)
        + "."
        + random.nextInt(256)
        + "."
        + (1 + random.nextInt(254));
  }
}

package io.amlmonitor.bench;

import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.MerchantId;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureVector;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Latency of reading features from a warm engine: {@link FeatureEngine#featuresFor} (the customer's
 * and the merchant's features of a transaction, as the live path reads them) and {@link
 * FeatureEngine#entityFeatures} (one customer's, as the API reads them).
 *
 * <p>Reads are pure, so one engine serves the whole trial. The reads are the transactions of a
 * random, activity-weighted customer at random times in the {@code spanMinutes} after the history
 * ends: the windows then hold what they would hold at the moment a new payment arrives. {@code
 * payee} narrows the reads to one kind of receiver: {@code any} as generated, {@code top-merchant}
 * (every read goes to the most popular merchant, whose hour holds about 2,500 payments at the
 * busiest time of day) or {@code transfer} (no merchant, so only customer features are read).
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class FeatureReadBenchmark {
  private static final int READS = 1 << 18;

  @Param("100000")
  int customers;

  @Param("1")
  double historyDays;

  @Param("5")
  int spanMinutes;

  @Param("any")
  String payee;

  private FeatureEngine engine;
  private Transaction[] reads;
  private String[] customerIds;
  private Instant[] customerTimes;
  private int cursor;

  @Setup(Level.Trial)
  public void load() {
    Scenario scenario = Scenario.generate(customers, historyDays, 0);
    System.out.println("\n" + scenario.describe());
    engine = scenario.loadedEngine();
    long from = scenario.historyEndMillis();
    reads = scenario.workload.around(READS, from, spanMinutes * 60_000L);
    for (int i = 0; i < READS; i++) {
      reads[i] = withPayee(reads[i]);
    }
    customerIds = new String[READS];
    customerTimes = new Instant[READS];
    for (int i = 0; i < READS; i++) {
      CustomerId id = scenario.workload.randomActiveCustomer();
      customerIds[i] = id.value();
      customerTimes[i] = reads[i].timestamp();
    }
  }

  private Transaction withPayee(Transaction t) {
    MerchantId merchant;
    CustomerId counterparty;
    switch (payee) {
      case "any" -> {
        return t;
      }
      case "top-merchant" -> {
        merchant = MerchantId.of(Workload.MOST_POPULAR_MERCHANT);
        counterparty = null;
      }
      case "transfer" -> {
        merchant = null;
        counterparty = t.counterpartyId() != null ? t.counterpartyId() : t.customerId();
      }
      default ->
          throw new IllegalArgumentException(
              "payee must be any, top-merchant or transfer, was " + payee);
    }
    return new Transaction(
        t.id(),
        t.timestamp(),
        t.customerId(),
        merchant,
        counterparty,
        t.amount(),
        t.currency(),
        t.channel(),
        t.ipAddress(),
        t.deviceId(),
        t.country(),
        t.counterpartyCountry());
  }

  @Benchmark
  public FeatureVector featuresFor() {
    int i = cursor++ & (READS - 1);
    return engine.featuresFor(reads[i]);
  }

  @Benchmark
  public FeatureVector customerFeatures() {
    int i = cursor++ & (READS - 1);
    return engine.entityFeatures(EntityType.CUSTOMER, customerIds[i], customerTimes[i]);
  }
}

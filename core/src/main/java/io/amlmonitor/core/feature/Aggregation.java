package io.amlmonitor.core.feature;

/**
 * How a feature folds the events of its window {@code [t - window, t)} into one value.
 *
 * <p>Amounts are in the reporting currency; every aggregation over an empty window is 0, and so is
 * every ratio whose denominator is 0. "Events" are those of the feature's {@link Direction}: for a
 * customer's outgoing flow, the payments it made; for its incoming flow, the transfers it received;
 * for a merchant, the payments it received.
 */
public enum Aggregation {
  /** Number of events. */
  COUNT(ValueType.INT, Kind.ADDITIVE),
  /** Sum of amounts. */
  SUM(ValueType.DOUBLE, Kind.ADDITIVE),
  /** Mean amount. */
  MEAN(ValueType.DOUBLE, Kind.ADDITIVE),
  /** Largest amount. */
  MAX(ValueType.DOUBLE, Kind.SCAN),
  /** Distinct IP addresses (events without an IP do not count). */
  DISTINCT_IPS(ValueType.INT, Kind.DISTINCT),
  /**
   * Distinct other parties: whoever received the customer's payments (merchants and accounts), the
   * accounts that sent it transfers, or the customers who paid a merchant.
   */
  DISTINCT_PARTIES(ValueType.INT, Kind.DISTINCT),
  /** Distinct merchants a customer paid (transfers to accounts do not count). */
  DISTINCT_MERCHANTS(ValueType.INT, Kind.SCAN),
  /**
   * Distinct parties dealt with in the window for the first time: never seen before in this flow,
   * or not for {@link #PARTY_MEMORY_DAYS} days.
   */
  NEW_PARTIES(ValueType.INT, Kind.PARTY_MEMORY),
  /**
   * Events per minute over the active part of the window: count divided by the minutes from the
   * window's first event to {@code t}, at least one minute. A burst of 30 payments in one minute
   * reads 30 right after it and decays as the clock moves on.
   */
  RATE_PER_MINUTE(ValueType.DOUBLE, Kind.PREFIX),
  /**
   * How much busier the last 24th of the window was than the window's average: count in {@code [t -
   * window/24, t)} times 24 over the count in the window. 1 for an even pace, 24 when everything
   * happened in the last 24th.
   */
  BURST_RATIO(ValueType.DOUBLE, Kind.PREFIX),
  /**
   * Coefficient of variation of amounts (population standard deviation over mean): 0 for fewer than
   * two events. Irregular amounts score high; repeated identical amounts score 0.
   */
  COEFFICIENT_OF_VARIATION(ValueType.DOUBLE, Kind.SCAN),
  /** Events at night (22:00–06:00 in the configured zone). */
  NIGHT_COUNT(ValueType.INT, Kind.FLAG, EventFlags.NIGHT),
  /** Events on Saturday or Sunday in the configured zone. */
  WEEKEND_COUNT(ValueType.INT, Kind.FLAG, EventFlags.WEEKEND),
  /**
   * Events with an amount just under the reporting threshold: in {@code [threshold × (1 - band),
   * threshold)}; the classic structuring signal.
   */
  NEAR_THRESHOLD_COUNT(ValueType.INT, Kind.FLAG, EventFlags.NEAR_THRESHOLD),
  /** Sum of the amounts just under the reporting threshold. */
  NEAR_THRESHOLD_SUM(ValueType.DOUBLE, Kind.SCAN),
  /** Events at or above the reporting threshold. */
  OVER_THRESHOLD_COUNT(ValueType.INT, Kind.FLAG, EventFlags.OVER_THRESHOLD),
  /** Events whose other party is in a high-risk country, or that came from one. */
  HIGH_RISK_COUNTRY_COUNT(ValueType.INT, Kind.FLAG, EventFlags.HIGH_RISK_COUNTRY),
  /** Events whose two countries are both known and differ. */
  CROSS_BORDER_COUNT(ValueType.INT, Kind.FLAG, EventFlags.CROSS_BORDER),
  /** Customer payments to other accounts rather than to merchants. */
  ACCOUNT_TRANSFER_COUNT(ValueType.INT, Kind.FLAG, EventFlags.TO_ACCOUNT),
  /** Share of events with a round amount: a whole multiple of the configured round unit. */
  ROUND_AMOUNT_RATIO(ValueType.DOUBLE, Kind.FLAG, EventFlags.ROUND_AMOUNT),
  /**
   * Shannon entropy, in bits, of the local hour of day of the events: 0 when all fell in one hour,
   * up to log2(24) ≈ 4.58 when spread evenly over the day.
   */
  HOUR_ENTROPY(ValueType.DOUBLE, Kind.SCAN),
  /**
   * Least-squares slope of amount against time, per hour, over the mean amount: +0.1 means amounts
   * grew by about 10% of their mean each hour. 0 for fewer than three events or when all share one
   * instant.
   */
  AMOUNT_TREND(ValueType.DOUBLE, Kind.SCAN),
  /**
   * How evenly spaced the events are: 1 / (1 + coefficient of variation of the gaps between
   * consecutive events). 1 for a metronome, towards 0 for bursts and pauses; 0 for fewer than three
   * events or when all share one instant.
   */
  GAP_REGULARITY(ValueType.DOUBLE, Kind.SCAN),
  /**
   * Distinct merchants paid over payments to merchants: 1 when every payment went to a new
   * merchant, small when one merchant gets them all.
   */
  MERCHANT_DIVERSITY(ValueType.DOUBLE, Kind.SCAN),
  /**
   * How the entity's typical amount compares with the population: the mean of {@code ln(1 +
   * amount)} over the window, as a z-score against all customer payments in the reference day (see
   * {@link PopulationStats}). 0 until the population has enough payments.
   */
  POPULATION_ZSCORE(ValueType.DOUBLE, Kind.SCAN),
  /**
   * Share of the window's events whose {@code ln(1 + amount)} lies more than three standard
   * deviations from the population's mean (see {@link PopulationStats}).
   */
  POPULATION_OUTLIER_RATIO(ValueType.DOUBLE, Kind.SCAN),
  /**
   * Days since the previous event of the flow (fractional), over all history rather than a window:
   * 0 when there is none.
   */
  DAYS_SINCE_PREVIOUS(ValueType.DOUBLE, Kind.LIFETIME),
  /**
   * Days the entity had been idle before its activity of the window: from its last event before
   * {@code t - window} to its first event in the window (or {@code t} when there is none), over
   * both flows. 0 for an entity with no earlier history.
   */
  DAYS_DORMANT(ValueType.DOUBLE, Kind.CROSS_FLOW),
  /** Days since the entity's first event in either flow: 0 before it. */
  ACCOUNT_AGE_DAYS(ValueType.DOUBLE, Kind.LIFETIME),
  /**
   * Money in versus money out over the window: the smaller of the two sums over the larger, so 1
   * when everything received was sent on (or the other way round), 0 when one side is empty.
   */
  PASS_THROUGH_RATIO(ValueType.DOUBLE, Kind.CROSS_FLOW),
  /** Money received minus money sent over the window. */
  NET_FLOW(ValueType.DOUBLE, Kind.CROSS_FLOW),
  /**
   * Spending over the window scaled to 30 days, over the expected monthly volume the customer
   * declared: 1 means on track; 0 when no volume is on record.
   */
  EXPECTED_VOLUME_PACE(ValueType.DOUBLE, Kind.ADDITIVE),
  /** The transaction's amount over its customer's mean payment in the window; 0 with no history. */
  TXN_AMOUNT_TO_MEAN(ValueType.DOUBLE, Kind.TRANSACTION),
  /**
   * The transaction's amount over its customer's declared expected monthly volume; 0 when none is
   * on record.
   */
  TXN_AMOUNT_TO_EXPECTED_MONTHLY(ValueType.DOUBLE, Kind.TRANSACTION),
  /** The transaction's {@code ln(1 + amount)} as a z-score against the population's payments. */
  TXN_AMOUNT_ZSCORE(ValueType.DOUBLE, Kind.TRANSACTION),
  /**
   * 1 when the transaction's receiver is new to the customer (not paid before, or not for {@link
   * #PARTY_MEMORY_DAYS} days), else 0.
   */
  TXN_NEW_COUNTERPARTY(ValueType.INT, Kind.TRANSACTION),
  /** 1 when the transaction's amount is round, else 0. */
  TXN_ROUND_AMOUNT(ValueType.INT, Kind.TRANSACTION),
  /**
   * Distinct accounts and merchants the customer paid or was paid by, over all other accounts and
   * merchants of the relationship graph.
   */
  GRAPH_DEGREE_CENTRALITY(ValueType.DOUBLE, Kind.GRAPH),
  /** Share of the graph's shortest paths through the account, estimated from sampled sources. */
  GRAPH_BETWEENNESS_CENTRALITY(ValueType.DOUBLE, Kind.GRAPH),
  /** Pairs of the account's counterparties that transact with each other, over all pairs. */
  GRAPH_CLUSTERING_COEFFICIENT(ValueType.DOUBLE, Kind.GRAPH),
  /** Distinct IP addresses the account used. */
  GRAPH_IP_DIVERSITY(ValueType.INT, Kind.GRAPH),
  /** Other accounts that used one of the account's IP addresses or devices. */
  GRAPH_RING_SIZE(ValueType.INT, Kind.GRAPH),
  /** Share of the account's counterparties that are flagged. */
  GRAPH_FLAGGED_COUNTERPARTY_SHARE(ValueType.DOUBLE, Kind.GRAPH);

  /** How long a flow remembers the parties it dealt with, for "new counterparty" features. */
  public static final int PARTY_MEMORY_DAYS = 30;

  /** How an aggregation is computed, which decides which windows and entities it supports. */
  enum Kind {
    /** Counts and sums: from prefix sums, and from tiles over long windows. */
    ADDITIVE,
    /** A count of events with one flag: from a pass over the window, and from tiles. */
    FLAG,
    /** From prefix sums and binary searches, over exact windows only. */
    PREFIX,
    /** Needs a pass over the window's events: exact windows of customers only. */
    SCAN,
    /** Distinct values: a pass for customers, a maintained multiset for merchants. */
    DISTINCT,
    /** From the flow's memory of the parties it dealt with. */
    PARTY_MEMORY,
    /** Over the whole history, not a window. */
    LIFETIME,
    /** Joins a customer's two flows. */
    CROSS_FLOW,
    /** Compares the scored transaction with history. */
    TRANSACTION,
    /**
     * Read from the relationship graph, not computed by the feature engine: the whole graph, not
     * one entity's flows, so no window of the engine holds it.
     */
    GRAPH
  }

  private final ValueType type;
  private final Kind kind;
  private final int flag;

  Aggregation(ValueType type, Kind kind) {
    this(type, kind, -1);
  }

  Aggregation(ValueType type, Kind kind, int flag) {
    this.type = type;
    this.kind = kind;
    this.flag = flag;
  }

  /** The type every feature with this aggregation has. */
  public ValueType type() {
    return type;
  }

  Kind kind() {
    return kind;
  }

  /** Whether the relationship graph computes it, rather than the feature engine. */
  public boolean fromGraph() {
    return kind == Kind.GRAPH;
  }

  /** The {@link EventFlags} bit this aggregation counts, or -1. */
  int flag() {
    return flag;
  }

  /** Whether it needs no window. */
  boolean lifetime() {
    return kind == Kind.LIFETIME
        || kind == Kind.GRAPH
        || this == TXN_AMOUNT_TO_EXPECTED_MONTHLY
        || this == TXN_AMOUNT_ZSCORE
        || this == TXN_NEW_COUNTERPARTY
        || this == TXN_ROUND_AMOUNT;
  }

  /** Whether a long window can be answered from per-hour or per-day tiles. */
  boolean tileable() {
    return kind == Kind.ADDITIVE
        || kind == Kind.FLAG
        || this == PASS_THROUGH_RATIO
        || this == NET_FLOW;
  }
}

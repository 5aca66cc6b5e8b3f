package io.amlmonitor.graph;

import io.amlmonitor.core.domain.Transaction;

/**
 * The transaction a detector looks from, as it entered the graph.
 *
 * @param payer the paying account's node
 * @param receiver the receiving account's or merchant's node
 * @param transfer whether the receiver is an account (only transfers make money patterns)
 * @param edge the money edge from payer to receiver
 * @param fresh whether that edge was new, or idle for longer than the window, before this
 * @param low the lowest amount (cents) taken as this money
 * @param high the highest amount (cents) taken as this money
 * @param bits the amount buckets of amounts between low and high
 * @param since the earliest last-event time (epoch ms) of an edge that takes part
 * @param identifiers the IP and device nodes whose used-edge from the payer this made fresh
 */
record Trigger(
    Transaction transaction,
    int payer,
    int receiver,
    boolean transfer,
    int edge,
    boolean fresh,
    long low,
    long high,
    long bits,
    long since,
    int[] identifiers) {

  /** Whether {@code e} is a transfer that lies in the window and may carry this money. */
  boolean sameMoney(AdjacencyGraph g, int e) {
    return g.last(e) >= since && g.isTransfer(e) && g.mayCarry(e, low, high, bits);
  }

  /** Whether {@code e} is a transfer that lies in the window, whatever its amount. */
  boolean active(AdjacencyGraph g, int e) {
    return g.last(e) >= since && g.isTransfer(e);
  }
}

package io.amlmonitor.core.graph;

/** What an edge of the relationship graph stands for; money edges aggregate every payment. */
public enum EdgeKind {
  /** Account to account: transfers, aggregated per ordered pair. */
  TRANSFER,
  /** Account to merchant: payments, aggregated per pair. */
  PAYMENT,
  /** Account to IP address it transacted from. */
  USED_IP,
  /** Account to device it transacted from. */
  USED_DEVICE;

  /** Whether the edge carries money (transfers and payments). */
  public boolean carriesMoney() {
    return this == TRANSFER || this == PAYMENT;
  }
}

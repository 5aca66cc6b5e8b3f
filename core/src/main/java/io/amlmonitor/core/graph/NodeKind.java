package io.amlmonitor.core.graph;

/** What a node of the relationship graph stands for. */
public enum NodeKind {
  /** A customer's account, paying or receiving. */
  ACCOUNT,
  MERCHANT,
  IP,
  DEVICE
}

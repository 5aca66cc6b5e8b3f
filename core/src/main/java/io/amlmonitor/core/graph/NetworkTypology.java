package io.amlmonitor.core.graph;

/**
 * A pattern in the network of money that laundering leaves behind, found by the graph as
 * transactions arrive; its {@link #id()} is what decisions and alerts name as the rule that fired.
 */
public enum NetworkTypology {
  /** Money returning to its origin through 2 to 6 hops within the window. */
  CYCLE("graph_cycle", "money returned to its origin"),
  /** Many accounts paying one account within the window. */
  FAN_IN("graph_fan_in", "many accounts paid one account"),
  /** One account paying many accounts within the window. */
  FAN_OUT("graph_fan_out", "one account paid many accounts"),
  /** One account paying several intermediaries that all pay one other account. */
  SCATTER_GATHER("graph_scatter_gather", "money scattered through intermediaries and gathered"),
  /** Many accounts paying one hub that pays many accounts. */
  GATHER_SCATTER("graph_gather_scatter", "money gathered by a hub and scattered again"),
  /** A chain of accounts each passing on about what it received (layering). */
  PASS_THROUGH("graph_pass_through", "money passed along a chain of accounts"),
  /** Several customers using the same IP address or device (a mule network). */
  SHARED_IDENTIFIER_RING("graph_shared_identifier_ring", "customers shared an IP or device");

  private final String id;
  private final String summary;

  NetworkTypology(String id, String summary) {
    this.id = id;
    this.summary = summary;
  }

  /** The rule id under which decisions and alerts record this typology. */
  public String id() {
    return id;
  }

  /** A short phrase saying what the pattern is. */
  public String summary() {
    return summary;
  }
}

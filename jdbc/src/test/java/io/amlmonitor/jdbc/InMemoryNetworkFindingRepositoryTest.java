package io.amlmonitor.jdbc;

import io.amlmonitor.core.graph.InMemoryNetworkFindingRepository;
import io.amlmonitor.core.graph.NetworkFindingRepository;

/** The reference the JDBC finding repository is held to: the same contract, in memory. */
class InMemoryNetworkFindingRepositoryTest extends NetworkFindingRepositoryContract {
  @Override
  NetworkFindingRepository emptyRepository() {
    return new InMemoryNetworkFindingRepository();
  }
}

package io.amlmonitor.jdbc;

import io.amlmonitor.core.alert.AlertRepository;
import io.amlmonitor.core.alert.InMemoryAlertRepository;

/** The reference the JDBC alert repository is held to: the same contract, in memory. */
class InMemoryAlertRepositoryTest extends AlertRepositoryContract {
  @Override
  AlertRepository emptyRepository() {
    return new InMemoryAlertRepository();
  }
}

package io.amlmonitor.jdbc;

import io.amlmonitor.core.alert.AlertRepository;
import io.amlmonitor.core.alert.InMemoryAlertRepository;
import io.amlmonitor.core.cases.CaseRepository;
import io.amlmonitor.core.cases.InMemoryCaseRepository;

/** The reference the SQL repository is held to: the same contract, in memory. */
class InMemoryCaseRepositoryTest extends CaseRepositoryContract {
  private final CaseRepository cases = new InMemoryCaseRepository();
  private final AlertRepository alerts = new InMemoryAlertRepository();

  @Override
  CaseRepository cases() {
    return cases;
  }

  @Override
  AlertRepository alerts() {
    return alerts;
  }
}

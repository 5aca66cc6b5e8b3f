package io.amlmonitor.core.cases;

/**
 * Decides the event a change to a case records, given the case as it stands, or refuses it by
 * throwing (a {@link CaseWorkflowException}). Repositories call it while holding the case, so that
 * the decision and its recording are one atomic step.
 */
@FunctionalInterface
public interface CaseChange {
  CaseEvent decide(Case current);
}

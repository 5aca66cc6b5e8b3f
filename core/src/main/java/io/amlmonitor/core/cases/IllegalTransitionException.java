package io.amlmonitor.core.cases;

import java.util.Set;
import java.util.stream.Collectors;

/** A status change the workflow does not allow; names the current status and the allowed ones. */
public final class IllegalTransitionException extends CaseWorkflowException {
  private static final long serialVersionUID = 1L;
  private final CaseStatus current;
  private final CaseStatus target;

  public IllegalTransitionException(CaseId id, CaseStatus current, CaseStatus target) {
    super(
        current.isClosed() ? "case.transition.closed" : "case.transition.illegal",
        null,
        id.value(),
        current.name(),
        target.name(),
        names(current.allowedTargets()));
    this.current = current;
    this.target = target;
  }

  public CaseStatus current() {
    return current;
  }

  public CaseStatus target() {
    return target;
  }

  public Set<CaseStatus> allowed() {
    return current.allowedTargets();
  }

  private static String names(Set<CaseStatus> statuses) {
    return statuses.stream().map(Enum::name).collect(Collectors.joining(", "));
  }
}

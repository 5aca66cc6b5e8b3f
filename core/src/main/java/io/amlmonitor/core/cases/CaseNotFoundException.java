package io.amlmonitor.core.cases;

/** No case has the id asked for. */
public final class CaseNotFoundException extends CaseWorkflowException {
  private static final long serialVersionUID = 1L;
  private final CaseId id;

  public CaseNotFoundException(CaseId id) {
    super("case.notFound", null, id.value());
    this.id = id;
  }

  public CaseId id() {
    return id;
  }
}

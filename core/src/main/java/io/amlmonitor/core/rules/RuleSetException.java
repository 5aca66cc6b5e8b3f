package io.amlmonitor.core.rules;

/** A rules file that cannot be used, with where and why: the rule, the line and the reason. */
public final class RuleSetException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final String ruleId;
  private final int line;
  private final String reason;

  public RuleSetException(String source, String ruleId, int line, String reason) {
    super(
        source
            + (line > 0 ? ":" + line : "")
            + (ruleId != null ? ": rule '" + ruleId + "'" : "")
            + ": "
            + reason);
    this.source = source;
    this.ruleId = ruleId;
    this.line = line;
    this.reason = reason;
  }

  public String source() {
    return source;
  }

  /** The id of the offending rule, or null when the problem is outside any rule. */
  public String ruleId() {
    return ruleId;
  }

  /** The 1-based line in the file, or 0 when unknown. */
  public int line() {
    return line;
  }

  public String reason() {
    return reason;
  }
}

package io.amlmonitor.core.cases;

import io.amlmonitor.core.scoring.Messages;
import java.util.Locale;

/**
 * The workflow refuses a change: the case is closed, the target status is not allowed from the
 * current one, a required reason is missing. The message exists in every supported language.
 */
public class CaseWorkflowException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String key;
  private final transient Object[] args;
  private final String field;

  /**
   * @param key the message's key in the core's bundle ({@code i18n/messages})
   * @param field the request field at fault, or null when the request is fine but the case's state
   *     forbids it
   */
  public CaseWorkflowException(String key, String field, Object... args) {
    super(Messages.get(Locale.ENGLISH, key, args));
    this.key = key;
    this.field = field;
    this.args = args.clone();
  }

  /** The message in {@code locale}. */
  public String message(Locale locale) {
    return Messages.get(locale, key, args);
  }

  /** The snake_case request field at fault, or null when the case's state is. */
  public String field() {
    return field;
  }
}

package io.amlmonitor.core.scoring;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** User-facing sentences of the core, in English and Brazilian Portuguese. */
public final class Messages {
  /** The locales that have every message. */
  public static final List<Locale> SUPPORTED =
      List.of(Locale.ENGLISH, Locale.forLanguageTag("pt-BR"));

  private Messages() {}

  public static String get(Locale locale, String key, Object... args) {
    ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", locale, NO_FALLBACK);
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  /**
   * Parses a locale such as {@code en} or {@code pt-BR}.
   *
   * @throws IllegalArgumentException when the locale is not supported, naming the ones that are
   */
  public static Locale parseLocale(String tag) {
    Locale locale = Locale.forLanguageTag(tag == null ? "" : tag.strip().replace('_', '-'));
    for (Locale supported : SUPPORTED) {
      if (supported.getLanguage().equals(locale.getLanguage())) {
        return supported;
      }
    }
    throw new IllegalArgumentException(
        "locale '" + tag + "' is not supported; use one of en, pt-BR");
  }

  /** The base bundle (English) is the fallback, not the machine's default locale. */
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}

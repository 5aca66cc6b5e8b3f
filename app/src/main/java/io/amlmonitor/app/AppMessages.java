package io.amlmonitor.app;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The command line's own sentences, in English and Brazilian Portuguese. */
final class AppMessages {
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Locale locale;
  private final ResourceBundle bundle;

  AppMessages(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle("i18n.app", locale, NO_FALLBACK);
  }

  String get(String key, Object... args) {
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }

  Locale locale() {
    return locale;
  }
}

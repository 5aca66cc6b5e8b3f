package io.amlmonitor.core.cases;

import io.amlmonitor.core.domain.Checks;
import io.amlmonitor.core.domain.InvalidFieldException;
import java.util.Locale;
import java.util.Objects;

/**
 * What a piece of evidence attached by hand points at: a stored transaction (by id), or a document
 * kept elsewhere (a file name, a URL, a ticket number). Written {@code transaction:T123} or {@code
 * document:kyc/2026/passport.pdf}.
 */
public record EvidenceRef(Kind kind, String reference) {
  /** What the reference names. */
  public enum Kind {
    TRANSACTION,
    DOCUMENT
  }

  /** Longest document reference accepted, in characters. */
  public static final int MAX_REFERENCE = 1000;

  public EvidenceRef {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.TRANSACTION) {
      reference = Checks.id("reference", reference == null ? null : reference.strip());
    } else if (reference == null || reference.isBlank()) {
      throw new InvalidFieldException("reference", "is required");
    } else if (reference.strip().length() > MAX_REFERENCE) {
      throw new InvalidFieldException(
          "reference",
          "is " + reference.strip().length() + " characters; at most " + MAX_REFERENCE);
    } else {
      reference = reference.strip();
    }
  }

  public static EvidenceRef transaction(String transactionId) {
    return new EvidenceRef(Kind.TRANSACTION, transactionId);
  }

  public static EvidenceRef document(String reference) {
    return new EvidenceRef(Kind.DOCUMENT, reference);
  }

  /**
   * Parses a kind name ({@code transaction} or {@code document}, any case) and a reference.
   *
   * @throws InvalidFieldException naming {@code kind} or {@code reference}
   */
  public static EvidenceRef of(String kind, String reference) {
    if (kind == null || kind.isBlank()) {
      throw new InvalidFieldException("kind", "is required: transaction or document");
    }
    try {
      return new EvidenceRef(Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT)), reference);
    } catch (IllegalArgumentException e) {
      if (e instanceof InvalidFieldException field) {
        throw field;
      }
      throw new InvalidFieldException("kind", "'" + kind + "' is not one of transaction, document");
    }
  }

  /**
   * Parses the written form {@code kind:reference}.
   *
   * @throws InvalidFieldException when the text has no known kind before a colon
   */
  public static EvidenceRef parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon < 0) {
      throw new InvalidFieldException(
          "reference", "'" + text + "' is not transaction:ID or document:REFERENCE");
    }
    return of(text.substring(0, colon), text.substring(colon + 1));
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + ":" + reference;
  }
}

package io.amlmonitor.app;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Transaction ids for imported rows that have none: {@code imp-}, the row's position among the
 * file's rows (12 digits), and 20 hex digits (80 bits) of the SHA-256 of that position and the
 * row's checked values, such as {@code imp-000000000042-3f9c2a7d1e0b4c5d6e7f}. Deterministic, so
 * that importing the same file again finds every id already stored and adds nothing.
 *
 * <p>Implementation note: of the choices, this one needs a single pass and constant memory. Hashing
 * the whole file (plus the line) needs a first pass over it, and any change to the file, even one
 * appended row, gives every row a new id, so re-importing a grown file would store everything
 * twice. Hashing the values plus a count of identical rows seen so far needs a count for every
 * distinct row, memory that grows with the file. With the position: a file that grew at the end
 * adds only its new rows; two identical rows (same payer, payee, amount and time step, common in
 * simulated data) stay two transactions. The price: a file edited in the middle shifts the
 * positions after the edit, so those rows import again under new ids; and the same values at the
 * same position of two different files are taken for the same transaction. Files that need more
 * should carry their own {@code transaction_id}.
 *
 * <p>The position comes first so that a file's ids ascend: index inserts then walk the primary key
 * in order instead of landing on random pages (with random ids H2 loaded about a fifth slower), and
 * an id leads back to its row. Not thread-safe.
 */
final class DerivedIds {
  static final String PREFIX = "imp-";

  /** Digits of the position: ids sort in file order up to a trillion rows. */
  private static final int POSITION_DIGITS = 12;

  /** 80 bits: only rows at the same position of different files could collide. */
  private static final int HASH_BYTES = 10;

  /** Separates the values: no id or text field may hold a control character. */
  private static final char SEPARATOR = '\u001f';

  private static final char NULL = '\u0000';

  private final MessageDigest sha256;
  private final StringBuilder text = new StringBuilder(192);

  DerivedIds() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The id of {@code t}, the {@code ordinal}-th row of its file (its own id is ignored). */
  TransactionId of(Transaction t, long ordinal) {
    text.setLength(0);
    text.append(ordinal).append(SEPARATOR);
    text.append(t.timestamp().getEpochSecond()).append('.').append(t.timestamp().getNano());
    add(t.customerId().value());
    add(t.merchantId() == null ? null : t.merchantId().value());
    add(t.counterpartyId() == null ? null : t.counterpartyId().value());
    text.append(SEPARATOR).append(t.amount().cents());
    add(t.currency());
    add(t.channel() == null ? null : t.channel().wireName());
    add(t.ipAddress());
    add(t.deviceId());
    add(t.country());
    add(t.counterpartyCountry());
    byte[] hash = sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8));
    String position = Long.toString(ordinal);
    return TransactionId.of(
        PREFIX
            + "0".repeat(Math.max(0, POSITION_DIGITS - position.length()))
            + position
            + '-'
            + HexFormat.of().formatHex(hash, 0, HASH_BYTES));
  }

  private void add(String value) {
    text.append(SEPARATOR);
    if (value == null) {
      text.append(NULL);
    } else {
      text.append(value);
    }
  }
}

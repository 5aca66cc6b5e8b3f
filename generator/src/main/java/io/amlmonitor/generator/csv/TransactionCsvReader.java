package io.amlmonitor.generator.csv;

import io.amlmonitor.generator.LabelledTransaction;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads transactions.csv back as {@link LabelledTransaction}s, one row at a time.
 *
 * <p>The header is read on construction and must name every column of {@link
 * CsvColumns#TRANSACTIONS}, in any order; extra columns are ignored and a missing one throws {@link
 * CsvFormatException}. A row that cannot be read (wrong number of fields, broken quoting, a value a
 * domain record rejects) goes to the {@link BadRowHandler} with its line number and reason; reading
 * goes on unless the handler throws. Blank lines are skipped. Not thread-safe; close it, or the
 * stream from {@link #stream()}, when done.
 */
public final class TransactionCsvReader implements Iterator<LabelledTransaction>, Closeable {
  private final CsvRecordReader records;
  private final BadRowHandler handler;
  private final int[] positions;
  private final int width;
  private final boolean labelled;
  private long badRows;
  private LabelledTransaction next;
  private boolean finished;

  public TransactionCsvReader(Reader reader, BadRowHandler handler) {
    this.records = new CsvRecordReader(reader);
    this.handler = handler;
    List<String> names = records.readHeader();
    this.width = names.size();
    this.positions = positions(names);
    this.labelled = positions[positions.length - 1] >= 0;
  }

  /** Opens {@code file} (UTF-8) for reading; the caller closes the reader. */
  public static TransactionCsvReader open(Path file, BadRowHandler handler) {
    BufferedReader reader;
    try {
      reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    try {
      return new TransactionCsvReader(reader, handler);
    } catch (RuntimeException e) {
      try {
        reader.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The remaining rows as a sequential stream; closing the stream closes this reader. */
  public Stream<LabelledTransaction> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /** Whether the file has the label columns ({@code is_laundering}, {@code typology}). */
  public boolean labelled() {
    return labelled;
  }

  /** How many rows have gone to the handler so far. */
  public long badRows() {
    return badRows;
  }

  @Override
  public boolean hasNext() {
    while (next == null && !finished) {
      CsvRecord record = records.next();
      if (record == null) {
        finished = true;
      } else {
        next = parse(record);
      }
    }
    return next != null;
  }

  @Override
  public LabelledTransaction next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more rows");
    }
    LabelledTransaction row = next;
    next = null;
    return row;
  }

  @Override
  public void close() {
    records.close();
  }

  private LabelledTransaction parse(CsvRecord record) {
    String reason;
    try {
      List<String> fields = record.fields();
      if (fields.size() != width) {
        reason = "has " + fields.size() + " fields; the header has " + width;
      } else {
        String[] ordered = new String[positions.length];
        for (int i = 0; i < positions.length; i++) {
          String value = positions[i] < 0 ? null : fields.get(positions[i]);
          ordered[i] = value == null || value.isEmpty() ? null : value;
        }
        return TransactionRows.parse(ordered, labelled);
      }
    } catch (CsvFormatException e) {
      reason = e.reason();
    } catch (IllegalArgumentException e) {
      // Covers InvalidFieldException, which names the field.
      reason = e.getMessage();
    }
    badRows++;
    handler.onBadRow(new BadRow(record.line(), record.text(), reason));
    return null;
  }

  private static int[] positions(List<String> names) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      if (index.put(names.get(i).strip(), i) != null) {
        throw new CsvFormatException(1, "column " + names.get(i) + " appears twice");
      }
    }
    List<String> missing = new ArrayList<>();
    int[] positions = new int[CsvColumns.TRANSACTIONS.size()];
    for (int i = 0; i < positions.length; i++) {
      String name = CsvColumns.TRANSACTIONS.get(i);
      Integer at = index.get(name);
      if (at == null && CsvColumns.LABELS.contains(name)) {
        positions[i] = -1;
      } else if (at == null) {
        missing.add(name);
      } else {
        positions[i] = at;
      }
    }
    if ((positions[positions.length - 1] < 0) != (positions[positions.length - 2] < 0)) {
      throw new CsvFormatException(
          1, "label columns come as a pair: " + String.join(" and ", CsvColumns.LABELS));
    }
    if (!missing.isEmpty()) {
      throw new CsvFormatException(1, "missing column(s) " + String.join(", ", missing));
    }
    return positions;
  }
}

package io.amlmonitor.app;

import io.amlmonitor.generator.csv.CsvFormatException;
import io.amlmonitor.generator.csv.CsvRecord;
import io.amlmonitor.generator.csv.CsvRecordReader;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A UTF-8 CSV file with a header row (RFC 4180 quoting), read with the generator's reader. */
final class CsvImportSource implements ImportSource {
  private final CsvRecordReader records;
  private final Counting bytes;
  private final long size;
  private final List<String> columns;
  private long ordinal;

  private CsvImportSource(CsvRecordReader records, Counting bytes, long size) {
    this.records = records;
    this.bytes = bytes;
    this.size = size;
    this.columns = records.readHeader();
  }

  /**
   * Opens {@code file} and reads its header.
   *
   * @throws UncheckedIOException when the file cannot be opened
   * @throws CsvFormatException when it has no header row
   */
  static CsvImportSource open(Path file) {
    Counting bytes;
    long size;
    try {
      size = Files.size(file);
      bytes = new Counting(Files.newInputStream(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CsvRecordReader records =
        new CsvRecordReader(
            new InputStreamReader(new BufferedInputStream(bytes, 1 << 16), StandardCharsets.UTF_8));
    try {
      return new CsvImportSource(records, bytes, size);
    } catch (RuntimeException e) {
      records.close();
      throw e;
    }
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public Row next() {
    CsvRecord record = records.next();
    if (record == null) {
      return null;
    }
    ordinal++;
    List<String> fields;
    try {
      fields = record.fields();
    } catch (CsvFormatException e) {
      return new Row(record.line(), ordinal, null, record.text(), e.reason());
    }
    if (fields.size() != columns.size()) {
      return new Row(
          record.line(),
          ordinal,
          null,
          record.text(),
          "has " + fields.size() + " fields; the header has " + columns.size());
    }
    String[] values = new String[fields.size()];
    for (int i = 0; i < values.length; i++) {
      String v = fields.get(i);
      values[i] = v.isEmpty() ? null : v;
    }
    return new Row(record.line(), ordinal, values, record.text(), null);
  }

  @Override
  public double fractionRead() {
    return size == 0 ? 1 : Math.min(1, (double) bytes.count / size);
  }

  @Override
  public void close() {
    records.close();
  }

  /** Counts the bytes read from the file, for the progress line. */
  private static final class Counting extends FilterInputStream {
    private long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}

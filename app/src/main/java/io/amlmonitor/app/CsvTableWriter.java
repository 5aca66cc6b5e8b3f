package io.amlmonitor.app;

import io.amlmonitor.generator.csv.CsvText;
import io.amlmonitor.offline.ParquetTableWriter.Column;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A UTF-8 CSV file with a header row, quoted as the generator's files are (RFC 4180: a field with a
 * comma, quote or line break in quotes, quotes doubled); null is an empty cell. Instants are
 * ISO-8601 UTC, decimals plain. Written beside the target and renamed onto it on {@link #close()},
 * so the target only ever holds a whole file.
 */
final class CsvTableWriter implements TableWriter {
  private final Path target;
  private final Path part;
  private final Writer out;
  private final StringBuilder line = new StringBuilder(256);
  private boolean closed;

  private CsvTableWriter(Path target, Path part, Writer out) {
    this.target = target;
    this.part = part;
    this.out = out;
  }

  static CsvTableWriter create(Path file, List<Column> columns) {
    Path target = file.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path part = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
      CsvTableWriter writer =
          new CsvTableWriter(target, part, Files.newBufferedWriter(part, StandardCharsets.UTF_8));
      writer.write(columns.stream().map(Column::name).toArray());
      return writer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  @Override
  public void write(Object[] row) {
    line.setLength(0);
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      Object v = row[i];
      CsvText.appendField(line, v instanceof BigDecimal d ? d.toPlainString() : toText(v));
    }
    line.append('\n');
    try {
      out.write(line.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  private static String toText(Object value) {
    return value == null ? null : value.toString();
  }

  @Override
  public void abort() {
    finish(false);
  }

  @Override
  public void close() {
    finish(true);
  }

  private void finish(boolean publish) {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
      if (publish) {
        Files.move(
            part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    } finally {
      try {
        Files.deleteIfExists(part);
      } catch (IOException e) {
        // A leftover hidden part file is harmless; the outcome above is what matters.
      }
    }
  }
}

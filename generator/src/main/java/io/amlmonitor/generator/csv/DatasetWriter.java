package io.amlmonitor.generator.csv;

import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.Merchant;
import io.amlmonitor.generator.Generator;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.generator.Typology;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Writes a dataset as three UTF-8 CSV files with a header row, {@code \n} line ends and RFC 4180
 * quoting: {@value #CUSTOMERS_FILE}, {@value #MERCHANTS_FILE} and {@value #TRANSACTIONS_FILE}
 * (columns in {@link CsvColumns}). Empty cells stand for null, amounts have two decimals,
 * timestamps are ISO-8601 UTC with milliseconds, enums are lower-case. I/O failures surface as
 * {@link UncheckedIOException} naming the file.
 *
 * <p>Implementation note: rows are built in one reusable {@link StringBuilder} and leave in chunks
 * of about 64 KiB, so that writing allocates no String per row.
 */
public final class DatasetWriter {
  public static final String CUSTOMERS_FILE = "customers.csv";
  public static final String MERCHANTS_FILE = "merchants.csv";
  public static final String TRANSACTIONS_FILE = "transactions.csv";

  /** Progress is reported every this many transactions, and once more at the end. */
  public static final long PROGRESS_INTERVAL = 10_000;

  private static final int CHUNK = 64 * 1024;

  private DatasetWriter() {}

  /**
   * Writes the generator's customers, merchants and transactions into {@code directory}, creating
   * it if needed and replacing files of the same names.
   *
   * @param progress told the number of transactions written so far, every {@link
   *     #PROGRESS_INTERVAL} and at the end
   */
  public static DatasetSummary write(Generator generator, Path directory, LongConsumer progress) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
    withFile(directory.resolve(CUSTOMERS_FILE), out -> writeCustomers(generator.customers(), out));
    withFile(directory.resolve(MERCHANTS_FILE), out -> writeMerchants(generator.merchants(), out));
    Map<Typology, Long> counts = new EnumMap<>(Typology.class);
    withFile(
        directory.resolve(TRANSACTIONS_FILE),
        out -> counts.putAll(writeTransactions(generator.iterator(), out, progress)));
    return new DatasetSummary(generator.customers().size(), generator.merchants().size(), counts);
  }

  /** Writes customers.csv content to {@code out}, header first; flushes but does not close. */
  public static void writeCustomers(List<Customer> customers, Writer out) {
    writeCustomers(customers, new Chunks(out));
  }

  private static void writeCustomers(List<Customer> customers, Chunks chunks) {
    CsvText.appendHeader(chunks.row(), CsvColumns.CUSTOMERS);
    for (Customer c : customers) {
      StringBuilder row = chunks.row();
      CsvText.appendField(row, c.id().value());
      row.append(',').append(c.type().name().toLowerCase(Locale.ROOT)).append(',');
      CsvText.appendField(row, c.country());
      row.append(',');
      CsvText.appendField(row, c.segment());
      row.append(',');
      CsvText.appendCents(row, c.expectedMonthlyVolume().cents());
      row.append(',');
      CsvText.appendDate(row, c.onboardingDate());
      row.append(',').append(c.pep()).append('\n');
      chunks.rowDone();
    }
    chunks.finish();
  }

  /** Writes merchants.csv content to {@code out}, header first; flushes but does not close. */
  public static void writeMerchants(List<Merchant> merchants, Writer out) {
    writeMerchants(merchants, new Chunks(out));
  }

  private static void writeMerchants(List<Merchant> merchants, Chunks chunks) {
    CsvText.appendHeader(chunks.row(), CsvColumns.MERCHANTS);
    for (Merchant m : merchants) {
      StringBuilder row = chunks.row();
      CsvText.appendField(row, m.id().value());
      row.append(',');
      CsvText.appendField(row, m.name());
      row.append(',');
      CsvText.appendField(row, m.category());
      row.append(',');
      CsvText.appendField(row, m.country());
      row.append('\n');
      chunks.rowDone();
    }
    chunks.finish();
  }

  /**
   * Writes transactions.csv content to {@code out}, header first, draining {@code transactions};
   * flushes but does not close.
   *
   * @return how many transactions of each typology were written
   */
  public static Map<Typology, Long> writeTransactions(
      Iterator<LabelledTransaction> transactions, Writer out, LongConsumer progress) {
    return writeTransactions(transactions, new Chunks(out), progress);
  }

  private static Map<Typology, Long> writeTransactions(
      Iterator<LabelledTransaction> transactions, Chunks chunks, LongConsumer progress) {
    CsvText.appendHeader(chunks.row(), CsvColumns.TRANSACTIONS);
    TransactionRows rows = new TransactionRows();
    long[] counts = new long[Typology.values().length];
    long written = 0;
    while (transactions.hasNext()) {
      LabelledTransaction t = transactions.next();
      rows.append(chunks.row(), t);
      chunks.rowDone();
      counts[t.typology().ordinal()]++;
      if (++written % PROGRESS_INTERVAL == 0) {
        progress.accept(written);
      }
    }
    chunks.finish();
    progress.accept(written);
    Map<Typology, Long> byTypology = new EnumMap<>(Typology.class);
    for (Typology typology : Typology.values()) {
      byTypology.put(typology, counts[typology.ordinal()]);
    }
    return byTypology;
  }

  private interface FileJob {
    void run(Chunks chunks);
  }

  private static void withFile(Path file, FileJob job) {
    try (OutputStream out = Files.newOutputStream(file)) {
      job.run(new Chunks(out));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot write " + file, e.getCause());
    }
  }

  /**
   * Rows accumulate in one builder and leave a chunk at a time, to a {@link Writer} through a
   * reusable char array, or to a file as UTF-8 bytes. For files, {@link String#getBytes} is used
   * rather than a {@link java.io.OutputStreamWriter} because its encoding loop is intrinsic and
   * fast from the first call, while the writer's takes seconds to warm up in a short-lived CLI.
   */
  private static final class Chunks {
    private final Writer writer;
    private final OutputStream stream;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 1024);
    private char[] chars;

    Chunks(Writer writer) {
      this.writer = writer;
      this.stream = null;
    }

    Chunks(OutputStream stream) {
      this.writer = null;
      this.stream = stream;
    }

    StringBuilder row() {
      return buffer;
    }

    void rowDone() {
      if (buffer.length() >= CHUNK) {
        drain();
      }
    }

    void finish() {
      drain();
      try {
        if (writer != null) {
          writer.flush();
        } else {
          stream.flush();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void drain() {
      int length = buffer.length();
      try {
        if (writer != null) {
          if (chars == null || chars.length < length) {
            chars = new char[Math.max(length, CHUNK + 1024)];
          }
          buffer.getChars(0, length, chars, 0);
          writer.write(chars, 0, length);
        } else {
          stream.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      buffer.setLength(0);
    }
  }
}

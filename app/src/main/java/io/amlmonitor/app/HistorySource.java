package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigException;
import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.generator.csv.BadRow;
import io.amlmonitor.generator.csv.CustomerProfileCsv;
import io.amlmonitor.generator.csv.DatasetWriter;
import io.amlmonitor.generator.csv.TransactionCsvReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a replay of history comes from: a dataset directory ({@code transactions.csv}, and {@code
 * customers.csv} for profiles when present) or one transactions file, in file order, which is the
 * order the events arrived in.
 */
final class HistorySource {
  private final Path transactions;
  private final Path customers;

  private HistorySource(Path transactions, Path customers) {
    this.transactions = transactions;
    this.customers = customers;
  }

  /**
   * @param input a dataset directory or a transactions CSV file
   * @param customers an explicit customers.csv, or null to look beside the transactions
   */
  static HistorySource of(String option, Path input, Path customers) {
    Path file = Files.isDirectory(input) ? input.resolve(DatasetWriter.TRANSACTIONS_FILE) : input;
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          option, input.toString(), "is neither a transactions CSV file nor a dataset directory");
    }
    Path profiles = customers;
    if (profiles == null) {
      Path beside = file.resolveSibling(DatasetWriter.CUSTOMERS_FILE);
      profiles = Files.isRegularFile(beside) ? beside : null;
    } else if (!Files.isRegularFile(profiles)) {
      throw new ConfigException("--customers", customers.toString(), "is not a file");
    }
    return new HistorySource(file, profiles);
  }

  Path transactions() {
    return transactions;
  }

  /** The customers' declared profiles, or none when no customers file is known. */
  CustomerProfiles profiles() {
    return customers == null
        ? CustomerProfiles.NONE
        : CustomerProfiles.of(CustomerProfileCsv.expectedMonthlyVolumes(customers));
  }

  boolean hasProfiles() {
    return customers != null;
  }

  /**
   * Opens the transactions; rows that cannot be read go to {@code rejected} (line, reason, record)
   * and reading goes on.
   */
  TransactionCsvReader open(Rejected rejected) {
    return TransactionCsvReader.open(transactions, rejected::add);
  }

  /**
   * Rows that could not be read, kept in a CSV file ({@code line,reason,record}) as they come; the
   * file and its directory are created at the first row.
   */
  static final class Rejected implements AutoCloseable {
    private final Path file;
    private BufferedWriter out;
    private long count;

    Rejected(Path file) {
      this.file = file;
    }

    void add(BadRow row) {
      try {
        if (out == null) {
          Path parent = file.toAbsolutePath().getParent();
          if (parent != null) {
            Files.createDirectories(parent);
          }
          out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          out.write("line,reason,record\n");
        }
        out.write(row.line() + "," + quote(row.reason()) + "," + quote(row.text()) + "\n");
        count++;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
    }

    long count() {
      return count;
    }

    Path file() {
      return file;
    }

    private static String quote(String text) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
      if (out != null) {
        out.close();
      }
    }
  }
}

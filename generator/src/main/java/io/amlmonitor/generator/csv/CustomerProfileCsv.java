package io.amlmonitor.generator.csv;

import io.amlmonitor.core.domain.InvalidFieldException;
import io.amlmonitor.core.domain.Money;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the profile facts features need from a {@code customers.csv}: the expected monthly volume
 * each customer declared. Columns are found by name, so extra or reordered columns are fine.
 */
public final class CustomerProfileCsv {
  private CustomerProfileCsv() {}

  /**
   * Expected monthly volume in cents by customer id.
   *
   * @throws CsvFormatException naming the line of a malformed row or a missing column
   */
  public static Map<String, Long> expectedMonthlyVolumes(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new CsvFormatException(1, "the file is empty; expected a header row");
      }
      List<String> names = CsvText.split(header.replace("\uFEFF", ""));
      int id = column(names, "customer_id");
      int volume = column(names, "expected_monthly_volume");
      Map<String, Long> out = new HashMap<>();
      long line = 1;
      for (String record = in.readLine(); record != null; record = in.readLine()) {
        line++;
        if (record.isBlank()) {
          continue;
        }
        try {
          List<String> f = CsvText.split(record);
          if (f.size() != names.size()) {
            throw new CsvFormatException(
                line, "expected " + names.size() + " fields, found " + f.size());
          }
          String text = f.get(volume);
          out.put(f.get(id), text.isBlank() ? 0 : Money.parse(text).cents());
        } catch (CsvText.MalformedRecordException | InvalidFieldException e) {
          throw new CsvFormatException(line, e.getMessage());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static int column(List<String> names, String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new CsvFormatException(1, "no '" + name + "' column in the header");
    }
    return i;
  }
}

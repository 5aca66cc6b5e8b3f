package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.graph.NetworkTypology;
import io.amlmonitor.jdbc.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Network typologies on someone else's data: an AMLSim sample goes through {@code aml import} and
 * {@code aml flows} (transaction_monitoring with the graph), and the accounts in the stored
 * findings' subgraphs are compared with AMLSim's account labels ({@code nodes.csv}, {@code
 * isFraud}). The numbers are printed and recorded in docs/graph.md; the assertions hold them as
 * floors so that a change that loses detection fails here.
 *
 * <p>Settings: a 150-day window (the samples span 149 day-steps and AMLSim spreads a pattern's
 * transfers over months), amounts equal to the cent (AMLSim repeats a pattern's amount along it),
 * fans of 3, chains of 3 accounts, and the typologies of the two samples' patterns.
 */
class AmlSimNetworkDetectionTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"20K_cycle200, 0.40, 0.95", "20K_fanin200, 0.05, 0.60"})
  void flaggedAccountsAgainstAmlSimsLabels(String sample, double minRecall, double minPrecision)
      throws IOException {
    Optional<Path> transactions = AmlSimSamples.transactions(sample);
    assumeThat(transactions)
        .as("the AMLSim samples (../" + AmlSimSamples.FOLDER + ") are not in this checkout")
        .isPresent();
    String data = dir.toString();
    assertThat(
            Main.execute(
                "import",
                transactions.get().toString(),
                "--mapping",
                ImportExportContract.AMLSIM_MAPPING,
                "--time-unit",
                "day",
                "--epoch",
                "2017-01-01",
                "--data-dir",
                data))
        .isZero();
    assertThat(
            Main.execute(
                "flows",
                "--flows",
                "transaction_monitoring",
                "--as-of",
                "2018-01-01",
                "--lookback-days",
                "400",
                "--graph-window",
                "3600h",
                "--graph-amount-tolerance",
                "0",
                "--graph-fan-threshold",
                "3",
                "--graph-chain-accounts",
                "3",
                "--graph-typologies",
                "cycle,pass_through,fan_in,scatter_gather",
                "--data-dir",
                data))
        .isZero();

    Set<String> fraud = labelled(transactions.get().resolveSibling("nodes.csv"));
    Set<String> flagged = new HashSet<>();
    Map<NetworkTypology, Set<String>> byTypology = new EnumMap<>(NetworkTypology.class);
    ConfigSources sources = new ConfigSources(Map.of("AML_DATA_DIR", data), Map.of(), Map.of());
    try (Database db = Database.open(SqlStores.config(Settings.resolve(sources)))) {
      db.networkFindings()
          .forEach(
              f -> {
                flagged.addAll(f.subgraph().accounts());
                byTypology
                    .computeIfAbsent(f.typology(), k -> new TreeSet<>())
                    .addAll(f.subgraph().accounts());
              });
    }
    StringBuilder table = new StringBuilder(sample + ": " + fraud.size() + " labelled accounts\n");
    byTypology.forEach((t, accounts) -> table.append(row(t.name(), accounts, fraud)));
    table.append(row("all", flagged, fraud));
    System.out.println(table);

    long truePositives = flagged.stream().filter(fraud::contains).count();
    assertThat(truePositives / (double) fraud.size()).as(table.toString()).isGreaterThan(minRecall);
    assertThat(truePositives / (double) flagged.size())
        .as(table.toString())
        .isGreaterThan(minPrecision);
  }

  private static String row(String name, Set<String> flagged, Set<String> fraud) {
    long tp = flagged.stream().filter(fraud::contains).count();
    return String.format(
        "  %-24s flagged %5d  true %5d  recall %.3f  precision %.3f%n",
        name, flagged.size(), tp, tp / (double) fraud.size(), tp / (double) flagged.size());
  }

  /** The accounts AMLSim labels as taking part in a laundering pattern. */
  private static Set<String> labelled(Path nodes) throws IOException {
    Set<String> out = new HashSet<>();
    List<String> lines = Files.readAllLines(nodes);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (f.length > 1 && f[1].strip().equals("1")) {
        out.add(f[0].strip());
      }
    }
    return out;
  }
}

package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.graph.GraphFeatures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FeatureCatalogueTest {
  private static final Path DOC = Path.of("..", "docs", "features.md");
  private static final String START = "<!-- catalogue:start -->\n";
  private static final String END = "<!-- catalogue:end -->";
  private static final FeatureRegistry FULL = GraphFeatures.registry(FeatureRegistry.standard());
  private final FeatureCatalogue catalogue = new FeatureCatalogue(FULL);

  @Test
  void jsonListsEveryFeatureWithItsDefinition() throws Exception {
    JsonNode list = new ObjectMapper().readTree(catalogue.json());

    assertThat(list.size()).isEqualTo(FULL.size()).isGreaterThanOrEqualTo(60);
    for (JsonNode f : list) {
      assertThat(f.fieldNames())
          .toIterable()
          .contains("name", "entity", "window", "type", "description", "direction", "window_kind");
    }
    JsonNode first = list.get(0);
    assertThat(first.get("name").asText()).isEqualTo("txn_amount_sum_60s");
    assertThat(first.get("window").asText()).isEqualTo("60s");
    assertThat(first.get("window_kind").asText()).isEqualTo("exact");
  }

  @Test
  void tableEndsWithTheCount() {
    assertThat(catalogue.table())
        .contains("temporal_hour_entropy")
        .endsWith(FULL.size() + " features" + System.lineSeparator());
  }

  @Test
  void graphFeaturesAreListedWithTheCustomer() throws Exception {
    JsonNode list = new ObjectMapper().readTree(catalogue.json());
    JsonNode betweenness = null;
    for (JsonNode f : list) {
      if (f.get("name").asText().equals("graph_betweenness_centrality")) {
        betweenness = f;
      }
    }

    assertThat(betweenness).isNotNull();
    assertThat(betweenness.get("entity").asText()).isEqualTo("customer");
    assertThat(betweenness.get("aggregation").asText()).isEqualTo("graph-betweenness-centrality");
    assertThat(catalogue.table()).contains("sampled").contains("graph_flagged_counterparty_share");
  }

  /** Run with {@code -Daml.updateDocs=true} to rewrite the table after changing the catalogue. */
  @Test
  void docsShowTheCurrentCatalogue() throws Exception {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int from = doc.indexOf(START) + START.length();
    int to = doc.indexOf(END);
    String expected = catalogue.markdown();
    if (Boolean.getBoolean("aml.updateDocs")) {
      Files.writeString(DOC, doc.substring(0, from) + expected + doc.substring(to));
      return;
    }
    assertThat(doc.substring(from, to))
        .as("docs/features.md is stale: run the test with -Daml.updateDocs=true")
        .isEqualTo(expected);
  }
}

package io.amlmonitor.core.report;

import io.amlmonitor.core.rules.Rule;
import io.amlmonitor.core.rules.RuleSet;
import io.amlmonitor.core.rules.RuleSetException;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.store.RuleSetRepository;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which typology each rule of an alert stands for. The current rule set decides for the rules it
 * has, so that a report classifies all its alerts one way whatever version scored them; a rule it
 * no longer has is looked up in the recorded text of the version that scored the alert; a rule
 * found in neither, or without a typology, is {@link Rule#OTHER_TYPOLOGY}.
 *
 * <p>Not thread-safe: one instance serves one report, reading each recorded version once.
 */
public final class RuleTypologies {
  private final Map<String, String> current;
  private final String currentVersion;
  private final Function<String, Map<String, String>> recorded;
  private final Map<String, Map<String, String>> versions = new HashMap<>();

  private RuleTypologies(RuleSet current, Function<String, Map<String, String>> recorded) {
    this.current = typologies(current);
    this.currentVersion = current.version();
    this.recorded = recorded;
  }

  /** Typologies from {@code current} alone. */
  public static RuleTypologies of(RuleSet current) {
    return new RuleTypologies(current, version -> Map.of());
  }

  /**
   * Typologies from {@code current}, then from the versions recorded in {@code versions}, compiled
   * by {@code loader}; a recorded text that no longer compiles (a feature since removed, say)
   * counts as having no typologies.
   */
  public static RuleTypologies of(
      RuleSet current, RuleSetRepository versions, RuleSetLoader loader) {
    return new RuleTypologies(
        current,
        version ->
            versions
                .text(version)
                .flatMap(text -> compile(loader, version, text))
                .map(RuleTypologies::typologies)
                .orElse(Map.of()));
  }

  /** The typology of {@code ruleId} in an alert scored by {@code ruleSetVersion} (may be null). */
  public String typology(String ruleSetVersion, String ruleId) {
    String t = current.get(ruleId);
    if (t != null) {
      return t;
    }
    if (ruleSetVersion == null || ruleSetVersion.equals(currentVersion)) {
      return Rule.OTHER_TYPOLOGY;
    }
    return versions
        .computeIfAbsent(ruleSetVersion, recorded)
        .getOrDefault(ruleId, Rule.OTHER_TYPOLOGY);
  }

  /** The distinct typologies of the alerts of {@code pattern}, in name order. */
  public Set<String> typologies(AlertPattern pattern) {
    Set<String> out = new TreeSet<>();
    for (String rule : pattern.rules()) {
      out.add(typology(pattern.ruleSetVersion(), rule));
    }
    if (out.isEmpty()) {
      out.add(Rule.OTHER_TYPOLOGY);
    }
    return out;
  }

  private static Map<String, String> typologies(RuleSet rules) {
    Map<String, String> out = new HashMap<>();
    for (Rule r : rules.rules()) {
      out.put(r.id(), r.typology());
    }
    return Map.copyOf(out);
  }

  private static Optional<RuleSet> compile(RuleSetLoader loader, String version, String text) {
    try {
      return Optional.of(
          loader.load(
              new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
              "rule_set_versions:" + version));
    } catch (RuleSetException e) {
      return Optional.empty();
    }
  }
}

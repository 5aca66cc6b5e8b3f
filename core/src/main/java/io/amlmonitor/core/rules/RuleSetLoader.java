package io.amlmonitor.core.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.graph.GraphFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a rules file (YAML) and compiles it, or refuses it with the rule, the line and the reason.
 *
 * <p>The file has a {@code version}, optional {@code constants} (numbers, strings, lists of
 * strings) and {@code rules}; each rule has {@code id}, {@code description}, {@code condition} (a
 * CEL expression over features, transaction attributes and constants), {@code score}, {@code
 * severity}, {@code reason} (a template, or a map of locale to template with {@code en} required)
 * and, optionally, {@code typology} (lower_snake_case, {@link Rule#OTHER_TYPOLOGY} when absent).
 * Conditions are type-checked at load: a misspelt feature is an error here, not a rule that
 * silently never fires.
 */
public final class RuleSetLoader {
  /** The rule set shipped with the system. */
  public static final String DEFAULT_RESOURCE = "rules/default-rules.yaml";

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Set<String> RULE_KEYS =
      Set.of("id", "description", "condition", "score", "severity", "reason", "typology");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final FeatureRegistry registry;
  private final ZoneId zone;

  public RuleSetLoader(FeatureRegistry registry, ZoneId zone) {
    this.registry = registry;
    this.zone = zone;
  }

  /** Loads the rule set shipped with the system. */
  public RuleSet loadDefault() {
    InputStream in = RuleSetLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE);
    if (in == null) {
      throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
    }
    try (in) {
      return load(in, "classpath:" + DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public RuleSet load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new RuleSetException(file.toString(), null, 0, "no such file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, file.toString());
    } catch (IOException e) {
      throw new RuleSetException(file.toString(), null, 0, "cannot read: " + e.getMessage());
    }
  }

  public RuleSet load(InputStream in, String source) {
    try (JsonParser p = YAML.getFactory().createParser(in)) {
      return parse(p, source);
    } catch (IOException e) {
      int line =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                  && j.getLocation() != null
              ? j.getLocation().getLineNr()
              : 0;
      throw new RuleSetException(source, null, line, "not valid YAML: " + firstLine(e));
    }
  }

  private RuleSet parse(JsonParser p, String source) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new RuleSetException(source, null, line(p), "expected a map with version and rules");
    }
    String version = null;
    Map<String, Object> constants = new LinkedHashMap<>();
    List<RawRule> raw = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      int keyLine = line(p);
      p.nextToken();
      switch (key) {
        case "version" -> version = tree(p).asText();
        case "constants" -> constants = constants(tree(p), source, keyLine);
        case "rules" -> raw = rules(p, source);
        default ->
            throw new RuleSetException(
                source,
                null,
                keyLine,
                "unknown key '" + key + "' (expected version, constants, rules)");
      }
    }
    if (version == null || version.isBlank()) {
      throw new RuleSetException(source, null, 1, "the file needs a version");
    }
    if (raw.isEmpty()) {
      throw new RuleSetException(source, null, 1, "the file has no rules");
    }
    RuleVariables variables = new RuleVariables(registry, constants, zone);
    for (String name : constants.keySet()) {
      if (registry.indexOf(name) >= 0
          || RuleVariables.TRANSACTION.containsKey(name)
          || GraphFeatures.DEFINITIONS.stream().anyMatch(d -> d.name().equals(name))) {
        throw new RuleSetException(
            source, null, 0, "constant '" + name + "' hides a feature or attribute of that name");
      }
    }
    Set<String> reads = new HashSet<>();
    List<Rule> rules = compile(raw, variables, source, reads);
    return new RuleSet(version, source, rules, variables, reads);
  }

  private static Map<String, Object> constants(JsonNode node, String source, int line) {
    if (!node.isObject()) {
      throw new RuleSetException(source, null, line, "constants must be a map of name to value");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if (!ID.matcher(e.getKey()).matches()) {
                throw new RuleSetException(
                    source, null, line, "constant name '" + e.getKey() + "' must be snake_case");
              }
              out.put(e.getKey(), constantValue(e.getKey(), e.getValue(), source, line));
            });
    return out;
  }

  private static Object constantValue(String name, JsonNode v, String source, int line) {
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      v.forEach(item -> items.add(item.asText()));
      return List.copyOf(items);
    }
    throw new RuleSetException(
        source, null, line, "constant '" + name + "' must be a number, text, boolean or list");
  }

  private List<RawRule> rules(JsonParser p, String source) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new RuleSetException(source, null, line(p), "rules must be a list");
    }
    List<RawRule> out = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      RawRule rule = new RawRule(line(p));
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int keyLine = line(p);
        p.nextToken();
        rule.fields.put(key, tree(p));
        rule.lines.put(key, keyLine);
      }
      out.add(rule);
    }
    return out;
  }

  /** Compiles the rules, adding to {@code reads} every name their conditions and reasons read. */
  private List<Rule> compile(
      List<RawRule> raw, RuleVariables variables, String source, Set<String> reads) {
    CelOptions options = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    var builder = CelCompilerFactory.standardCelCompilerBuilder().setOptions(options);
    variables.declarations().forEach(builder::addVar);
    CelCompiler compiler = builder.setResultType(SimpleType.BOOL).build();
    CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(options).build();
    Set<String> ids = new HashSet<>();
    List<Rule> rules = new ArrayList<>();
    for (RawRule r : raw) {
      String id = r.text("id");
      if (id == null || !ID.matcher(id).matches()) {
        throw new RuleSetException(
            source, id, r.line, "every rule needs an id in snake_case, was '" + id + "'");
      }
      for (String key : r.fields.keySet()) {
        if (!RULE_KEYS.contains(key)) {
          throw new RuleSetException(
              source, id, r.lineOf(key), "unknown key '" + key + "' (expected " + RULE_KEYS + ")");
        }
      }
      if (!ids.add(id)) {
        throw new RuleSetException(source, id, r.line, "the id is used by another rule");
      }
      rules.add(compileRule(r, id, compiler, runtime, variables, source, reads));
    }
    return rules;
  }

  private Rule compileRule(
      RawRule r,
      String id,
      CelCompiler compiler,
      CelRuntime runtime,
      RuleVariables variables,
      String source,
      Set<String> reads) {
    String condition = r.required("condition", id, source);
    CelRuntime.Program program;
    try {
      CelAbstractSyntaxTree ast = compiler.compile(condition).getAst();
      ast.getReferenceMap().values().forEach(ref -> reads.add(ref.name()));
      program = runtime.createProgram(ast);
    } catch (CelValidationException e) {
      throw new RuleSetException(
          source, id, r.lineOf("condition"), "condition does not compile: " + e.getMessage());
    } catch (CelEvaluationException e) {
      throw new RuleSetException(source, id, r.lineOf("condition"), e.getMessage());
    }
    JsonNode scoreNode = r.fields.get("score");
    if (scoreNode == null || !scoreNode.isNumber()) {
      throw new RuleSetException(source, id, r.line, "score must be a number in (0, 1]");
    }
    double score = scoreNode.asDouble();
    if (!(score > 0 && score <= 1)) {
      throw new RuleSetException(
          source, id, r.lineOf("score"), "score must be in (0, 1], was " + score);
    }
    Severity severity;
    try {
      severity = Severity.parse(r.required("severity", id, source));
    } catch (IllegalArgumentException e) {
      throw new RuleSetException(source, id, r.lineOf("severity"), e.getMessage());
    }
    String description = r.required("description", id, source);
    Map<String, ReasonTemplate> reasons = reasons(r, id, variables, source);
    reasons.values().forEach(template -> reads.addAll(template.names()));
    return new Rule(
        id,
        description,
        condition,
        score,
        severity,
        r.line,
        program,
        reasons,
        typology(r, id, source));
  }

  private static String typology(RawRule r, String id, String source) {
    JsonNode node = r.fields.get("typology");
    if (node == null || node.isNull()) {
      return Rule.OTHER_TYPOLOGY;
    }
    String typology = node.isTextual() ? node.asText() : node.toString();
    if (!Rule.isTypology(typology)) {
      throw new RuleSetException(
          source,
          id,
          r.lineOf("typology"),
          "typology must be lower_snake_case such as rapid_movement, was '" + typology + "'");
    }
    return typology;
  }

  private static Map<String, ReasonTemplate> reasons(
      RawRule r, String id, RuleVariables variables, String source) {
    JsonNode node = r.fields.get("reason");
    int line = r.lineOf("reason");
    if (node == null) {
      throw new RuleSetException(source, id, r.line, "reason is required");
    }
    Map<String, String> texts = new LinkedHashMap<>();
    if (node.isTextual()) {
      texts.put("en", node.asText());
    } else if (node.isObject()) {
      node.fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
    } else {
      throw new RuleSetException(
          source, id, line, "reason must be a sentence or a map of locale to sentence");
    }
    if (!texts.containsKey("en")) {
      throw new RuleSetException(source, id, line, "reason needs an English (en) sentence");
    }
    Map<String, ReasonTemplate> templates = new HashMap<>();
    Set<String> known = variables.declarations().keySet();
    texts.forEach(
        (locale, text) -> {
          try {
            templates.put(locale, ReasonTemplate.parse(text, known));
          } catch (IllegalArgumentException e) {
            throw new RuleSetException(source, id, line, e.getMessage() + " (" + locale + ")");
          }
        });
    return Map.copyOf(templates);
  }

  private static JsonNode tree(JsonParser p) throws IOException {
    JsonNode node = YAML.readTree(p);
    return node == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : node;
  }

  private static int line(JsonParser p) {
    JsonLocation location = p.currentTokenLocation();
    return location == null ? 0 : location.getLineNr();
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** A rule as read, before it is checked: its fields and the line of each. */
  private static final class RawRule {
    final int line;
    final Map<String, JsonNode> fields = new LinkedHashMap<>();
    final Map<String, Integer> lines = new HashMap<>();

    RawRule(int line) {
      this.line = line;
    }

    int lineOf(String key) {
      return lines.getOrDefault(key, line);
    }

    String text(String key) {
      JsonNode n = fields.get(key);
      return n == null || n.isNull() ? null : n.asText();
    }

    String required(String key, String id, String source) {
      String value = text(key);
      if (value == null || value.isBlank()) {
        throw new RuleSetException(source, id, line, key + " is required");
      }
      return value;
    }
  }
}

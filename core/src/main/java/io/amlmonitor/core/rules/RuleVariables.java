package io.amlmonitor.core.rules;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureDefinition;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.feature.LocalCalendar;
import io.amlmonitor.core.feature.ValueType;
import io.amlmonitor.core.graph.GraphFeatures;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names a rule may use: every feature in the registry and the graph features, the attributes of
 * the transaction being scored, and the rules file's constants. Declares them to CEL with their
 * types and resolves them for one transaction without building a map.
 */
final class RuleVariables {
  /** Transaction attributes offered to rules, with their CEL types. */
  static final Map<String, CelType> TRANSACTION =
      orderedOf(
          "amount", SimpleType.DOUBLE,
          "currency", SimpleType.STRING,
          "channel", SimpleType.STRING,
          "country", SimpleType.STRING,
          "counterparty_country", SimpleType.STRING,
          "has_merchant", SimpleType.BOOL,
          "is_transfer", SimpleType.BOOL,
          "has_ip", SimpleType.BOOL,
          "local_hour", SimpleType.INT,
          "is_night", SimpleType.BOOL,
          "is_weekend", SimpleType.BOOL,
          "customer_known", SimpleType.BOOL);

  private final FeatureRegistry registry;
  private final Map<String, Object> constants;
  private final Map<String, CelType> declarations = new LinkedHashMap<>();
  private final LocalCalendar calendar;

  RuleVariables(FeatureRegistry registry, Map<String, Object> constants, ZoneId zone) {
    this.registry = registry;
    this.constants = Map.copyOf(constants);
    this.calendar = new LocalCalendar(zone);
    for (FeatureDefinition d : registry.definitions()) {
      declarations.put(d.name(), d.type() == ValueType.INT ? SimpleType.INT : SimpleType.DOUBLE);
    }
    for (FeatureDefinition d : GraphFeatures.DEFINITIONS) {
      declarations.putIfAbsent(
          d.name(), d.type() == ValueType.INT ? SimpleType.INT : SimpleType.DOUBLE);
    }
    TRANSACTION.forEach(declarations::put);
    constants.forEach((name, value) -> declarations.put(name, typeOf(value)));
  }

  private static Map<String, CelType> orderedOf(Object... pairs) {
    Map<String, CelType> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (CelType) pairs[i + 1]);
    }
    return map;
  }

  static CelType typeOf(Object constant) {
    if (constant instanceof Long) {
      return SimpleType.INT;
    }
    if (constant instanceof Double) {
      return SimpleType.DOUBLE;
    }
    if (constant instanceof Boolean) {
      return SimpleType.BOOL;
    }
    if (constant instanceof String) {
      return SimpleType.STRING;
    }
    if (constant instanceof List<?> list) {
      return ListType.create(list.isEmpty() ? SimpleType.STRING : typeOf(list.get(0)));
    }
    throw new IllegalArgumentException("unsupported constant " + constant);
  }

  Map<String, CelType> declarations() {
    return declarations;
  }

  /** The value of {@code name} for one transaction and its features; null for unknown names. */
  Object value(String name, Transaction t, FeatureVector features) {
    int index = registry.indexOf(name);
    if (index >= 0) {
      double v = features.get(index);
      return registry.get(index).type() == ValueType.INT ? (Object) (long) v : (Object) v;
    }
    Object graph = graphValue(name, features);
    if (graph != null) {
      return graph;
    }
    long at = t.timestamp().toEpochMilli();
    switch (name) {
      case "amount":
        return t.amount().toDouble();
      case "currency":
        return nullToEmpty(t.currency());
      case "channel":
        return t.channel() == null ? "" : t.channel().wireName();
      case "country":
        return nullToEmpty(t.country());
      case "counterparty_country":
        return nullToEmpty(t.counterpartyCountry());
      case "has_merchant":
        return t.merchantId() != null;
      case "is_transfer":
        return t.merchantId() == null;
      case "has_ip":
        return t.ipAddress() != null;
      case "local_hour":
        return (long) calendar.hour(at);
      case "is_night":
        return calendar.isNight(at);
      case "is_weekend":
        return calendar.isWeekend(at);
      case "customer_known":
        return features.customerKnown();
      default:
        return constants.get(name);
    }
  }

  /**
   * A graph feature, read from the graph on first use; 0 where the vector carries no graph (graph
   * detection off, or a stream job, whose keyed state holds no graph). Null for other names.
   */
  private static Object graphValue(String name, FeatureVector features) {
    for (FeatureDefinition d : GraphFeatures.DEFINITIONS) {
      if (d.name().equals(name)) {
        double v = features.externalValue(name).orElse(0);
        return d.type() == ValueType.INT ? (Object) (long) v : (Object) v;
      }
    }
    return null;
  }

  Optional<Object> find(String name, Transaction t, FeatureVector features) {
    return Optional.ofNullable(value(name, t, features));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}

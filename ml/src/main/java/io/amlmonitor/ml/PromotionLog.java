package io.amlmonitor.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history of promotions in a registry, in {@value #FILE}: every promotion and rollback with who
 * and when. The promoted version follows from the history as a stack: a promotion pushes its
 * version, a rollback pops back to the version promoted before. The file is rewritten whole to a
 * temporary file and renamed over the old one, so a reader (a server polling it) sees the old
 * history or the new, never half of one. Two writers at once: the last rename wins.
 */
final class PromotionLog {
  static final String FILE = "promotions.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;

  PromotionLog(Path root) {
    this.file = root.resolve(FILE);
  }

  Path file() {
    return file;
  }

  List<Promotion> history() {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new ModelException(
          "could not read the promotions in " + file + ": " + e.getMessage(), e);
    }
    List<Promotion> history = new ArrayList<>();
    for (JsonNode p : root.path("history")) {
      history.add(
          new Promotion(
              p.path("action").asText(),
              p.path("version").asText(),
              p.hasNonNull("replaced") ? p.get("replaced").asText() : null,
              p.path("by").asText(),
              Instant.parse(p.path("at").asText())));
    }
    return history;
  }

  /** The versions that served, oldest first; the last one serves now. */
  static Deque<String> stack(List<Promotion> history) {
    Deque<String> stack = new ArrayDeque<>();
    for (Promotion p : history) {
      if (p.action().equals(Promotion.PROMOTE)) {
        stack.addLast(p.version());
      } else if (!stack.isEmpty()) {
        stack.removeLast();
      }
    }
    return stack;
  }

  Optional<String> promoted() {
    return Optional.ofNullable(stack(history()).peekLast());
  }

  Promotion promote(String version, String by, Instant at) {
    List<Promotion> history = new ArrayList<>(history());
    String current = stack(history).peekLast();
    if (version.equals(current)) {
      throw new ModelException("model " + version + " is already the promoted one");
    }
    Promotion p = new Promotion(Promotion.PROMOTE, version, current, by, at);
    history.add(p);
    write(history);
    return p;
  }

  Promotion rollback(String by, Instant at) {
    List<Promotion> history = new ArrayList<>(history());
    Deque<String> stack = stack(history);
    if (stack.size() < 2) {
      throw new ModelException(
          stack.isEmpty()
              ? "no model is promoted, so there is nothing to roll back"
              : "model "
                  + stack.peekLast()
                  + " is the first promoted; there is none to go back to");
    }
    String current = stack.removeLast();
    Promotion p = new Promotion(Promotion.ROLLBACK, stack.peekLast(), current, by, at);
    history.add(p);
    write(history);
    return p;
  }

  private void write(List<Promotion> history) {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Promotion p : history) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("action", p.action());
      m.put("version", p.version());
      m.put("replaced", p.replaced());
      m.put("by", p.by());
      m.put("at", p.at().toString());
      entries.add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("promoted", stack(history).peekLast());
    root.put("history", entries);
    Path staging = file.resolveSibling("." + FILE + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      JSON.writeValue(staging.toFile(), root);
      try {
        Files.move(
            staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new ModelException(
          "could not write the promotions in " + file + ": " + e.getMessage(), e);
    }
  }
}

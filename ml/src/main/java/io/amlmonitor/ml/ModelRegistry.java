package io.amlmonitor.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Trained models on disk, one directory per version holding {@value #MODEL_FILE} (XGBoost's JSON
 * model) and {@value #METADATA_FILE} ({@link ModelMetadata}). A version appears complete or not at
 * all: it is written to a hidden directory and renamed into place. Which version serves is kept in
 * {@value PromotionLog#FILE} with the history of promotions and rollbacks.
 */
public final class ModelRegistry {
  public static final String MODEL_FILE = "model.json";
  public static final String METADATA_FILE = "metadata.json";

  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A model read back: its metadata and the evaluator over its trees. */
  public record RegisteredModel(Path directory, JsonNode metadata, TreeEnsemble model) {}

  private final Path root;
  private final PromotionLog promotions;

  public ModelRegistry(Path root) {
    this.root = Objects.requireNonNull(root, "root");
    this.promotions = new PromotionLog(root);
  }

  public Path root() {
    return root;
  }

  /**
   * Stores a model under its version.
   *
   * @return the version's directory
   * @throws ModelException if the version exists already or cannot be written
   */
  public Path save(ModelMetadata metadata, byte[] modelJson) {
    String version = metadata.version();
    if (!VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("model version '" + version + "' is not a valid name");
    }
    Path target = root.resolve(version);
    if (Files.exists(target)) {
      throw new ModelException("model version " + version + " already exists in " + root);
    }
    Path staging = root.resolve("." + version + ".tmp");
    try {
      Files.createDirectories(root);
      deleteRecursively(staging);
      Files.createDirectories(staging);
      Files.write(staging.resolve(MODEL_FILE), modelJson);
      JSON.writeValue(staging.resolve(METADATA_FILE).toFile(), metadata.toMap());
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, target);
      }
      return target;
    } catch (IOException e) {
      deleteRecursively(staging);
      throw new ModelException("could not save model " + version + " in " + root, e);
    }
  }

  /** Reads version {@code version}. */
  public RegisteredModel load(String version) {
    ModelFiles files = files(version);
    try {
      JsonNode metadata = JSON.readTree(files.metadataJson());
      return new RegisteredModel(
          root.resolve(version), metadata, TreeEnsemble.fromXgboostJson(files.modelJson()));
    } catch (IOException e) {
      throw new ModelException("could not read model " + version + " from " + root, e);
    }
  }

  /**
   * The stored files of version {@code version}, as they are: to carry the model where this
   * directory is not (a stream job's task managers).
   */
  public ModelFiles files(String version) {
    Path dir = root.resolve(version);
    try {
      return new ModelFiles(
          version,
          Files.readAllBytes(dir.resolve(MODEL_FILE)),
          Files.readAllBytes(dir.resolve(METADATA_FILE)));
    } catch (IOException e) {
      throw new ModelException("could not read model " + version + " from " + root, e);
    }
  }

  /** The metadata of version {@code version}, without reading its trees. */
  public JsonNode metadata(String version) {
    try {
      return JSON.readTree(root.resolve(version).resolve(METADATA_FILE).toFile());
    } catch (IOException e) {
      throw new ModelException(
          "could not read the metadata of model " + version + " in " + root, e);
    }
  }

  /** The stored versions, sorted by name. */
  public List<String> versions() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve(METADATA_FILE)))
          .map(d -> d.getFileName().toString())
          .filter(name -> !name.startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The version serving now, if one was promoted. */
  public Optional<String> promoted() {
    return promotions.promoted();
  }

  /** Every promotion and rollback, oldest first. */
  public List<Promotion> promotionHistory() {
    return promotions.history();
  }

  /**
   * Makes {@code version} the one that serves; servers watching this registry switch to it.
   *
   * @throws ModelException when no such version is stored or it is promoted already
   */
  public Promotion promote(String version, String by, Instant at) {
    if (!versions().contains(version)) {
      throw new ModelException("no model version " + version + " in " + root);
    }
    return promotions.promote(version, by, at);
  }

  /**
   * Goes back to the version promoted before the current one.
   *
   * @throws ModelException when fewer than two promotions are in force
   */
  public Promotion rollback(String by, Instant at) {
    return promotions.rollback(by, at);
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Left behind as a hidden directory; the next save of this version clears it.
    }
  }
}

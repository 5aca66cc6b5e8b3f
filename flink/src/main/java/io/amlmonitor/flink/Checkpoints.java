package io.amlmonitor.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;

/**
 * Where the job's checkpoints go and which one a new run restores: checkpoints are kept when a job
 * is cancelled or killed, so the next run continues from the newest complete one.
 */
public final class Checkpoints {
  private Checkpoints() {}

  /**
   * The Flink configuration that keeps checkpoints in {@code directory} and, when {@code restore}
   * is not null, starts from that checkpoint.
   */
  public static Configuration configuration(Path directory, Path restore) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory.toUri().toString());
    conf.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    if (restore != null) {
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restore.toUri().toString());
    }
    return conf;
  }

  /** The newest complete checkpoint (one with its {@code _metadata}) under {@code directory}. */
  public static Optional<Path> latest(Path directory) {
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    try (Stream<Path> jobs = Files.list(directory)) {
      return jobs.filter(Files::isDirectory)
          .flatMap(Checkpoints::complete)
          .max(Comparator.comparing(Checkpoints::modified));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> complete(Path job) {
    try (Stream<Path> children = Files.list(job)) {
      return children
          .filter(p -> p.getFileName().toString().startsWith("chk-"))
          .filter(p -> Files.isRegularFile(p.resolve("_metadata")))
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.nio.file.attribute.FileTime modified(Path checkpoint) {
    try {
      return Files.getLastModifiedTime(checkpoint.resolve("_metadata"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

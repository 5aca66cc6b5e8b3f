package io.amlmonitor.app;

import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.rules.RuleSet;
import io.amlmonitor.core.rules.RuleSetException;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.store.RuleSetRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;

/** A rule set with the exact text it was compiled from, so that its version can be recorded. */
record RuleSets(RuleSet rules, String text, String checksum) {

  /** The rules in {@code file}, or the bundled ones when it is null. */
  static RuleSets load(Path file, ZoneId zone) {
    String source;
    byte[] bytes;
    try {
      if (file == null) {
        source = "classpath:" + RuleSetLoader.DEFAULT_RESOURCE;
        try (InputStream in =
            RuleSets.class.getClassLoader().getResourceAsStream(RuleSetLoader.DEFAULT_RESOURCE)) {
          if (in == null) {
            throw new IllegalStateException("missing resource " + RuleSetLoader.DEFAULT_RESOURCE);
          }
          bytes = in.readAllBytes();
        }
      } else {
        source = file.toString();
        if (!Files.isRegularFile(file)) {
          throw new RuleSetException(source, null, 0, "no such file");
        }
        bytes = Files.readAllBytes(file);
      }
    } catch (IOException e) {
      throw new RuleSetException(String.valueOf(file), null, 0, "cannot read: " + e.getMessage());
    }
    RuleSet rules =
        new RuleSetLoader(FeatureRegistry.standard(), zone)
            .load(new ByteArrayInputStream(bytes), source);
    return new RuleSets(rules, new String(bytes, StandardCharsets.UTF_8), sha256(bytes));
  }

  /** Records this version in the system of record (refused if the version names other rules). */
  boolean register(RuleSetRepository repository, Instant at) {
    return repository.register(rules.version(), checksum, text, at);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

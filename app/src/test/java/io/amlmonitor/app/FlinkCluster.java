package io.amlmonitor.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A standalone Flink session cluster for integration tests: a job manager and a task manager, each
 * a JVM of its own, started as Flink's scripts start them (the same entry points, a generated
 * {@code config.yaml}, Flink's default Java options) on Flink's libraries from Maven Central
 * ({@code flink-cluster/target/flink-lib}), and Flink's command line ({@code CliFrontend}, what
 * {@code bin/flink} runs) to submit and cancel jobs. Ports are free ones, memory is small.
 *
 * <p>Implementation note: the scripts compute the task manager's memory components and pass them as
 * dynamic properties; here they are written into the configuration, and the JVM's heap and direct
 * memory limits match them.
 */
final class FlinkCluster implements AutoCloseable {
  /**
   * From Flink's {@code env.java.default-opts.all}, which its scripts pass to every JVM: what Flink
   * needs opened on Java 17 (the command line fails without {@code java.util}).
   */
  static final List<String> JAVA_OPTIONS =
      List.of(
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  private static final Duration READY = Duration.ofSeconds(90);
  private static final Duration STOP = Duration.ofSeconds(30);
  private static final int SLOTS = 2;

  private final Path dir;
  private final Path lib;
  private final int restPort;
  private final List<Process> processes = new ArrayList<>();

  private FlinkCluster(Path dir, Path lib, int restPort) {
    this.dir = dir;
    this.lib = lib;
    this.restPort = restPort;
  }

  /** Writes the configuration under {@code dir}, starts both JVMs, waits for the slots. */
  static FlinkCluster start(Path dir, Path lib) throws Exception {
    if (!holdsFlink(lib)) {
      throw new IllegalStateException(
          lib
              + " holds no Flink: build the flink-cluster module first (./mvnw -pl app -am verify)");
    }
    FlinkCluster cluster = new FlinkCluster(dir, lib, freePort());
    try {
      cluster.configure(freePort());
      cluster.processes.add(
          cluster.java(
              "jobmanager",
              List.of("-Xmx512m"),
              Map.of(),
              "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
              "--configDir",
              cluster.conf().toString()));
      cluster.processes.add(
          cluster.java(
              "taskmanager",
              List.of("-Xmx512m", "-XX:MaxDirectMemorySize=192m", "-XX:MaxMetaspaceSize=256m"),
              Map.of(),
              "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
              "--configDir",
              cluster.conf().toString()));
      cluster.awaitSlots();
      return cluster;
    } catch (Exception | AssertionError e) {
      cluster.close();
      throw e;
    }
  }

  /** The directory the cluster's configuration is in ({@code FLINK_CONF_DIR}). */
  Path conf() {
    return dir.resolve("conf");
  }

  /** The REST endpoint's {@code /overview}: task managers, slots, jobs by state. */
  String overview() throws IOException, InterruptedException {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + "/overview"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return r.body();
  }

  /**
   * Starts Flink's command line ({@code flink ARGS}) with {@code env} added to a clean environment,
   * its output to {@code logs/NAME.out}.
   */
  Process cli(String name, Map<String, String> env, String... args) throws IOException {
    return java(name, List.of("-Xmx512m"), env, "org.apache.flink.client.cli.CliFrontend", args);
  }

  /** What a process of the cluster wrote to its console. */
  String output(String name) {
    try {
      Path out = dir.resolve("logs").resolve(name + ".out");
      return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stops the task manager, then the job manager, as {@code stop-cluster.sh} does (SIGTERM), and
   * fails when one does not end within 30 s.
   */
  void stop() throws InterruptedException {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.destroy();
      if (!p.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("a Flink process did not stop within " + STOP + ": " + logs());
      }
    }
    processes.clear();
  }

  @Override
  public void close() {
    processes.forEach(Process::destroyForcibly);
    processes.clear();
  }

  /** The ends of the job and task managers' logs, for a failure's message. */
  String logs() {
    StringBuilder text = new StringBuilder();
    for (String name : List.of("jobmanager", "taskmanager")) {
      Path log = dir.resolve("logs").resolve(name + ".log");
      try {
        List<String> lines =
            Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        text.append("\n--- ").append(log).append(" (end)\n");
        lines
            .subList(Math.max(0, lines.size() - 60), lines.size())
            .forEach(l -> text.append(l).append('\n'));
        text.append(output(name));
      } catch (IOException e) {
        text.append(log).append(": ").append(e.getMessage());
      }
    }
    return text.toString();
  }

  private void configure(int rpcPort) throws IOException {
    Files.createDirectories(conf());
    Files.createDirectories(dir.resolve("logs"));
    Files.writeString(
        conf().resolve("config.yaml"),
        String.join(
            "\n",
            "jobmanager.rpc.address: 127.0.0.1",
            "jobmanager.rpc.port: " + rpcPort,
            "jobmanager.bind-host: 127.0.0.1",
            "jobmanager.memory.process.size: 768m",
            "rest.address: 127.0.0.1",
            "rest.bind-address: 127.0.0.1",
            "rest.port: " + restPort,
            "blob.server.port: \"0\"",
            "taskmanager.host: 127.0.0.1",
            "taskmanager.bind-host: 127.0.0.1",
            "taskmanager.rpc.port: \"0\"",
            "taskmanager.data.port: 0",
            "taskmanager.numberOfTaskSlots: " + SLOTS,
            "taskmanager.cpu.cores: " + SLOTS,
            "taskmanager.memory.framework.heap.size: 128m",
            "taskmanager.memory.task.heap.size: 384m",
            "taskmanager.memory.framework.off-heap.size: 128m",
            "taskmanager.memory.task.off-heap.size: 0m",
            "taskmanager.memory.managed.size: 64m",
            "taskmanager.memory.network.min: 64m",
            "taskmanager.memory.network.max: 64m",
            "taskmanager.memory.jvm-metaspace.size: 256m",
            "taskmanager.memory.jvm-overhead.min: 192m",
            "taskmanager.memory.jvm-overhead.max: 192m",
            "parallelism.default: " + SLOTS,
            // a failing job fails the test rather than restarting for ever
            "restart-strategy.type: fixed-delay",
            "restart-strategy.fixed-delay.attempts: 1",
            ""));
    Files.writeString(
        conf().resolve("log4j.properties"),
        String.join(
            "\n",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.file.ref = File",
            "appender.file.name = File",
            "appender.file.type = File",
            "appender.file.fileName = ${sys:log.file}",
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c - %m%n",
            ""));
  }

  private Process java(
      String name, List<String> options, Map<String, String> env, String main, String... args)
      throws IOException {
    Path logs = dir.resolve("logs");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JAVA_OPTIONS);
    command.addAll(options);
    command.add("-Dlog.file=" + logs.resolve(name + ".log"));
    command.add("-Dlog4j.configurationFile=" + conf().resolve("log4j.properties"));
    command.add("-cp");
    command.add(lib.toAbsolutePath() + "/*");
    command.add(main);
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve(name + ".out").toFile());
    // the settings AML Monitor reads come from `env` only, not from this JVM's environment
    builder.environment().keySet().removeIf(FlinkCluster::amlSetting);
    builder.environment().putAll(env);
    builder.environment().put("FLINK_CONF_DIR", conf().toString());
    return builder.start();
  }

  private static final Pattern AML_SETTING =
      Pattern.compile(
          "(POSTGRES|REDIS|KAFKA|FLINK|NEO4J|AML|API|FLOW|ALERT|RISK|RULES|LOG)_.*"
              + "|TIMEZONE|ALLOWED_LATENESS|GRAPH_DETECTION");

  private static boolean amlSetting(String name) {
    return AML_SETTING.matcher(name).matches() && !name.equals("AML_REQUIRE_SERVICES");
  }

  private void awaitSlots() throws Exception {
    long deadline = System.nanoTime() + READY.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new AssertionError("a Flink process ended at start: " + logs());
        }
      }
      try {
        last = overview();
        if (last.contains("\"slots-total\":" + SLOTS)) {
          return;
        }
      } catch (IOException notYet) {
        last = notYet.toString();
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the cluster has no slots after " + READY + ": " + last + logs());
  }

  private static boolean holdsFlink(Path lib) throws IOException {
    if (!Files.isDirectory(lib)) {
      return false;
    }
    try (var runtime = Files.newDirectoryStream(lib, "flink-runtime-*.jar")) {
      return runtime.iterator().hasNext();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}

package io.amlmonitor.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Guards the direction of dependencies: adapters depend on the core, never the reverse. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // and the flink module's test jar, which the app's tests use (EmbeddedPath)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.amlmonitor");
  }

  @Test
  void coreKnowsNoAdapterAndNoInfrastructure() {
    noClasses()
        .that()
        .resideInAPackage("io.amlmonitor.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.amlmonitor.server..",
            "io.amlmonitor.app..",
            "io.amlmonitor.generator..",
            "io.amlmonitor.jdbc..",
            "io.amlmonitor.redis..",
            "io.amlmonitor.kafka..",
            "io.amlmonitor.offline..",
            "io.amlmonitor.ml..",
            "io.amlmonitor.flink..",
            "io.amlmonitor.graph..",
            "ml.dmlc..",
            "io.javalin..",
            "org.eclipse.jetty..",
            "io.micrometer..",
            "picocli..",
            "ch.qos.logback..",
            "java.sql..",
            "javax.sql..",
            "org.apache.kafka..",
            "org.apache.flink..",
            "io.lettuce..",
            "redis.clients..",
            "org.neo4j..",
            "org.duckdb..",
            "org.h2..",
            "org.postgresql..",
            "com.zaxxer..",
            "org.flywaydb..")
        .check(classes);
  }

  @Test
  void adaptersDoNotDependOnTheApplication() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.amlmonitor.server..",
            "io.amlmonitor.generator..",
            "io.amlmonitor.jdbc..",
            "io.amlmonitor.redis..",
            "io.amlmonitor.kafka..",
            "io.amlmonitor.offline..",
            "io.amlmonitor.ml..",
            "io.amlmonitor.flink..",
            "io.amlmonitor.graph..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.amlmonitor.app..")
        .check(classes);
  }

  @Test
  void theKafkaAdapterKnowsOnlyTheCore() {
    noClasses()
        .that()
        .resideInAPackage("io.amlmonitor.kafka..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.amlmonitor.server..",
            "io.amlmonitor.jdbc..",
            "io.amlmonitor.redis..",
            "io.amlmonitor.offline..",
            "io.amlmonitor.generator..")
        .check(classes);
  }

  @Test
  void generatorAndServerDoNotKnowEachOther() {
    noClasses()
        .that()
        .resideInAPackage("io.amlmonitor.server..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.amlmonitor.generator..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.amlmonitor.generator..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.amlmonitor.server..")
        .check(classes);
  }

  @Test
  void theModelModuleKnowsOnlyTheCore() {
    noClasses()
        .that()
        .resideInAPackage("io.amlmonitor.ml..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.amlmonitor.server..",
            "io.amlmonitor.jdbc..",
            "io.amlmonitor.redis..",
            "io.amlmonitor.kafka..",
            "io.amlmonitor.offline..",
            "io.amlmonitor.generator..",
            "org.duckdb..",
            "java.sql..")
        .check(classes);
  }

  /**
   * The job wires core code to Kafka, Redis and SQL, and scores with the model's pure-Java
   * evaluator; the HTTP server stays out, and so does XGBoost, which the job jar leaves out.
   */
  @Test
  void theStreamJobKnowsTheCoreItsStoresAndTheModelsEvaluatorOnly() {
    noClasses()
        .that()
        .resideInAPackage("io.amlmonitor.flink..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.amlmonitor.server..", "io.amlmonitor.offline..", "io.amlmonitor.generator..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.amlmonitor.flink..")
        .should()
        .transitivelyDependOnClassesThat()
        .resideInAPackage("ml.dmlc..")
        .check(classes);
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.amlmonitor.server..",
            "io.amlmonitor.jdbc..",
            "io.amlmonitor.redis..",
            "io.amlmonitor.kafka..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.amlmonitor.flink..")
        .check(classes);
  }

  /**
   * The graph module is an adapter of the core's graph port: it knows the core and nothing else.
   */
  @Test
  void theGraphModuleKnowsOnlyTheCore() {
    noClasses()
        .that()
        .resideInAPackage("io.amlmonitor.graph..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.amlmonitor.server..",
            "io.amlmonitor.jdbc..",
            "io.amlmonitor.redis..",
            "io.amlmonitor.kafka..",
            "io.amlmonitor.offline..",
            "io.amlmonitor.generator..",
            "io.amlmonitor.ml..",
            "io.amlmonitor.flink..",
            "java.sql..")
        .check(classes);
  }
}

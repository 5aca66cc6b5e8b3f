package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code aml import} and {@code aml export} fail, and that the command line has them. */
class ImportCommandTest {
  @TempDir Path dir;

  @Test
  void aFileThatCannotBeReadExitsOneNamingIt() {
    ImportExportContract.Captured run = new ImportExportContract.Captured();
    Path missing = dir.resolve("missing.csv");

    int code =
        run.importer(StoreCheckTest.settings(Map.of("AML_DATA_DIR", dir.toString())))
            .run(request(missing));

    assertThat(code).isEqualTo(1);
    assertThat(run.err()).contains("aml: cannot read " + missing + ": no such file");
  }

  @Test
  void anUnreachablePostgresqlExitsOneNamingHostAndPort() throws Exception {
    Path file = Files.writeString(dir.resolve("t.csv"), "sourceNodeId,targetNodeId,value,time\n");
    ImportExportContract.Captured run = new ImportExportContract.Captured();

    int code =
        run.importer(
                StoreCheckTest.settings(
                    Map.of(
                        "AML_DATA_DIR", dir.toString(),
                        "POSTGRES_HOST", "127.0.0.1",
                        "POSTGRES_PORT", "1")))
            .run(request(file));

    assertThat(code).isEqualTo(1);
    assertThat(run.err())
        .contains("aml: the SQL store is unreachable: cannot reach PostgreSQL at 127.0.0.1:1");
  }

  @Test
  void exportingFromAnEmbeddedDatabaseThatIsNotThereExitsOne() {
    ImportExportContract.Captured run = new ImportExportContract.Captured();

    int code =
        new TableExport(
                StoreCheckTest.settings(Map.of("AML_DATA_DIR", dir.toString())),
                run.outStream,
                run.errStream)
            .run(
                new TableExport.Request(
                    ExportTable.ALERTS,
                    FileFormat.CSV,
                    dir.resolve("a.csv"),
                    io.amlmonitor.core.domain.TimeRange.ALL));

    assertThat(code).isEqualTo(1);
    assertThat(run.err()).contains("no embedded database at " + dir.resolve("db"));
  }

  @Test
  void theCommandLineHasImportAndExportAndRefusesABadOptionWithExitTwo() {
    assertThat(help("import")).contains("--mapping", "--time-unit", "--epoch", "--rejects");
    assertThat(help("export")).contains("alerts|transactions|decisions", "--since", "--until");
    assertThat(
            Main.execute(
                "export", "alerts", "--out", dir.resolve("a.csv").toString(), "--since", "soon"))
        .isEqualTo(Main.CONFIG_ERROR);
  }

  private static String help(String command) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.execute(command, "--help")).isZero();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static TransactionImport.Request request(Path file) {
    return new TransactionImport.Request(
        file,
        FileFormat.CSV,
        ImportExportContract.AMLSIM_MAPPING,
        ImportExportContract.AMLSIM_TIME,
        null,
        100);
  }
}

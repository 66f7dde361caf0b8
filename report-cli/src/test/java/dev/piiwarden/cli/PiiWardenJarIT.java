package dev.piiwarden.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command as users run it: the shaded jar with {@code java -jar}, and the launcher
 * script beside it. Maven passes their paths as system properties.
 */
class PiiWardenJarIT {
  private static Path jar;
  private static Path launcher;

  @TempDir Path dir;

  @BeforeAll
  static void findTheBuild() {
    jar = Path.of(required("piiwarden.jar"));
    launcher = Path.of(required("piiwarden.launcher"));
    assertTrue(Files.isRegularFile(jar), "no runnable jar at " + jar + "; run mvn package first");
  }

  @Test
  void jarMergesAClassFolder() throws Exception {
    Path classes = FragmentFixtures.classFolder(dir);

    CliResult result = run(List.of(java(), "-jar", jar.toString(), "inventory", classes.toString()), Map.of());

    assertEquals(0, result.exitCode(), result.describe());
    assertTrue(result.out().contains("\"id\" : \"com.acme.User#email\""), result.out());
    assertEquals("", result.err());
  }

  @Test
  void jarReportsACorruptFileInOneLineWithExit2() throws Exception {
    Path corrupt = Files.writeString(dir.resolve("inventory.json"), "{\"schema\": \"piiwarden-inv");

    CliResult result = run(List.of(java(), "-jar", jar.toString(), "inventory", corrupt.toString()), Map.of());

    assertEquals(2, result.exitCode(), result.describe());
    assertEquals(1, result.errLines().size(), result.describe());
    assertTrue(result.err().startsWith("piiwarden: " + corrupt + ": "), result.err());
    assertTrue(!result.err().contains("Exception"), result.err());
  }

  @Test
  void launcherRunsTheJarBesideItWithJavaHome() throws Exception {
    assertTrue(Files.isExecutable(launcher), launcher + " is not executable");
    Path classes = FragmentFixtures.classFolder(dir);

    CliResult result =
        run(
            List.of(launcher.toString(), "inventory", "--format", "table", classes.toString()),
            Map.of("JAVA_HOME", System.getProperty("java.home")));

    assertEquals(0, result.exitCode(), result.describe());
    assertTrue(result.out().contains("com.acme.User#email"), result.out());
  }

  @Test
  void launcherPassesJavaOpts() throws Exception {
    CliResult result =
        run(
            List.of(launcher.toString(), "--version"),
            Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS", "-XX:+NoSuchJvmOption"));

    assertTrue(result.exitCode() != 0, result.describe());
    assertTrue(result.err().contains("NoSuchJvmOption"), result.describe());
  }

  @Test
  void jarCarriesPostgresqlAndTakesOtherDriversFromJdbcDriver() throws Exception {
    Path sqliteDriver = Path.of(org.sqlite.JDBC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String sqlite = "jdbc:sqlite:" + dir.resolve("consent.db");

    CliResult granted =
        run(
            List.of(java(), "-jar", jar.toString(), "consent", "grant", "--store", sqlite,
                "--jdbc-driver", sqliteDriver.toString(), "--subject", "u-1", "--purpose", "marketing",
                "--source", "it"),
            Map.of());
    CliResult withoutDriver =
        run(List.of(java(), "-jar", jar.toString(), "consent", "list", "--store", sqlite, "--subject", "u-1"), Map.of());
    CliResult postgresDown =
        run(
            List.of(java(), "-jar", jar.toString(), "consent", "list", "--store",
                "jdbc:postgresql://127.0.0.1:1/consent", "--subject", "u-1"),
            Map.of());

    assertEquals(0, granted.exitCode(), granted.describe());
    assertTrue(granted.out().startsWith("recorded GRANTED marketing"), granted.describe());
    assertEquals(2, withoutDriver.exitCode(), withoutDriver.describe());
    assertEquals(List.of("piiwarden: cannot read consent store " + sqlite + ": no JDBC driver on the class"
        + " path accepts jdbc:sqlite:; pass the driver's jar with --jdbc-driver JAR (e.g."
        + " org.xerial:sqlite-jdbc or org.postgresql:postgresql from Maven Central)"),
        withoutDriver.errLines(), withoutDriver.describe());
    // The driver is there: it tried to connect, not "No suitable driver".
    assertEquals(2, postgresDown.exitCode(), postgresDown.describe());
    assertEquals(1, postgresDown.errLines().size(), postgresDown.describe());
    assertTrue(!postgresDown.err().contains("no JDBC driver"), postgresDown.describe());
  }

  @Test
  void jarRedactsStdinToStdoutInUtf8() throws Exception {
    Path input = Files.write(dir.resolve("app.log"),
        "caf\u00e9 mail bob@example.com\r\ncard 4111 1111 1111 1111\nclean\n"
            .getBytes(StandardCharsets.UTF_8));

    CliResult result = run(List.of(java(), "-jar", jar.toString(), "redact", "--stats"),
        Map.of("LC_ALL", "C"), input);

    assertEquals(0, result.exitCode(), result.describe());
    assertEquals("caf\u00e9 mail [REDACTED:email]\r\ncard [REDACTED:card]\nclean\n", result.out());
    assertTrue(result.err().startsWith("3 lines\n"), result.err());
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private CliResult run(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    return run(command, env, null);
  }

  private CliResult run(List<String> command, Map<String, String> env, Path stdin)
      throws IOException, InterruptedException {
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    ProcessBuilder builder =
        new ProcessBuilder(new ArrayList<>(command))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().remove("PIIWARDEN_DEBUG");
    builder.environment().remove("JAVA_OPTS");
    builder.environment().putAll(env);
    if (stdin != null) {
      builder.redirectInput(stdin.toFile());
    }
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish within 60 seconds");
    }
    return new CliResult(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(
          "system property " + property + " is not set; run this test through mvn verify");
    }
    return value;
  }
}

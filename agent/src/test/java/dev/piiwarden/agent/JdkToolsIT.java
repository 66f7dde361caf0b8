package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.fixture.ConsentFixtureApp;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent given to every JVM through {@code JAVA_TOOL_OPTIONS}, as containers are often set up:
 * the JDK's tools and the build tool run as without it and write no trail, the application still
 * gets it.
 */
class JdkToolsIT {
  @TempDir Path folder;

  @Test
  void aJdkToolStartsWithoutTheAgentAndTheApplicationWithIt() throws Exception {
    Path javaHome = Path.of(System.getProperty("java.home"));
    Process tool = started(folder, javaHome.resolve("bin").resolve("jcmd").toString(), "-l");
    assertEquals(0, tool.exitValue(), Files.readString(folder.resolve("err.txt")));
    assertFalse(Files.exists(folder.resolve("piiwarden-audit.jsonl")), "jcmd wrote no trail");
    assertFalse(Files.readString(folder.resolve("err.txt")).contains("piiwarden:"),
        Files.readString(folder.resolve("err.txt")));

    Process app = started(folder, javaHome.resolve("bin").resolve("java").toString(), "-cp",
        FixtureJvm.testClasses() + File.pathSeparator + FixtureJvm.annotations(),
        ConsentFixtureApp.class.getName(), "enforce");
    assertEquals(0, app.exitValue(), Files.readString(folder.resolve("err.txt")));
    assertTrue(Files.readString(folder.resolve("piiwarden-audit.jsonl")).contains("\"agent.started\""),
        "the application's JVM started the agent");
  }

  @Test
  void mavenRunsWithoutTheAgent() throws Exception {
    Path mvn = onPath("mvn");
    Assumptions.assumeTrue(mvn != null, "no mvn on the PATH");
    Process maven = started(folder, mvn.toString(), "-v");
    assertEquals(0, maven.exitValue(), Files.readString(folder.resolve("err.txt")));
    assertTrue(Files.readString(folder.resolve("out.txt")).contains("Maven home"),
        Files.readString(folder.resolve("out.txt")));
    assertFalse(Files.exists(folder.resolve("piiwarden-audit.jsonl")), "Maven wrote no trail");
    assertFalse(Files.readString(folder.resolve("err.txt")).contains("piiwarden:"),
        Files.readString(folder.resolve("err.txt")));
  }

  /** java App.java runs the user's program through a launcher in a jdk. module: it gets the agent. */
  @Test
  void aSingleFileProgramGetsTheAgent() throws Exception {
    Path source = Files.writeString(folder.resolve("App.java"), """
        public class App {
          public static void main(String[] args) {
            dev.piiwarden.api.Consents.grant("u-1", "marketing", "app");
            System.out.println("granted=" + dev.piiwarden.api.Consents.isGranted("u-1", "marketing"));
          }
        }
        """);
    Path javaHome = Path.of(System.getProperty("java.home"));
    Process app = started(folder, javaHome.resolve("bin").resolve("java").toString(), "-cp",
        FixtureJvm.annotations().toString(), source.toString());
    assertEquals(0, app.exitValue(), Files.readString(folder.resolve("err.txt")));
    assertTrue(Files.readString(folder.resolve("out.txt")).contains("granted=true"),
        Files.readString(folder.resolve("err.txt")));
    assertTrue(Files.readString(folder.resolve("piiwarden-audit.jsonl")).contains("\"agent.started\""));
  }

  private static Path onPath(String program) {
    String path = System.getenv("PATH");
    for (String entry : path == null ? new String[0] : path.split(File.pathSeparator)) {
      Path candidate = Path.of(entry, program);
      if (!entry.isEmpty() && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static Process started(Path folder, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(folder.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("PIIWARDEN_"));
    builder.environment().put("JAVA_TOOL_OPTIONS", "-javaagent:" + FixtureJvm.AGENT_JAR.toAbsolutePath());
    builder.redirectOutput(folder.resolve("out.txt").toFile()).redirectError(folder.resolve("err.txt").toFile());
    Process process = builder.start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("did not finish: " + String.join(" ", command));
    }
    return process;
  }
}

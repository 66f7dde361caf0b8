package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.fixture.ConsentFixtureApp;
import dev.piiwarden.api.ConsentRecord;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts the fixture app in a fresh JVM, with or without the agent, and collects what it says. */
final class FixtureJvm {
  static final Path AGENT_JAR = Path.of(System.getProperty("piiwarden.agent.jar", "target/piiwarden-agent.jar"));
  static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  private final List<String> command = new ArrayList<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private Path directory;
  private String umask;

  private FixtureJvm(Path javaHome) {
    command.add(javaHome.resolve("bin").resolve("java").toString());
  }

  static FixtureJvm withJava(Path javaHome) {
    return new FixtureJvm(javaHome);
  }

  static FixtureJvm current() {
    return new FixtureJvm(Path.of(System.getProperty("java.home")));
  }

  FixtureJvm agent(String arguments) {
    assertTrue(Files.isRegularFile(AGENT_JAR), "the shaded agent jar exists: " + AGENT_JAR);
    command.add("-javaagent:" + AGENT_JAR + (arguments == null ? "" : "=" + arguments));
    return this;
  }

  FixtureJvm property(String name, String value) {
    command.add("-D" + name + "=" + value);
    return this;
  }

  /** Any JVM option, in order with the agent and the properties, e.g. another {@code -javaagent:}. */
  FixtureJvm option(String option) {
    command.add(option);
    return this;
  }

  FixtureJvm env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** The working folder of the JVM (by default the test's). */
  FixtureJvm directory(Path folder) {
    this.directory = folder;
    return this;
  }

  /** Runs the JVM under this umask (e.g. {@code 000}), as a shell started with it would. */
  FixtureJvm umask(String mask) {
    this.umask = mask;
    return this;
  }

  /** The fixture app on the plain class path, plus {@code extra} entries. */
  Result runApp(String scenario, Path... extra) throws Exception {
    List<String> classPath = new ArrayList<>(List.of(testClasses().toString(), annotations().toString()));
    for (Path path : extra) {
      classPath.add(path.toString());
    }
    return run(List.of("-cp", String.join(File.pathSeparator, classPath), ConsentFixtureApp.class.getName(), scenario));
  }

  Result run(List<String> arguments) throws Exception {
    Process process = start(arguments);
    return finish(process, null);
  }

  Process start(List<String> arguments) throws IOException {
    List<String> full = new ArrayList<>();
    if (umask != null) {
      full.addAll(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
    }
    full.addAll(command);
    full.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(full);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    builder.environment().keySet().removeIf(name -> name.startsWith("PIIWARDEN_"));
    builder.environment().putAll(environment);
    Path out = Files.createTempFile("fixture-out", ".txt");
    Path err = Files.createTempFile("fixture-err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    outputs.put(process, new Path[] {out, err});
    return process;
  }

  private static final Map<Process, Path[]> outputs = new java.util.concurrent.ConcurrentHashMap<>();

  static Path stdout(Process process) {
    return outputs.get(process)[0];
  }

  static Path stderr(Process process) {
    return outputs.get(process)[1];
  }

  static Result finish(Process process, String stdin) throws Exception {
    if (stdin != null) {
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the fixture JVM did not finish: " + Files.readString(outputs.get(process)[0]));
    }
    Path[] files = outputs.remove(process);
    return new Result(process.exitValue(), Files.readString(files[0]), Files.readString(files[1]));
  }

  static Path testClasses() throws URISyntaxException {
    return locationOf(ConsentFixtureApp.class);
  }

  static Path annotations() throws URISyntaxException {
    return locationOf(ConsentRecord.class);
  }

  /** The jar or folder {@code type} was loaded from, to put a library on a fixture's class path. */
  static Path locationOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** What the fixture JVM did. */
  record Result(int exitCode, String stdout, String stderr) {
    /** The outcome printed for {@code key}, e.g. {@code ran:sent} or {@code denied:NOT_GRANTED:[…]}. */
    String outcome(String key) {
      for (String line : stdout.split("\n")) {
        if (line.startsWith(key + "=")) {
          return line.substring(key.length() + 1);
        }
      }
      throw new AssertionError("no " + key + " in:\n" + this);
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }
}

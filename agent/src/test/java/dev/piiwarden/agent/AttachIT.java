package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.VirtualMachine;
import dev.piiwarden.core.consent.ConsentLedger;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attaching to a running JVM retransforms the annotated classes it has already loaded. */
class AttachIT {
  @TempDir Path folder;

  @Test
  void attachEnforcesConsentOnClassesLoadedBefore() throws Exception {
    Process app = startAndAttach("attach", List.of());
    FixtureJvm.Result run = FixtureJvm.finish(app, "go\n");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("ran:sent", run.outcome("beforeAttach"));
    assertEquals("ran:42", run.outcome("beforeAttachSkip"));
    assertEquals("denied:NOT_GRANTED:[marketing.communications.email]", run.outcome("afterAttach"));
    assertEquals("ran:0", run.outcome("afterAttachSkip"));
    assertEquals("ran:sent", run.outcome("afterAttachGranted"));
    assertEquals("ran:sent", run.outcome("beforeAttachInherited"));
    assertEquals("denied:NOT_GRANTED:[marketing.communications.email]", run.outcome("afterAttachInherited"),
        "a loaded class implementing an interface's @ConsentRequired method is retransformed too");
    assertEquals("ran:sent", run.outcome("afterAttachInheritedGranted"));
  }

  /**
   * The application used Consents with core's own ledger (memory:) before the attach; afterwards
   * Consents writes to and reads from the agent's ledger, the one enforcement decides on.
   */
  @Test
  void consentsUsedBeforeTheAttachSwitchesToTheAgentsLedger() throws Exception {
    List<Path> core = new ArrayList<>();
    for (Class<?> type :
        List.of(ConsentLedger.class, ObjectMapper.class, JsonFactory.class, JsonProperty.class)) {
      core.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }
    Process app = startAndAttach("attach-after-use", core);
    FixtureJvm.Result run = FixtureJvm.finish(app, "go\n");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("ran:true", run.outcome("beforeAttach"));
    assertEquals("ran:", run.outcome("afterAttachHistory"));
    assertEquals("denied:NOT_GRANTED:[marketing.communications.email]", run.outcome("afterAttachDenied"));
    assertEquals("ran:sent", run.outcome("afterAttachGranted"));
    assertEquals("ran:true", run.outcome("afterAttachIsGranted"));
  }

  @Test
  void aConfigurationErrorFailsTheAttachAndTheApplicationRunsOn() throws Exception {
    Process app = startApp("attach", List.of());

    assertThrows(AgentInitializationException.class, () -> loadAgent(app, "consent.mode=bogus"));

    FixtureJvm.Result run = FixtureJvm.finish(app, "go\n");
    assertEquals("ran:sent", run.outcome("afterAttach"), "no agent runs, the application does");
    assertTrue(run.stderr().startsWith("piiwarden: configuration error: piiwarden.consent.mode: "),
        run::toString);
  }

  @Test
  void aSecondAttachWithOtherOptionsFailsAndBothSecondStartsAreAudited() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    Process app = startApp("attach", List.of());
    loadAgent(app, "consent.mode=enforce,audit.sink=jsonl:" + trail);

    loadAgent(app, "audit.sink=jsonl:" + trail + ",consent.mode=enforce"); // the same: ignored
    assertThrows(AgentInitializationException.class,
        () -> loadAgent(app, "consent.mode=monitor,audit.sink=jsonl:" + trail));

    FixtureJvm.Result run = FixtureJvm.finish(app, "go\n");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("denied:NOT_GRANTED:[marketing.communications.email]", run.outcome("afterAttach"),
        "the first attach's options stay in force");
    List<String> problems = Files.readAllLines(trail).stream()
        .filter(line -> line.contains("\"type\":\"agent.problem\"")).toList();
    assertEquals(2, problems.size(), problems::toString);
    assertTrue(problems.get(0).contains("the second start, with the same options, is ignored"),
        problems.get(0));
    assertTrue(problems.get(1).contains("already running in this JVM with other options"),
        problems.get(1));
    String stopped = Files.readAllLines(trail).stream()
        .filter(line -> line.contains("\"type\":\"agent.stopped\"")).findFirst().orElseThrow();
    assertTrue(stopped.contains("\"agentProblems\":2"), stopped);
  }

  /**
   * A key file open to its group (as a Kubernetes fsGroup leaves it) fails the attach as a whole:
   * nothing is left installed, so a second attach once the mode is corrected starts the agent,
   * rather than being refused as a second start with other options.
   */
  @Test
  void anUnusableKeyFileFailsTheAttachAndACorrectedAttachStartsTheAgent() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    Path key = folder.resolve("piiwarden-audit.key");
    Files.write(key, new byte[32]);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw----"));
    Process app = startApp("attach", List.of());

    assertThrows(AgentInitializationException.class,
        () -> loadAgent(app, "consent.mode=enforce,audit.sink=jsonl:" + trail));
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    loadAgent(app, "consent.mode=enforce,audit.sink=jsonl:" + trail);

    FixtureJvm.Result run = FixtureJvm.finish(app, "go\n");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("denied:NOT_GRANTED:[marketing.communications.email]", run.outcome("afterAttach"),
        "the corrected attach enforces consent");
    List<String> agentLines = run.stderr().lines().filter(line -> line.startsWith("piiwarden:")).toList();
    assertEquals(1, agentLines.size(), run::toString);
    assertTrue(agentLines.get(0).startsWith(
        "piiwarden: configuration error: piiwarden.audit.key-file: "), run::toString);
    assertEquals(1, Files.readAllLines(trail).stream()
        .filter(line -> line.contains("\"type\":\"agent.started\"")).count(), "one start, the corrected one");
  }

  /**
   * Classes loaded and never linked whose methods name a class that is absent (an optional
   * dependency's): reflection on them fails, so their class files decide. The one without
   * {@code @ConsentRequired} is not retransformed nor reported; the one with it is, and only its
   * failure says that consent checks are not enforced.
   */
  @Test
  void aLoadedClassThatReflectionCannotReadIsDecidedByItsClassFile() throws Exception {
    Path classes = folder.resolve("classes");
    Path absent = Path.of("com", "acme", "fixture", "optional", "AbsentDependency.class");
    try (Stream<Path> files = Files.walk(FixtureJvm.testClasses())) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = FixtureJvm.testClasses().relativize(file);
        if (Files.isRegularFile(file) && !relative.equals(absent)) {
          Files.createDirectories(classes.resolve(relative).getParent());
          Files.copy(file, classes.resolve(relative));
        }
      }
    }
    Process app = startAppOn("attach-unlinked", List.of(classes, FixtureJvm.annotations()));
    loadAgent(app, "consent.mode=enforce,audit.sink=none");
    FixtureJvm.Result run = FixtureJvm.finish(app, "go\n");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("reflection-fails", run.outcome("OptionalFeature"));
    assertEquals("reflection-fails", run.outcome("GuardedOptionalFeature"));
    assertEquals("denied:NOT_GRANTED:[marketing.communications.email]", run.outcome("afterAttach"));
    List<String> agentLines = run.stderr().lines().filter(line -> line.startsWith("piiwarden:")).toList();
    assertTrue(agentLines.stream().noneMatch(line -> line.contains(".OptionalFeature")), run::toString);
    assertEquals(1, agentLines.size(), run::toString);
    assertTrue(agentLines.get(0).startsWith(
        "piiwarden: could not instrument the loaded class com.acme.fixture.optional.GuardedOptionalFeature ("),
        run::toString);
    assertTrue(agentLines.get(0).endsWith("); its consent checks are not enforced"), run::toString);
  }

  private static Process startAndAttach(String scenario, List<Path> extra) throws Exception {
    Process app = startApp(scenario, extra);
    loadAgent(app, "consent.mode=enforce");
    return app;
  }

  /** Attaches the agent jar to a running JVM with {@code options}. */
  static void loadAgent(Process app, String options) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(Long.toString(app.pid()));
    try {
      vm.loadAgent(FixtureJvm.AGENT_JAR.toString(), options);
    } finally {
      vm.detach();
    }
  }

  private static Process startApp(String scenario, List<Path> extra) throws Exception {
    List<Path> classPath = new ArrayList<>(List.of(FixtureJvm.testClasses(), FixtureJvm.annotations()));
    classPath.addAll(extra);
    return startAppOn(scenario, classPath);
  }

  /** The fixture app on exactly {@code entries}. */
  private static Process startAppOn(String scenario, List<Path> entries) throws Exception {
    List<String> classPath = new ArrayList<>();
    entries.forEach(path -> classPath.add(path.toString()));
    Process app =
        FixtureJvm.current()
            .start(
                List.of(
                    "-cp",
                    String.join(File.pathSeparator, classPath),
                    "com.acme.fixture.ConsentFixtureApp",
                    scenario));
    awaitReady(app);
    return app;
  }

  /** Waits until a fixture started for an attach says {@code ready=true}. */
  static void awaitReady(Process app) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!Files.readString(FixtureJvm.stdout(app)).contains("ready=true")) {
      assertTrue(app.isAlive() && System.nanoTime() < deadline, "the app got ready");
      Thread.sleep(50);
    }
  }
}

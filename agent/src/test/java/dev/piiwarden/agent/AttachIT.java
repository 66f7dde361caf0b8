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
import java.util.ArrayList;
import java.util.List;
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
  }

  private static Process startAndAttach(String scenario, List<Path> extra) throws Exception {
    Process app = startApp(scenario, extra);
    loadAgent(app, "consent.mode=enforce");
    return app;
  }

  private static void loadAgent(Process app, String options) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(Long.toString(app.pid()));
    try {
      vm.loadAgent(FixtureJvm.AGENT_JAR.toString(), options);
    } finally {
      vm.detach();
    }
  }

  private static Process startApp(String scenario, List<Path> extra) throws Exception {
    List<String> classPath =
        new ArrayList<>(List.of(FixtureJvm.testClasses().toString(), FixtureJvm.annotations().toString()));
    extra.forEach(path -> classPath.add(path.toString()));
    Process app =
        FixtureJvm.current()
            .start(
                List.of(
                    "-cp",
                    String.join(File.pathSeparator, classPath),
                    "com.acme.fixture.ConsentFixtureApp",
                    scenario));
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!Files.readString(FixtureJvm.stdout(app)).contains("ready=true")) {
      assertTrue(app.isAlive() && System.nanoTime() < deadline, "the app got ready");
      Thread.sleep(50);
    }
    return app;
  }
}

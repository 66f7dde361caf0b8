package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.tools.attach.VirtualMachine;
import dev.piiwarden.core.consent.ConsentLedger;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attaching to a running JVM retransforms the annotated classes it has already loaded. */
class AttachIT {
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

  private static Process startAndAttach(String scenario, List<Path> extra) throws Exception {
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
    VirtualMachine vm = VirtualMachine.attach(Long.toString(app.pid()));
    try {
      vm.loadAgent(FixtureJvm.AGENT_JAR.toString(), "consent.mode=enforce");
    } finally {
      vm.detach();
    }
    return app;
  }
}

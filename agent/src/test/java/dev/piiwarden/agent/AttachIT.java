package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attaching to a running JVM retransforms the annotated classes it has already loaded. */
class AttachIT {
  @Test
  void attachEnforcesConsentOnClassesLoadedBefore() throws Exception {
    Process app =
        FixtureJvm.current()
            .start(
                List.of(
                    "-cp",
                    FixtureJvm.testClasses() + File.pathSeparator + FixtureJvm.annotations(),
                    "com.acme.fixture.ConsentFixtureApp",
                    "attach"));
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
    FixtureJvm.Result run = FixtureJvm.finish(app, "go\n");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("ran:sent", run.outcome("beforeAttach"));
    assertEquals("ran:42", run.outcome("beforeAttachSkip"));
    assertEquals("denied:NOT_GRANTED:[marketing.communications.email]", run.outcome("afterAttach"));
    assertEquals("ran:0", run.outcome("afterAttachSkip"));
    assertEquals("ran:sent", run.outcome("afterAttachGranted"));
  }
}

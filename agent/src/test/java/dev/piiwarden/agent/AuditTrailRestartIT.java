package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The next start of the agent on a trail whose last run was killed ({@code kill -9}). */
class AuditTrailRestartIT {
  @TempDir Path folder;

  @Test
  void aRunKilledWithoutAgentStoppedIsNamedByTheNextStart() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    Process killed = StdinAuditApp.start(folder, trail);
    try (OutputStream stdin = killed.getOutputStream()) {
      StdinAuditApp.grant(stdin, 3);
      StdinAuditApp.awaitLines(trail, 4);
      killed.destroyForcibly(); // SIGKILL: no shutdown hook, no agent.stopped
      assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
    }
    FixtureJvm.finish(killed, null);
    assertTrue(Files.readString(trail).endsWith("\n"), "no torn record: every batch was whole");

    Process next = StdinAuditApp.start(folder, trail);
    FixtureJvm.Result run = FixtureJvm.finish(next, "grant 1\n");
    assertEquals(0, run.exitCode(), run::toString);

    List<String> said = run.stderr().lines().filter(line -> line.startsWith("piiwarden: ")).toList();
    assertEquals(List.of("piiwarden: the earlier run of process " + killed.pid() + " that wrote audit"
        + " file piiwarden-audit.jsonl (agent.started seq 1, " + StdinAuditApp.records(trail).get(0).get("ts").asText()
        + ") ended without agent.stopped: it was killed (kill -9, an out-of-memory kill, power loss),"
        + " halted, or its sink failed at exit, so events it had not written yet are missing from"
        + " the trail. Stop the application with SIGTERM and give it time to exit"), said);
    List<JsonNode> records = StdinAuditApp.records(trail);
    assertEquals(killed.pid(), records.get(0).get("pid").asLong());
    JsonNode started = records.get(4);
    assertEquals("agent.started", started.get("type").asText());
    assertEquals(next.pid(), started.get("pid").asLong());
    JsonNode problem = records.get(5);
    assertEquals("agent.problem", problem.get("type").asText());
    assertEquals(said.get(0).substring("piiwarden: ".length()), problem.get("message").asText());
    JsonNode stopped = records.get(records.size() - 1);
    assertEquals("agent.stopped", stopped.get("type").asText());
    assertEquals(next.pid(), stopped.get("pid").asLong());

    FixtureJvm.Result third = FixtureJvm.finish(StdinAuditApp.start(folder, trail), "grant 1\n");
    assertEquals(List.of(), third.stderr().lines().filter(line -> line.startsWith("piiwarden: ")).toList(),
        "a run that stopped is no news, and the killed one was said already: " + third);
  }

}

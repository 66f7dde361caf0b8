package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.fixture.AuditFixtureApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    Process killed = start(trail);
    try (OutputStream stdin = killed.getOutputStream()) {
      stdin.write("grant 3\n".getBytes(StandardCharsets.UTF_8));
      stdin.flush();
      awaitLines(trail, 4);
      killed.destroyForcibly(); // SIGKILL: no shutdown hook, no agent.stopped
      assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
    }
    FixtureJvm.finish(killed, null);
    assertTrue(Files.readString(trail).endsWith("\n"), "no torn record: every batch was whole");

    Process next = start(trail);
    FixtureJvm.Result run = FixtureJvm.finish(next, "grant 1\n");
    assertEquals(0, run.exitCode(), run::toString);

    List<String> said = run.stderr().lines().filter(line -> line.startsWith("piiwarden: ")).toList();
    assertEquals(List.of("piiwarden: the earlier run of process " + killed.pid() + " that wrote audit"
        + " file piiwarden-audit.jsonl (agent.started seq 1, " + records(trail).get(0).get("ts").asText()
        + ") ended without agent.stopped: it was killed (kill -9, an out-of-memory kill, power loss),"
        + " halted, or its sink failed at exit, so events it had not written yet are missing from"
        + " the trail. Stop the application with SIGTERM and give it time to exit"), said);
    List<JsonNode> records = records(trail);
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

    FixtureJvm.Result third = FixtureJvm.finish(start(trail), "grant 1\n");
    assertEquals(List.of(), third.stderr().lines().filter(line -> line.startsWith("piiwarden: ")).toList(),
        "a run that stopped is no news, and the killed one was said already: " + third);
  }

  private Process start(Path trail) throws Exception {
    String classPath = String.join(File.pathSeparator, FixtureJvm.testClasses().toString(),
        FixtureJvm.annotations().toString());
    return FixtureJvm.current().agent("audit.sink=jsonl:" + trail).directory(folder)
        .start(List.of("-cp", classPath, AuditFixtureApp.class.getName(), "stdin"));
  }

  private static List<JsonNode> records(Path trail) throws Exception {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(trail)) {
      records.add(new ObjectMapper().readTree(line));
    }
    return records;
  }

  private static void awaitLines(Path file, int count) throws Exception {
    for (int i = 0; i < 3000; i++) {
      if (Files.exists(file) && Files.readAllLines(file).size() >= count) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError(file + " did not get " + count + " lines");
  }
}

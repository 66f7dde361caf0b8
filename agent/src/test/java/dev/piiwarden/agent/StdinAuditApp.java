package dev.piiwarden.agent;

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

/**
 * The audit fixture app taking its commands from stdin ({@code grant N}: N consent changes, each
 * one record) under the agent, with a jsonl trail, and what the tests read of that trail.
 */
final class StdinAuditApp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StdinAuditApp() {}

  /** The app in {@code folder}, writing its trail to {@code trail}. */
  static Process start(Path folder, Path trail) throws Exception {
    String classPath = String.join(File.pathSeparator, FixtureJvm.testClasses().toString(),
        FixtureJvm.annotations().toString());
    return FixtureJvm.current().agent("audit.sink=jsonl:" + trail).directory(folder)
        .start(List.of("-cp", classPath, AuditFixtureApp.class.getName(), "stdin"));
  }

  /** Asks the app for {@code count} consent changes. */
  static void grant(OutputStream stdin, int count) throws Exception {
    stdin.write(("grant " + count + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  static List<JsonNode> records(Path trail) throws Exception {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(trail)) {
      records.add(JSON.readTree(line));
    }
    return records;
  }

  /** Waits (up to 30 s) until {@code file} has {@code count} lines. */
  static void awaitLines(Path file, int count) throws Exception {
    for (int i = 0; i < 3000; i++) {
      if (Files.exists(file) && Files.readAllLines(file).size() >= count) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError(file + " did not get " + count + " lines");
  }
}

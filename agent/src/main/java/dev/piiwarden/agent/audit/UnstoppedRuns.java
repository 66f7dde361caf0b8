package dev.piiwarden.agent.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piiwarden.core.audit.AuditEventType;
import dev.piiwarden.core.audit.TrailFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Earlier runs of the agent that ended without {@code agent.stopped} (killed with {@code kill -9},
 * by the out-of-memory killer, a power loss): read at start from the end of a {@code jsonl:}
 * trail. An {@code agent.started} whose {@code pid} has no {@code agent.stopped} after it, from a
 * process that no longer runs on this host, is such a run, unless an earlier start said so already
 * (its {@code agent.problem}). A process that still runs is another
 * writer of a shared trail, not one that ended; records without {@code pid} (written before it was
 * recorded) say nothing. A trail that ends in a torn line is a crash the writer already reports.
 */
final class UnstoppedRuns {
  /** The part of the trail looked at: runs that started before it are not looked for. */
  static final int WINDOW = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How the line (and the {@code agent.problem} that records it) begins, before the pid. */
  private static final String SAID = "the earlier run of process ";

  private UnstoppedRuns() {}

  /** One line for each run found, naming its pid, its {@code agent.started} and what to do. */
  static List<String> in(Path active) {
    try {
      Path file = lastNonEmpty(active);
      if (file == null) {
        return List.of();
      }
      Map<Long, JsonNode> started = new LinkedHashMap<>();
      for (String line : lastLines(file)) {
        if (!line.contains("\"type\":\"agent.st") && !line.contains(SAID)) {
          continue; // the few records looked at are read, not the trail's every event
        }
        JsonNode record;
        try {
          record = JSON.readTree(line);
        } catch (IOException notARecord) {
          continue; // verify names such lines; here they say nothing about a run
        }
        String type = record.path("type").asText();
        String message = record.path("message").asText();
        if (AuditEventType.AGENT_PROBLEM.equals(type) && message.startsWith(SAID)) {
          // said by an earlier start already: once is enough
          started.remove(Long.parseLong(message.substring(SAID.length()).split(" ", 2)[0]));
          continue;
        }
        JsonNode pid = record.path("pid");
        if (!pid.canConvertToLong()) {
          continue;
        }
        if (AuditEventType.AGENT_STARTED.equals(type)) {
          started.put(pid.asLong(), record);
        } else if (AuditEventType.AGENT_STOPPED.equals(type)) {
          started.remove(pid.asLong());
        }
      }
      long self = ProcessHandle.current().pid();
      List<String> found = new ArrayList<>();
      for (Map.Entry<Long, JsonNode> run : started.entrySet()) {
        long pid = run.getKey();
        if (pid != self && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          found.add(SAID + pid + " that wrote audit file "
              + file.getFileName() + " (agent.started seq " + run.getValue().path("seq").asLong()
              + ", " + run.getValue().path("ts").asText() + ") ended without agent.stopped: it was"
              + " killed (kill -9, an out-of-memory kill, power loss), halted, or its sink failed"
              + " at exit, so events it had not written yet are missing from the trail. Stop the"
              + " application with SIGTERM and give it time to exit");
        }
      }
      return found;
    } catch (IOException | RuntimeException e) {
      return List.of(); // a note, never a reason for the start to fail
    }
  }

  /** The trail file the next record follows: the active one, or the newest rotated one. */
  private static Path lastNonEmpty(Path active) throws IOException {
    List<Path> files = TrailFiles.inOrder(active);
    for (int i = files.size() - 1; i >= 0; i--) {
      if (Files.size(files.get(i)) > 0) {
        return files.get(i);
      }
    }
    return null;
  }

  /**
   * The whole lines in the file's last {@value #WINDOW} bytes; none when it does not end with a
   * newline (a torn record the writer reports itself).
   */
  private static List<String> lastLines(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      long from = Math.max(0, size - WINDOW);
      ByteBuffer window = ByteBuffer.allocate((int) (size - from));
      while (window.hasRemaining() && channel.read(window, from + window.position()) >= 0) {
        // read on until the window is full
      }
      String text = new String(window.array(), 0, window.position(), StandardCharsets.UTF_8);
      if (!text.endsWith("\n")) {
        return List.of();
      }
      List<String> lines = new ArrayList<>(List.of(text.split("\n")));
      if (from > 0 && !lines.isEmpty()) {
        lines.remove(0); // the window starts inside that line
      }
      lines.removeIf(String::isBlank);
      return lines;
    }
  }
}

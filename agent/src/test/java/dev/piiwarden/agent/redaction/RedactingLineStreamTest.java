package dev.piiwarden.agent.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.core.redaction.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code System.out} as the agent replaces it: a {@code PrintStream} that flushes after every
 * print, around the line-redacting stream.
 */
class RedactingLineStreamTest {
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final RedactingLineStream lines =
      new RedactingLineStream(written, StandardCharsets.UTF_8, new LogText(Redactor.withDefaults()));
  private final PrintStream out = new PrintStream(lines, true, StandardCharsets.UTF_8);

  @Test
  void aLineBuiltByPrintsIsRedactedWhole() {
    out.print("password=");
    out.println("hunter2");
    out.print("mail jane.doe@");
    out.print("example.com");
    out.println();
    assertEquals("password=[REDACTED:credential]\nmail [REDACTED:email]\n", text());
  }

  @Test
  void aFlushedPartLineShowsSoonWithoutItsEnd() throws Exception {
    out.print("name> ");
    assertEquals("", text(), "held for the rest of its line");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (text().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(RedactingLineStream.HOLD_MILLIS / 4);
    }
    assertEquals("name> ", text());
    out.println("jane.doe@example.com");
    assertEquals("name> [REDACTED:email]\n", text());
  }

  @Test
  void drainingWritesThePartLine() throws Exception {
    out.print("last bob@example.com");
    lines.drain();
    assertTrue(text().equals("last [REDACTED:email]"), text());
  }

  private String text() {
    synchronized (lines) {
      return written.toString(StandardCharsets.UTF_8);
    }
  }
}

package dev.piiwarden.core.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A fixed key and trails written with it. */
final class AuditFixtures {
  static final byte[] KEY_BYTES = new byte[32];

  static {
    for (int i = 0; i < KEY_BYTES.length; i++) {
      KEY_BYTES[i] = (byte) i;
    }
  }

  static final AuditKey KEY = AuditKey.of(KEY_BYTES);

  private AuditFixtures() {}

  /**
   * Waits, at most 10 s, until the trail's writer has reported a problem: how long its sink takes
   * to fail depends on the machine's load.
   */
  static void awaitProblem(List<String> problems) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (problems.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  /** An access event about subject {@code u-<n>} at a fixed time. */
  static AuditEvent access(int n) {
    return AuditEvent.of(AuditEventType.ACCESS)
        .ts(Instant.parse("2026-11-22T10:00:00Z").plusMillis(n))
        .subject(new Pseudonymizer(KEY).pseudonym("u-" + n))
        .actor("svc-crm")
        .purposes("essential.service")
        .activity("com.acme.Users#fetch(java.lang.String)")
        .categories("user.contact.email")
        .build();
  }

  /** The lines of a chain of {@code count} access events. */
  static List<String> chain(int count) {
    HashChain chain = new HashChain(KEY, ChainPosition.START);
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      lines.add(chain.seal(access(i)).line());
    }
    return lines;
  }

  static Path write(Path file, List<String> lines) throws IOException {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}

package dev.piiwarden.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** One {@code ## } section of {@code RESULTS.md}, replaced on its own or appended. */
final class ResultsSection {
  private ResultsSection() {}

  /** {@code previous} with the section under {@code heading} replaced by {@code section}, or appended. */
  static String replace(String previous, String heading, String section) {
    int start = previous.startsWith(heading + "\n") ? 0 : previous.indexOf("\n" + heading + "\n");
    if (start < 0) {
      return previous.isEmpty() ? section : previous.stripTrailing() + "\n\n" + section;
    }
    if (start > 0) {
      start++;
    }
    int end = previous.indexOf("\n## ", start + heading.length());
    String rest = end < 0 ? "" : previous.substring(end + 1);
    return previous.substring(0, start) + section + (rest.isEmpty() ? "" : "\n" + rest);
  }

  /** Today's date in UTC, {@code 2026-11-22}, for a section's first line. */
  static String today() {
    return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE);
  }

  /** Rewrites {@code out} with the section replaced, keeping every other section. */
  static void write(Path out, String heading, String section) throws IOException {
    String previous = Files.isRegularFile(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
    Files.writeString(out, replace(previous, heading, section), StandardCharsets.UTF_8);
  }
}

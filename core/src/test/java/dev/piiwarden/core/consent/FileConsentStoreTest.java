package dev.piiwarden.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.api.ConsentDeniedException;
import dev.piiwarden.api.ConsentRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConsentStoreTest {
  @TempDir Path folder;

  private final List<String> warnings = new ArrayList<>();

  @Test
  void recordsSurviveARestart() {
    Path file = folder.resolve("ledger/consent.jsonl");
    try (ConsentLedger first = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO)) {
      first.grant("u-1", "marketing", "signup");
      first.withdraw("u-1", "marketing.communications", "settings");
    }
    ConsentLedger second = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO);
    assertEquals(2, second.history("u-1").size());
    assertTrue(second.isGranted("u-1", "marketing.advertising"));
    assertTrue(!second.isGranted("u-1", "marketing.communications.email"));
    assertEquals(List.of(), warnings);
  }

  /**
   * A ledger removed while in use is a failure of the store until it is restored, not an empty
   * ledger that denies everything in silence; a new store on the same path begins an empty one.
   */
  @Test
  void aLedgerRemovedWhileInUseFailsUntilRestored() throws IOException {
    Path file = folder.resolve("consent.jsonl");
    try (ConsentLedger ledger = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO)) {
      ledger.grant("u-1", "marketing", "signup");
      assertTrue(ledger.isGranted("u-1", "marketing"));
      byte[] copy = Files.readAllBytes(file);
      Files.delete(file);
      ConsentStoreException read = assertThrows(ConsentStoreException.class, () -> ledger.isGranted("u-1", "marketing"));
      assertEquals("cannot read consent store file:" + file + ": the file was removed while in use, and every"
          + " consent it held with it; restore it (from a copy or backup), or restart the application to begin an"
          + " empty ledger", read.getMessage());
      assertThrows(ConsentStoreException.class, () -> ledger.grant("u-2", "marketing", "signup"));
      assertFalse(Files.exists(file), "no new ledger hides the loss");
      Files.write(file, copy);
      assertTrue(ledger.isGranted("u-1", "marketing"));
    }
    Files.delete(file);
    try (ConsentLedger fresh = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO)) {
      assertFalse(fresh.isGranted("u-1", "marketing"));
      fresh.grant("u-1", "marketing", "signup");
      assertTrue(fresh.isGranted("u-1", "marketing"));
    }
  }

  @Test
  void aNewLedgerAndTheFoldersMadeForItAreItsOwnersOnlyAndAnExistingOneKeepsItsMode() throws IOException {
    Path created = folder.resolve("new/a/consent.jsonl");
    try (ConsentLedger ledger = new ConsentLedger(new FileConsentStore(created, warnings::add), Duration.ZERO)) {
      ledger.grant("u-1", "marketing", "signup");
    }
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("new"))));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created.getParent())));

    Path existing = Files.createFile(folder.resolve("existing.jsonl"));
    Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r-----"));
    try (ConsentLedger ledger = new ConsentLedger(new FileConsentStore(existing, warnings::add), Duration.ZERO)) {
      ledger.grant("u-1", "marketing", "signup");
    }
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)));
  }

  @Test
  void tornLastLineIsSkippedReportedOnceAndIsolatedByTheNextWrite() throws IOException {
    Path file = folder.resolve("consent.jsonl");
    FileConsentStore store = new FileConsentStore(file, warnings::add);
    ConsentLedger ledger = new ConsentLedger(store, Duration.ZERO);
    ledger.grant("u-1", "marketing", "signup");
    Files.writeString(file, "{\"subject\":\"u-2\",\"purp", StandardOpenOption.APPEND);

    assertEquals(1, ledger.history("u-1").size());
    assertEquals(0, ledger.history("u-2").size());
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("line 2 is incomplete"), warnings.get(0));
    assertTrue(!warnings.get(0).contains("u-2"), "no record content in messages");

    ledger.grant("u-3", "marketing", "signup");
    assertEquals(1, ledger.history("u-3").size());
    assertEquals(1, warnings.size(), "the torn line is reported once: " + warnings);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(3, lines.size());
    assertTrue(lines.get(2).contains("\"u-3\""));
  }

  /**
   * A whole record that is the last line and lacks only its newline (a power cut before it reached
   * the disk, an edit that dropped it) counts: a withdrawal there must not let the grant before it
   * count again. The next write ends the line first, and the record still counts once.
   */
  @Test
  void aWholeLastRecordWithoutItsNewlineCountsAndTheNextWriteEndsItsLine() throws IOException {
    Path file = folder.resolve("consent.jsonl");
    try (ConsentLedger ledger = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO)) {
      ledger.grant("u-1", "marketing", "signup");
      ledger.withdraw("u-1", "marketing", "settings");
    }
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 1));

    ConsentLedger reader = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO);
    assertEquals(ConsentDeniedException.Reason.WITHDRAWN, reader.decide("u-1", "marketing").reason());
    assertEquals(2, reader.history("u-1").size());
    ConsentLedger readOnly = new ConsentLedger(new FileConsentStore(file, warnings::add, true), Duration.ZERO);
    assertEquals(ConsentRecord.State.WITHDRAWN, readOnly.history("u-1").get(1).state(), "what consent list reads");
    assertEquals(List.of(), warnings, "a whole record is no torn write");

    reader.grant("u-2", "marketing", "signup");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(3, lines.size(), "the withdrawal's line is ended before the next record: " + lines);
    assertTrue(lines.get(1).contains("\"WITHDRAWN\""), lines.get(1));
    assertEquals(2, reader.history("u-1").size(), "the ended line is read once");
    assertEquals(ConsentDeniedException.Reason.WITHDRAWN, reader.decide("u-1", "marketing").reason());
    assertTrue(reader.isGranted("u-2", "marketing"));
    assertEquals(List.of(), warnings);
  }

  /** A whole last line without its newline that is no record is damage, which denies, not a torn write. */
  @Test
  void aWholeLastLineWithoutItsNewlineThatIsNoRecordIsDamage() throws IOException {
    Path file = folder.resolve("consent.jsonl");
    ConsentLedger ledger = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO);
    ledger.grant("u-1", "marketing", "signup");
    Files.writeString(file, "{\"subject\":\"u-1\",\"purpose\":\"marketing\",\"state\":\"withdrawn\","
        + "\"time\":\"2026-01-01T00:00:00Z\",\"source\":\"settings\"}", StandardOpenOption.APPEND);

    ConsentStoreException failure =
        assertThrows(ConsentStoreException.class, () -> ledger.decide("u-1", "marketing"));
    assertTrue(failure.getMessage().contains(": line 2, a record about this subject, is damaged"),
        failure.getMessage());
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("line 2 is damaged (not a consent record: IllegalArgumentException)"),
        warnings.get(0));
    assertThrows(ConsentStoreException.class, () -> ledger.decide("u-1", "marketing"));
    assertEquals(1, warnings.size(), "reported once: " + warnings);
  }

  @Test
  void binaryDataInTheLedgerIsOneWarningAndMakesTheStoreUnreadableUntilRepaired() throws IOException {
    Path file = folder.resolve("consent.jsonl");
    ConsentLedger ledger = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO);
    ledger.grant("u-1", "marketing", "signup");
    byte[] noise = new byte[64 * 1024];
    new java.util.Random(7).nextBytes(noise);
    noise[noise.length - 1] = '\n';
    Files.write(file, noise, StandardOpenOption.APPEND);
    Files.writeString(file, "u-2 alice.smith@example.com\n", StandardOpenOption.APPEND);
    ledger.grant("u-1", "analytics", "settings");

    ConsentLedger reader = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO);
    ConsentStoreException unreadable =
        assertThrows(ConsentStoreException.class, () -> reader.isGranted("u-1", "analytics.reporting"));
    assertTrue(unreadable.getMessage().matches("cannot read consent store file:.*: line 2 is damaged and"
        + " the subject it is about cannot be read, so no subject's consent can be decided until it is"
        + " repaired; repair or remove the line \\(see .*\\)"), unreadable.getMessage());
    assertEquals(1, warnings.size(), "one line for all the damaged lines: " + warnings);
    String warning = warnings.get(0);
    assertTrue(warning.matches("piiwarden: consent store file:.*: [0-9]+ lines from line 2 to line [0-9]+"
        + " are damaged \\(the first: not JSON\\); no subject's consent can be decided until the store"
        + " is repaired \\(decisions follow on-store-error\\); repair or remove the line .*"), warning);
    assertTrue(!warning.contains("u-2") && !warning.contains("alice"), "no record content: " + warning);
  }

  @Test
  void twoProcessesAppendToOneLedgerAndSeeEachOther() throws Exception {
    Path file = folder.resolve("shared.jsonl");
    int perProcess = 300;
    Process other =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LedgerWriterProcess.class.getName(),
                file.toString(),
                "other",
                Integer.toString(perProcess))
            .redirectErrorStream(true)
            .start();
    ConsentLedger ledger = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO);
    BufferedReader otherOut = new BufferedReader(
        new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("ready", otherOut.readLine());
    other.getOutputStream().write('\n'); // both start writing now
    other.getOutputStream().flush();
    for (int i = 0; i < perProcess; i++) {
      ledger.grant("this-" + (i % 5), "marketing", "this-" + i);
    }
    assertTrue(other.waitFor(60, TimeUnit.SECONDS), "the other process finished");
    String output = otherOut.lines().collect(Collectors.joining("\n"));
    assertEquals(0, other.exitValue(), output);

    Set<String> sources = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      for (String subject : List.of("this-" + i, "other-" + i)) {
        ledger.history(subject).forEach(record -> assertTrue(sources.add(record.source()), record.source()));
      }
    }
    for (int i = 0; i < perProcess; i++) {
      assertTrue(sources.contains("this-" + i), "this-" + i);
      assertTrue(sources.contains("other-" + i), "other-" + i);
    }
    assertEquals(2 * perProcess, sources.size());
    assertTrue(ledger.isGranted("other-3", "marketing.communications.email"));
    assertEquals(List.of(), warnings);
    List<String> lines = Files.readAllLines(file);
    assertEquals(2 * perProcess, lines.size());
    for (String line : lines) {
      ConsentRecord record = ConsentRecordJson.parse(line); // a torn or glued line does not parse
      assertEquals("marketing", record.purpose());
    }
  }
}

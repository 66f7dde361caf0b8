package dev.piiwarden.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.api.ConsentDeniedException.Reason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged {@code file:} ledger fails closed; one replaced or rewritten is read again. */
class FileLedgerDamageTest {
  @TempDir Path folder;

  private final List<String> warnings = new ArrayList<>();

  private Path grantedThenWithdrawn() {
    Path file = folder.resolve("consent.jsonl");
    try (ConsentLedger ledger = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO)) {
      ledger.grant("z-0", "marketing", "web");
      ledger.withdraw("z-0", "marketing", "web");
      ledger.grant("z-1", "marketing", "web");
    }
    return file;
  }

  /** Replaces two bytes of line {@code index} (0-based) at {@code at}, as a failing disk might. */
  private static void damage(Path file, int index, int at) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int start = 0;
    for (int line = 0; line < index; line++) {
      start = indexOf(bytes, (byte) '\n', start) + 1;
    }
    bytes[start + at] = (byte) 0xff;
    bytes[start + at + 1] = (byte) 0xfe;
    Files.write(file, bytes);
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aDamagedWithdrawalDoesNotLetTheEarlierGrantCountAgain() throws IOException {
    Path file = grantedThenWithdrawn();
    damage(file, 1, 20); // inside "purpose" of the withdrawal: its subject is still readable

    ConsentLedger ledger = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO);
    ConsentStoreException failure =
        assertThrows(ConsentStoreException.class, () -> ledger.decide("z-0", "marketing"));
    assertTrue(failure.getMessage().matches("cannot read consent store file:.*consent.jsonl: line 2, a"
        + " record about this subject, is damaged, so this subject's consent cannot be decided until it"
        + " is repaired; repair or remove the line \\(see .*\\)"), failure.getMessage());
    assertThrows(ConsentStoreException.class, () -> ledger.history("z-0"));
    assertTrue(ledger.isGranted("z-1", "marketing"), "other subjects are decided as before");
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("line 2 is damaged (not JSON); the consent of the subject it is"
        + " about cannot be decided until it is repaired"), warnings.get(0));
    for (String message : List.of(failure.getMessage(), warnings.get(0))) {
      assertFalse(message.contains("z-0"), "no subject id: " + message);
    }
  }

  /**
   * A line with a field given twice reads one way to a parser (the last value) and another to a
   * person or a grep (the first): it is damage, so a withdrawal followed by a second "state" does
   * not grant.
   */
  @Test
  void aLineWithAFieldGivenTwiceIsDamageAndDenies() throws IOException {
    Path file = grantedThenWithdrawn();
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    assertTrue(lines.get(1).endsWith("\"source\":\"web\"}") && lines.get(1).contains("WITHDRAWN"), lines.get(1));
    lines.set(1, lines.get(1).replace("\"source\":\"web\"}", "\"source\":\"web\",\"state\":\"GRANTED\"}"));
    Files.write(file, lines, StandardCharsets.UTF_8);

    ConsentLedger ledger = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO);
    ConsentStoreException failure =
        assertThrows(ConsentStoreException.class, () -> ledger.decide("z-0", "marketing"));
    assertTrue(failure.getMessage().contains(": line 2, a record about this subject, is damaged"),
        failure.getMessage());
    assertTrue(ledger.isGranted("z-1", "marketing"), "other subjects are decided as before");
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("line 2 is damaged (not a consent record: field state given"
        + " twice); the consent of the subject it is about cannot be decided"), warnings.get(0));
    assertEquals(List.of(new LedgerFileLines.Damaged(2, "not a consent record: field state given twice")),
        LedgerFileLines.read(file).damaged(), "consent verify names it too");

    lines.set(1, lines.get(1).replace("{\"subject\":\"z-0\",", "{\"subject\":\"z-0\",\"subject\":\"z-1\","));
    Files.write(file, lines, StandardCharsets.UTF_8);
    ConsentLedger again = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO);
    assertTrue(assertThrows(ConsentStoreException.class, () -> again.decide("z-1", "marketing")).getMessage()
        .contains(": line 2 is damaged and the subject it is about cannot be read"),
        "two subjects: which one it is about cannot be told");
  }

  @Test
  void aDamagedLineWhoseSubjectCannotBeReadMakesTheStoreUnreadableForEverySubject() throws IOException {
    Path file = grantedThenWithdrawn();
    damage(file, 1, 13); // inside the subject id of the withdrawal

    ConsentLedger ledger = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO);
    for (String subject : List.of("z-0", "z-1", "nobody")) {
      ConsentStoreException failure =
          assertThrows(ConsentStoreException.class, () -> ledger.decide(subject, "marketing"), subject);
      assertTrue(failure.getMessage().contains(": line 2 is damaged and the subject it is about cannot be"
          + " read, so no subject's consent can be decided until it is repaired"), failure.getMessage());
    }
  }

  @Test
  void aRepairedLedgerIsReadAgainByTheStoreThatSawTheDamage() throws IOException {
    Path file = grantedThenWithdrawn();
    List<String> good = Files.readAllLines(file, StandardCharsets.UTF_8);
    damage(file, 1, 20);
    ConsentLedger ledger = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO);
    assertThrows(ConsentStoreException.class, () -> ledger.decide("z-0", "marketing"));

    // the operator puts the line back as it was, in place: same size, same file
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap((String.join("\n", good) + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    }
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
    assertEquals(Reason.WITHDRAWN, ledger.decide("z-0", "marketing").reason());
  }

  @Test
  void aTornWriteIsolatedByTheNextWriteIsToleratedByEveryLaterReader() throws IOException {
    Path file = folder.resolve("consent.jsonl");
    ConsentLedger writer = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO);
    writer.grant("u-1", "marketing", "signup");
    Files.writeString(file, "{\"subject\":\"u-1\",\"purpose\":\"marketing\",\"state\":\"WITH",
        StandardOpenOption.APPEND);
    writer.grant("u-2", "marketing", "signup");

    List<String> fresh = new ArrayList<>();
    ConsentLedger reader = new ConsentLedger(new FileConsentStore(file, fresh::add), Duration.ZERO);
    assertTrue(reader.isGranted("u-1", "marketing"));
    assertTrue(reader.isGranted("u-2", "marketing"));
    assertEquals(List.of("line 2 is incomplete (a torn write) and is skipped"),
        fresh.stream().map(w -> w.replaceFirst("^.*consent.jsonl: ", "")).toList());
  }

  @Test
  void aLedgerReplacedByALargerFileIsReadAgainFromItsStart() throws IOException {
    Path file = folder.resolve("consent.jsonl");
    FileConsentStore store = new FileConsentStore(file, warnings::add);
    ConsentLedger ledger = new ConsentLedger(store, Duration.ZERO);
    ledger.grant("w-2", "essential", "web");
    ledger.grant("w-1", "marketing", "web");
    assertTrue(ledger.isGranted("w-1", "marketing"));

    // rewritten without w-1 (an erasure) and with longer records after it, then renamed over it
    Path rewritten = folder.resolve("consent.new");
    try (ConsentLedger other = new ConsentLedger(new FileConsentStore(rewritten, w -> { }), Duration.ZERO)) {
      other.grant("w-2", "essential", "web");
      other.grant("w-3", "marketing", "a much longer source than the records it replaces ".repeat(3));
      other.grant("w-4", "marketing", "web");
    }
    assertTrue(Files.size(rewritten) > Files.size(file));
    Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    assertFalse(ledger.isGranted("w-1", "marketing"), "the erased subject's grant is gone");
    assertEquals(0, ledger.history("w-1").size());
    assertTrue(ledger.isGranted("w-4", "marketing"));
    assertEquals(1, ledger.history("w-2").size());
    assertTrue(warnings.stream().anyMatch(w -> w.endsWith("consent.jsonl was replaced; reading it again")),
        warnings.toString());
    assertTrue(warnings.stream().noneMatch(w -> w.contains("damaged")), warnings.toString());
  }

  @Test
  void aLedgerRewrittenInPlaceLargerIsReadAgainFromItsStart() throws IOException {
    Path file = folder.resolve("consent.jsonl");
    ConsentLedger ledger = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO);
    ledger.grant("w-2", "essential", "web");
    ledger.grant("w-1", "marketing", "web");
    assertTrue(ledger.isGranted("w-1", "marketing"));

    Path copy = folder.resolve("copy.jsonl");
    try (ConsentLedger other = new ConsentLedger(new FileConsentStore(copy, w -> { }), Duration.ZERO)) {
      other.grant("w-2", "essential", "web");
      other.grant("w-3", "marketing", "a much longer source than the records it replaces ".repeat(3));
    }
    Files.write(file, Files.readAllBytes(copy)); // truncates and writes the same file (same inode)

    assertFalse(ledger.isGranted("w-1", "marketing"));
    assertTrue(ledger.isGranted("w-3", "marketing"));
    assertTrue(warnings.stream().anyMatch(w -> w.endsWith("consent.jsonl was rewritten; reading it again")),
        warnings.toString());
  }

  @Test
  void theFileLockIsReleasedBeforeTheLinesAreParsed() throws IOException {
    Path file = folder.resolve("consent.jsonl");
    new ConsentLedger(new FileConsentStore(file, w -> { }), Duration.ZERO).grant("u-1", "marketing", "web");
    Files.writeString(file, "{\"subject\":\"u-9\",\"pur", StandardOpenOption.APPEND);
    List<Boolean> lockFreeWhileParsing = new ArrayList<>();
    FileConsentStore store = new FileConsentStore(file, warning -> {
      // Reported while parsing: a writer's exclusive lock must be available by then. Within one
      // JVM an overlapping lock throws rather than waits, so this tells without a second process.
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
          FileLock lock = channel.tryLock()) {
        lockFreeWhileParsing.add(lock != null);
      } catch (java.nio.channels.OverlappingFileLockException | IOException e) {
        lockFreeWhileParsing.add(false);
      }
    });
    assertEquals(1, store.records("u-1").size());
    assertEquals(List.of(true), lockFreeWhileParsing);
  }
}

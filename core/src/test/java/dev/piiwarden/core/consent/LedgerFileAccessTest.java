package dev.piiwarden.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code file:} ledger that someone besides the process's user could write is neither read nor
 * written: they could have recorded consent in anyone's name. Modes are read as root too, so these
 * tests run under any user; giving a file to another user needs root.
 */
class LedgerFileAccessTest {
  private static final String GRANT = "{\"subject\":\"u-1\",\"purpose\":\"marketing\",\"state\":\"GRANTED\","
      + "\"time\":\"2026-01-01T00:00:00Z\",\"source\":\"forged\",\"expires\":null}\n";

  @TempDir Path folder;

  private final List<String> warnings = new ArrayList<>();

  @Test
  void aLedgerWritableByGroupOrOthersIsNotReadAndItsForgedGrantDoesNotCount() throws IOException {
    for (String mode : List.of("rw-rw----", "rw----rw-", "rw-rw-rw-")) {
      Path file = ledger("open-" + mode.hashCode() + ".jsonl", mode);
      ConsentLedger ledger = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO);

      ConsentStoreAccessException refused =
          assertThrows(ConsentStoreAccessException.class, () -> ledger.isGranted("u-1", "marketing"));
      assertEquals("consent store file:" + file + " is writable by group or others (mode " + mode
          + "), so they could record consent in anyone's name; run 'chmod 600 " + file
          + "' and check its records", refused.getMessage());
    }
  }

  @Test
  void nothingIsWrittenToALedgerOthersMayWrite() throws IOException {
    Path file = ledger("consent.jsonl", "rw-rw-r--");
    ConsentLedger ledger = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO);

    assertThrows(ConsentStoreAccessException.class, () -> ledger.grant("u-2", "marketing", "form"));
    assertEquals(GRANT, Files.readString(file));
  }

  @Test
  void aLedgerOpenedToOthersWhileInUseIsRefusedFromTheNextRead() throws IOException {
    Path file = ledger("consent.jsonl", "rw-------");
    ConsentLedger ledger = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO);
    assertEquals(true, ledger.isGranted("u-1", "marketing"));

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

    assertThrows(ConsentStoreAccessException.class, () -> ledger.isGranted("u-1", "marketing"));
  }

  @Test
  void readableByGroupIsAllowedAndAListingChecksTheModeToo() throws IOException {
    Path file = ledger("consent.jsonl", "rw-r-----");
    assertEquals(1, new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO)
        .history("u-1").size());

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
    FileConsentStore listing = new FileConsentStore(file, warnings::add, true);
    assertThrows(ConsentStoreAccessException.class, () -> listing.records("u-1"));
  }

  @Test
  void aMissingOrOwnLedgerHasNoProblem() throws IOException {
    assertEquals(Optional.empty(), LedgerFileAccess.problem(folder.resolve("none.jsonl"), true));
    assertEquals(Optional.empty(), LedgerFileAccess.problem(ledger("own.jsonl", "rw-------"), true));
  }

  @Test
  void aFolderInPlaceOfTheLedgerIsRefusedWithTheFileToName() throws IOException {
    Path named = Files.createDirectory(folder.resolve("consent"));
    String expected = "consent store file:" + named + " is a folder, not a file; name the ledger"
        + " file, for example file:" + named.resolve("consent.jsonl");
    assertEquals(Optional.of(expected), LedgerFileAccess.problem(named, true));

    ConsentLedger ledger = new ConsentLedger(new FileConsentStore(named, warnings::add), Duration.ZERO);
    ConsentStoreAccessException refused =
        assertThrows(ConsentStoreAccessException.class, () -> ledger.isGranted("u-1", "marketing"));
    assertEquals(expected, refused.getMessage());
  }

  @Test
  void aLedgerOfAnotherUserIsRefusedForDecisionsButCanBeListed() throws IOException {
    assumeTrue("root".equals(System.getProperty("user.name")), "only root can chown the ledger");
    Path file = ledger("consent.jsonl", "rw-r--r--");
    Files.setOwner(file, folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

    ConsentLedger ledger = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO);
    ConsentStoreAccessException refused =
        assertThrows(ConsentStoreAccessException.class, () -> ledger.isGranted("u-1", "marketing"));
    assertEquals("consent store file:" + file + " belongs to user 'nobody', not to user 'root', who"
        + " runs this process, so user 'nobody' could record consent in anyone's name; run 'chown root " + file
        + "' and check its records, or run the application as its owner", refused.getMessage());
    assertThrows(ConsentStoreAccessException.class, () -> ledger.grant("u-2", "marketing", "form"));
    assertEquals(GRANT, Files.readString(file));

    assertEquals(1, new FileConsentStore(file, warnings::add, true).records("u-1").size(),
        "an administrator may list the application's ledger");
  }

  private Path ledger(String name, String mode) throws IOException {
    Path file = Files.writeString(folder.resolve(name), GRANT);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }
}

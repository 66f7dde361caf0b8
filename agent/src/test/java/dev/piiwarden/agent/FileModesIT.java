package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folders the agent makes for the ledger, the trail and the key are its user's alone whatever
 * the umask, and a {@code file:} ledger that someone else could write stops the start.
 */
class FileModesIT {
  private static final String GRANTED = "ran:";

  @TempDir Path folder;

  @Test
  void foldersTheAgentCreatesAreOwnerOnlyUnderUmask000AndAnExistingFolderKeepsItsMode() throws Exception {
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path ledger = folder.resolve("led/a/b/consent.jsonl");
    Path trail = folder.resolve("aud/x/y/trail.jsonl");

    FixtureJvm.Result run = FixtureJvm.current().umask("000").directory(folder)
        .agent("consent.store=file:" + ledger + ",audit.sink=jsonl:" + trail)
        .runApp("ledger");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(GRANTED, run.outcome("grant").substring(0, GRANTED.length()), run::toString);
    for (String made : List.of("led", "led/a", "led/a/b", "aud", "aud/x", "aud/x/y")) {
      assertEquals("rwx------", mode(folder.resolve(made)), made);
    }
    for (Path file : List.of(ledger, trail, trail.resolveSibling("piiwarden-audit.key"))) {
      assertEquals("rw-------", mode(file), file.toString());
    }
    assertEquals("rwxr-xr-x", mode(folder), "a folder that was there keeps its mode");
  }

  @Test
  void aLedgerThatGroupOrOthersMayWriteStopsTheJvmWithOneLine() throws Exception {
    Path ledger = folder.resolve("consent.jsonl");
    Files.writeString(ledger, "");
    Files.setPosixFilePermissions(ledger, PosixFilePermissions.fromString("rw-rw-r--"));

    FixtureJvm.Result run = FixtureJvm.current().directory(folder)
        .agent("consent.store=file:" + ledger + ",audit.sink=jsonl:" + folder.resolve("t.jsonl"))
        .runApp("ledger");

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals("piiwarden: configuration error: piiwarden.consent.store: consent store file:" + ledger
        + " is writable by group or others (mode rw-rw-r--), so they could record consent in"
        + " anyone's name; run 'chmod 600 " + ledger + "' and check its records\n",
        ConsentEnforcementIT.agentLines(run.stderr()));
    assertFalse(run.stdout().contains("main=done"), run::toString);
    assertEquals("", Files.readString(ledger), "nothing was recorded");
    assertFalse(Files.exists(folder.resolve("t.jsonl")), "no trail was begun");
  }

  /**
   * A volume whose files are all open to the group (as a Kubernetes fsGroup leaves them): one
   * start names the ledger and the key file, not one of them per start.
   */
  @Test
  void aGroupWritableLedgerAndAGroupReadableKeyFileAreBothNamedByOneStart() throws Exception {
    Path ledger = folder.resolve("consent.jsonl");
    Files.writeString(ledger, "");
    Files.setPosixFilePermissions(ledger, PosixFilePermissions.fromString("rw-rw----"));
    Path key = folder.resolve("piiwarden-audit.key");
    Files.write(key, new byte[32]);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw----"));

    FixtureJvm.Result run = FixtureJvm.current().directory(folder)
        .agent("consent.store=file:" + ledger + ",audit.sink=jsonl:" + folder.resolve("t.jsonl"))
        .runApp("ledger");

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals("piiwarden: configuration error: piiwarden.consent.store: consent store file:" + ledger
        + " is writable by group or others (mode rw-rw----), so they could record consent in"
        + " anyone's name; run 'chmod 600 " + ledger + "' and check its records\n"
        + "piiwarden: configuration error: piiwarden.audit.key-file: audit key file " + key
        + " is open to group or others (mode rw-rw----); run 'chmod 600 " + key + "' and check that"
        + " nobody else copied the key\n",
        ConsentEnforcementIT.agentLines(run.stderr()));
    assertFalse(run.stdout().contains("main=done"), run::toString);
    assertFalse(Files.exists(folder.resolve("t.jsonl")), "no trail was begun");
    assertEquals("rw-rw----", mode(key), "the key file is left as it was");
  }

  @Test
  void aFolderNamedAsTheLedgerStopsTheJvmWithTheFileToName() throws Exception {
    Path ledger = Files.createDirectory(folder.resolve("consent"));

    FixtureJvm.Result run = FixtureJvm.current().directory(folder)
        .agent("consent.store=file:" + ledger + ",audit.sink=jsonl:" + folder.resolve("t.jsonl"))
        .runApp("ledger");

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals("piiwarden: configuration error: piiwarden.consent.store: consent store file:" + ledger
        + " is a folder, not a file; name the ledger file, for example file:" + ledger.resolve("consent.jsonl")
        + "\n", ConsentEnforcementIT.agentLines(run.stderr()));
    assertFalse(run.stdout().contains("main=done"), run::toString);
    assertFalse(Files.exists(folder.resolve("t.jsonl")), "no trail was begun");
  }

  /** Only root can give a file to another user; the check itself runs for any user. */
  @Test
  void aLedgerOfAnotherUserStopsTheJvm() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "only root can chown the ledger");
    Path ledger = folder.resolve("consent.jsonl");
    Files.writeString(ledger, "");
    Files.setPosixFilePermissions(ledger, PosixFilePermissions.fromString("rw-------"));
    UserPrincipal nobody = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    Files.setOwner(ledger, nobody);

    FixtureJvm.Result run = FixtureJvm.current().directory(folder)
        .agent("consent.store=file:" + ledger + ",audit.sink=none")
        .runApp("ledger");

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals("piiwarden: configuration error: piiwarden.consent.store: consent store file:" + ledger
        + " belongs to user 'nobody', not to user 'root', who runs this process, so user 'nobody'"
        + " could record consent in anyone's name; run 'chown root " + ledger + "' and check its records, or run"
        + " the application as its owner\n",
        ConsentEnforcementIT.agentLines(run.stderr()));
    assertFalse(run.stdout().contains("main=done"), run::toString);
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}

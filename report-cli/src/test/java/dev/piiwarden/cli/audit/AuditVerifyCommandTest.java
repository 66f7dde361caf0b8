package dev.piiwarden.cli.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.cli.CliResult;
import dev.piiwarden.cli.CliRun;
import dev.piiwarden.core.audit.TrailFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifyCommandTest {
  @TempDir Path folder;

  @Test
  void anUntouchedTrailVerifiesWithExit0() {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);

    CliResult result = CliRun.run("audit", "verify", trail.toString());

    assertEquals(0, result.exitCode(), result.describe());
    assertTrue(result.out().matches("OK: 6 records in 1 file verify; last seq 6, hash [0-9a-f]{64}\n"),
        result.out());
    assertEquals("", result.err());
  }

  @Test
  void anAnchorShowsRecordsCutOffCleanlyAtTheEnd() throws Exception {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);
    String ok = CliRun.run("audit", "verify", trail.toString()).out();
    String last = ok.substring(ok.indexOf("last seq ") + 9).replace(", hash ", ":").strip();

    CliResult holds = CliRun.run("audit", "verify", trail.toString(), "--anchor", last);
    assertEquals(0, holds.exitCode(), holds.describe());
    assertEquals(ok.strip() + "; anchor seq 6 holds\n", holds.out());

    Files.write(trail, Files.readAllLines(trail).subList(0, 4)); // the newest two records deleted
    CliResult alone = CliRun.run("audit", "verify", trail.toString());
    assertEquals(0, alone.exitCode(), "the chain alone cannot show it: " + alone.describe());
    CliResult cut = CliRun.run("audit", "verify", trail.toString(), "--anchor", last);
    assertEquals(1, cut.exitCode(), cut.describe());
    assertEquals(trail + ":4: seq 4: cut off: the trail ends here, but an earlier verification saw"
        + " seq 6 (the anchor): the records after this one were cut off, or the trail was replaced by"
        + " an older or another one\n", cut.out());
    assertEquals("", cut.err());
  }

  /** The oldest file deleted once its retention period ended: the rest verifies from its last record. */
  @Test
  void theFilesLeftAfterTheOldestWasDeletedVerifyWithAfter() throws Exception {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);
    List<String> lines = Files.readAllLines(trail);
    Path oldest = folder.resolve("piiwarden-audit.1.jsonl");
    Files.write(oldest, lines.subList(0, 4));
    Files.write(trail, lines.subList(4, lines.size()));
    String ok = CliRun.run("audit", "verify", oldest.toString(), "--key-file",
        folder.resolve("piiwarden-audit.key").toString()).out();
    String last = ok.substring(ok.indexOf("last seq ") + 9).replace(", hash ", ":").strip();
    Files.delete(oldest);

    CliResult alone = CliRun.run("audit", "verify", trail.toString());
    assertEquals(1, alone.exitCode(), alone.describe());
    assertTrue(alone.out().contains("records seq 1 to 4 are missing"), alone.out());
    CliResult after = CliRun.run("audit", "verify", trail.toString(), "--after", last);
    assertEquals(0, after.exitCode(), after.describe());
    assertTrue(after.out().startsWith("OK: 2 records in 1 file verify; last seq 6"), after.out());
    assertTrue(after.out().endsWith("; records up to seq 4 were deleted before these files\n"), after.out());

    CliResult bad = CliRun.run("audit", "verify", trail.toString(), "--after", "4");
    assertEquals(2, bad.exitCode(), bad.describe());
    assertEquals(List.of("piiwarden: --after '4' is not SEQ:HASH; pass the last seq and hash of the OK line of"
        + " the files deleted, e.g. --after 158630:<its 64 hex digits>"), bad.errLines());
    CliResult anchorDeleted = CliRun.run("audit", "verify", trail.toString(), "--after", last,
        "--anchor", "2:" + "0".repeat(64));
    assertEquals(2, anchorDeleted.exitCode(), anchorDeleted.describe());
    assertEquals(List.of("piiwarden: --anchor seq 2 is among the records deleted before seq 5 (--after), which the"
        + " files given do not hold; pass the anchor an OK line of these files gave"), anchorDeleted.errLines());
    CliResult disagree = CliRun.run("audit", "verify", trail.toString(), "--after", last,
        "--anchor", "4:" + "0".repeat(64));
    assertEquals(2, disagree.exitCode(), disagree.describe());
    assertEquals(List.of("piiwarden: --anchor and --after name different hashes for seq 4: one of them is not this"
        + " trail's; pass the values its OK lines gave"), disagree.errLines());
  }

  @Test
  void anAnchorWhoseRecordChangedIsExit1NamingIt() {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);

    CliResult result = CliRun.run("audit", "verify", trail.toString(), "--anchor", "3:" + "0".repeat(64));

    assertEquals(1, result.exitCode(), result.describe());
    assertTrue(result.out().matches(java.util.regex.Pattern.quote(trail.toString())
        + ":3: seq 3: rewritten: its hash is [0-9a-f]{64}, not the anchor's 0{64}: the trail was"
        + " rewritten from this record on \\(with the key\\), or it is another trail\n"), result.out());
  }

  @Test
  void anAnchorThatIsNotSeqColonHashIsExit2() {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);

    for (String bad : List.of("6", "6:abc", "x:" + "0".repeat(64), "0:" + "0".repeat(64))) {
      CliResult result = CliRun.run("audit", "verify", trail.toString(), "--anchor", bad);

      assertEquals(2, result.exitCode(), result.describe());
      assertEquals("", result.out());
      assertEquals(List.of("piiwarden: --anchor '" + bad + "' is not SEQ:HASH; pass the last seq and hash"
          + " of an earlier OK line, e.g. --anchor 48211:<its 64 hex digits>"), result.errLines());
    }
  }

  @Test
  void aTrailOfOneRecordIsSaidInTheSingular() throws Exception {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);
    java.nio.file.Files.write(trail, java.nio.file.Files.readAllLines(trail).subList(0, 1));

    CliResult result = CliRun.run("audit", "verify", trail.toString());

    assertEquals(0, result.exitCode(), result.describe());
    assertTrue(result.out().startsWith("OK: 1 record in 1 file verifies; last seq 1, hash "),
        result.out());
  }

  @Test
  void rotatedFilesGivenInGlobOrderVerifyInRotationOrder() throws Exception {
    Path trail = TrailFixture.write(folder, 300);
    List<Path> files = new ArrayList<>(TrailFiles.inOrder(trail));
    assertTrue(files.size() >= 3, files.toString());
    Collections.reverse(files);

    List<String> args = new ArrayList<>(List.of("audit", "verify"));
    files.forEach(file -> args.add(file.toString()));
    CliResult result = CliRun.run(args.toArray(String[]::new));

    assertEquals(0, result.exitCode(), result.describe());
    assertTrue(result.out().startsWith("OK: 6 records in " + files.size() + " files verify;"),
        result.out());
  }

  @Test
  void anEditedRecordIsExit1WithOneLineNamingIt() throws Exception {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);
    List<String> lines = new ArrayList<>(Files.readAllLines(trail));
    lines.set(2, lines.get(2).replace("support-agent-7", "support-agent-8"));
    Files.write(trail, lines);

    CliResult result = CliRun.run("audit", "verify", trail.toString());

    assertEquals(1, result.exitCode(), result.describe());
    assertEquals(trail + ":3: seq 3: edited: the record was changed after it was written: its"
        + " hash does not match its content\n", result.out());
  }

  @Test
  void aDeletedRecordIsExit1NamingTheGap() throws Exception {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);
    List<String> lines = new ArrayList<>(Files.readAllLines(trail));
    lines.remove(3);
    Files.write(trail, lines);

    CliResult result = CliRun.run("audit", "verify", trail.toString());

    assertEquals(1, result.exitCode(), result.describe());
    assertEquals(trail + ":4: seq 5: missing: record seq 4 is missing before this record"
        + " (deleted)\n", result.out());
  }

  @Test
  void aMissingKeyFileIsExit2WithOneLine() {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);
    Path key = folder.resolve("other.key");

    CliResult result = CliRun.run("audit", "verify", trail.toString(), "--key-file", key.toString());

    assertEquals(2, result.exitCode(), result.describe());
    assertEquals(List.of("piiwarden: audit key file " + key + " does not exist; pass the key file"
        + " the trail was written with (--key-file or piiwarden.audit.key-file)"), result.errLines());
    assertEquals("", result.out());
  }

  /** A device is no key file: said so, not the chmod advice for a key file open to others. */
  @Test
  void aKeyFileThatIsNoRegularFileIsExit2SayingSo() {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);

    for (String command : List.of("verify", "query")) {
      List<String> args = new java.util.ArrayList<>(List.of("audit", command, trail.toString(), "--key-file",
          "/dev/null"));
      if (command.equals("query")) {
        args.addAll(List.of("--subject", "u-1"));
      }
      CliResult result = CliRun.run(args.toArray(String[]::new));

      assertEquals(2, result.exitCode(), result.describe());
      assertEquals(List.of("piiwarden: audit key file /dev/null is not a regular file (a device, a pipe or a"
          + " socket), so it holds no key; pass the key file itself with --key-file K"), result.errLines());
      assertEquals("", result.out());
    }
  }

  /**
   * A trail file given to --key-file is told as what it is, a trail and not a key, whether it is one
   * of the FILEs too or another trail; its bytes are never read as the key.
   */
  @Test
  void aTrailFileAsTheKeyFileIsExit2SayingToPassTheKeyFile() throws Exception {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);
    Path other = Files.copy(trail, folder.resolve("other-audit.jsonl"));

    for (Path keyFile : List.of(trail, other)) {
      for (String command : List.of("verify", "query")) {
        List<String> args = new ArrayList<>(List.of("audit", command, trail.toString(), "--key-file",
            keyFile.toString()));
        if (command.equals("query")) {
          args.addAll(List.of("--subject", "u-42"));
        }
        CliResult result = CliRun.run(args.toArray(String[]::new));

        assertEquals(2, result.exitCode(), result.describe());
        assertEquals(List.of("piiwarden: --key-file " + keyFile + " is an audit trail file (it holds audit"
            + " records), not an audit key file; pass the key file the trail was written with, e.g."
            + " piiwarden-audit.key beside the trail, with --key-file K"), result.errLines());
        assertEquals("", result.out());
      }
    }
  }

  @Test
  void aMissingAuditFileIsExit2() {
    CliResult result = CliRun.run("audit", "verify", folder.resolve("nope.jsonl").toString());

    assertEquals(2, result.exitCode(), result.describe());
    assertEquals(1, result.errLines().size(), result.describe());
    assertTrue(result.err().startsWith("piiwarden: audit file " + folder.resolve("nope.jsonl")
        + " does not exist;"), result.err());
  }

  @Test
  void aTrailConvertedToCrLfIsExit2SayingHowToConvertItBack() throws Exception {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);
    Files.writeString(trail, Files.readString(trail).replace("\n", "\r\n"));

    CliResult result = CliRun.run("audit", "verify", trail.toString());

    assertEquals(2, result.exitCode(), result.describe());
    assertEquals(1, result.errLines().size(), result.describe());
    assertTrue(result.err().startsWith("piiwarden: audit file " + trail + " has lines that end in CR LF,"),
        result.err());
    assertTrue(result.err().contains("(dos2unix " + trail + ")"), result.err());
  }

  /**
   * {@code piiwarden audit verify piiwarden-audit*}: the glob takes the key file and the lock file
   * too. The key file is refused (exit 2, its content never shown), saying to pass it with
   * --key-file; lock files are no trail files and are left out.
   */
  @Test
  void theKeyFileAmongTheFilesIsExit2SayingToPassItWithKeyFile() throws Exception {
    Path trail = TrailFixture.write(folder, 300);
    Path key = folder.resolve("piiwarden-audit.key");
    Files.writeString(folder.resolve("piiwarden-audit.jsonl.lock"), "");
    List<String> args = new ArrayList<>(List.of("audit", "verify"));
    try (var glob = Files.newDirectoryStream(folder, "piiwarden-audit*")) {
      glob.forEach(file -> args.add(file.toString()));
    }
    assertTrue(args.contains(key.toString()), args.toString());

    CliResult result = CliRun.run(args.toArray(String[]::new));

    assertEquals(2, result.exitCode(), result.describe());
    assertEquals(List.of("piiwarden: " + key + " is the audit key file, not a trail file: pass it"
        + " with --key-file (by default piiwarden-audit.key beside the first trail file is used),"
        + " and the trail's files as FILE, e.g. piiwarden-audit.*.jsonl piiwarden-audit.jsonl"),
        result.errLines());
    assertEquals("", result.out());
    String keyBytes = new String(Files.readAllBytes(key), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(!result.err().contains(keyBytes.trim()), "the key's content is never shown");

    CliResult query = CliRun.run("audit", "query", trail.toString(), key.toString(), "--subject", "u-42");
    assertEquals(2, query.exitCode(), query.describe());
    assertTrue(query.err().startsWith("piiwarden: " + key + " is the audit key file, not a trail"
        + " file: pass it with --key-file"), query.err());
  }

  @Test
  void lockFilesAmongTheFilesAreLeftOut() throws Exception {
    Path trail = TrailFixture.write(folder, 300);
    Files.writeString(folder.resolve("piiwarden-audit.jsonl.lock"), "");
    List<String> args = new ArrayList<>(List.of("audit", "verify"));
    try (var glob = Files.newDirectoryStream(folder, "piiwarden-audit*.jsonl*")) {
      glob.forEach(file -> args.add(file.toString()));
    }
    int files = TrailFiles.inOrder(trail).size();

    CliResult result = CliRun.run(args.toArray(String[]::new));

    assertEquals(0, result.exitCode(), result.describe());
    assertTrue(result.out().startsWith("OK: 6 records in " + files + " files verify;"), result.out());

    CliResult query = CliRun.run("audit", "query", trail.toString(),
        folder.resolve("piiwarden-audit.jsonl.lock").toString(), "--subject", "u-42");
    assertEquals(0, query.exitCode(), query.describe());
  }

  @Test
  void aFileGivenTwiceIsExit2SayingSo() throws Exception {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);

    CliResult result = CliRun.run("audit", "verify", trail.toString(),
        folder.resolve(".").resolve("piiwarden-audit.jsonl").toString());

    assertEquals(2, result.exitCode(), result.describe());
    assertEquals(List.of("piiwarden: audit file " + folder.resolve(".").resolve("piiwarden-audit.jsonl")
        + " is given twice; pass each of the trail's files once, e.g. piiwarden-audit.*.jsonl"
        + " piiwarden-audit.jsonl"), result.errLines());
    assertEquals("", result.out());
  }

  @Test
  void noFileIsAUsageError() {
    CliResult result = CliRun.run("audit", "verify");

    assertEquals(2, result.exitCode(), result.describe());
    assertEquals(1, result.errLines().size(), result.describe());
  }

  @Test
  void auditWithoutACommandIsAUsageError() {
    CliResult result = CliRun.run("audit");

    assertEquals(2, result.exitCode(), result.describe());
    assertEquals(List.of("piiwarden: a command is required (verify, query); run 'piiwarden audit"
        + " --help' for usage"), result.errLines());
  }
}

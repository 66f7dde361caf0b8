package dev.piiwarden.cli.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piiwarden.cli.CliResult;
import dev.piiwarden.cli.CliRun;
import dev.piiwarden.core.audit.AuditEvent;
import dev.piiwarden.core.audit.AuditEventType;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditTrail;
import dev.piiwarden.core.audit.AuditTrailOptions;
import dev.piiwarden.core.audit.FsyncPolicy;
import dev.piiwarden.core.audit.Pseudonymizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditQueryCommandTest {
  @TempDir Path folder;

  @Test
  void tableListsTheSubjectsEventsOnly() {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);

    CliResult result = CliRun.run("audit", "query", trail.toString(), "--subject", "u-42");

    assertEquals(0, result.exitCode(), result.describe());
    List<String> lines = result.out().lines().toList();
    assertTrue(lines.get(0).matches("subject hmac:[0-9a-f]{64}: 3 events"), lines.get(0));
    assertEquals(
        """
        SEQ  TS                           TYPE            ACTIVITY                                 PURPOSES                        CATEGORIES                    REASON       ACTOR            DETAILS
        2    2026-11-22T10:15:33.123456Z  consent.denied  com.acme.Newsletter#send(com.acme.User)  marketing.communications.email  user.contact.email            NOT_GRANTED  svc-crm          -
        3    2026-11-22T10:15:34.123456Z  access          com.acme.Users#fetch(java.lang.String)   essential.service               user.contact.email,user.name  -            support-agent-7  -
        5    2026-11-22T10:15:36.123456Z  access          com.acme.Users#export(java.lang.String)  essential.service               user                          -            svc-export       -
        """,
        result.out().substring(result.out().indexOf('\n') + 1));
    assertFalse(result.out().contains("u-42"), "the id is never printed");
    assertEquals("", result.err());
  }

  @Test
  void jsonGivesTheRecordsAsWritten() throws Exception {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);

    CliResult result = CliRun.run("audit", "query", trail.toString(), "--subject", "u-7",
        "--format", "json");

    assertEquals(0, result.exitCode(), result.describe());
    JsonNode answer = new ObjectMapper().readTree(result.out());
    assertEquals(1, answer.get("events").size());
    JsonNode event = answer.get("events").get(0);
    assertEquals("consent.changed", event.get("type").asText());
    assertEquals("settings", event.get("source").asText());
    assertEquals(answer.get("subject").asText(), event.get("subject").asText());
    assertEquals(Files.readAllLines(trail).get(3) + "\n]}\n",
        result.out().substring(result.out().indexOf('\n') + 1));
  }

  @Test
  void sinceAndUntilKeepTheEventsOfATimeWindow() {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);

    CliResult since = CliRun.run("audit", "query", trail.toString(), "--subject", "u-42",
        "--since", "2026-11-22T10:15:34Z");
    CliResult until = CliRun.run("audit", "query", trail.toString(), "--subject", "u-42",
        "--until", "2026-11-22T10:15:34.123456Z");
    CliResult day = CliRun.run("audit", "query", trail.toString(), "--subject", "u-42",
        "--since", "2026-11-22", "--until", "2026-11-22");
    CliResult nextDay = CliRun.run("audit", "query", trail.toString(), "--subject", "u-42",
        "--since", "2026-11-23");

    assertEquals(0, since.exitCode(), since.describe());
    assertEquals(List.of("3", "5"), seqs(since));
    assertTrue(since.out().matches("(?s)subject hmac:[0-9a-f]{64}: 2 events since 2026-11-22T10:15:34Z\n.*"),
        since.out());
    assertEquals(List.of("2"), seqs(until), "--until is exclusive for an instant");
    assertTrue(until.out().contains(": 1 event before 2026-11-22T10:15:34.123456Z\n"), until.out());
    assertEquals(List.of("2", "3", "5"), seqs(day), "a date as --until includes that whole day");
    assertTrue(nextDay.out().matches("subject hmac:[0-9a-f]{64}: 0 events since 2026-11-23T00:00:00Z\n"),
        nextDay.out());
    assertEquals("", since.err() + until.err() + day.err() + nextDay.err());
  }

  @Test
  void typeKeepsEventsOfThoseTypesOrFamilies() throws Exception {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);

    assertEquals(List.of("3", "5"), seqs(CliRun.run("audit", "query", trail.toString(), "--subject", "u-42",
        "--type", "access")));
    assertEquals(List.of("2"), seqs(CliRun.run("audit", "query", trail.toString(), "--subject", "u-42",
        "--type", "consent")));
    assertEquals(List.of("2", "3"), seqs(CliRun.run("audit", "query", trail.toString(), "--subject", "u-42",
        "--type", "consent.denied", "--type", "access", "--until", "2026-11-22T10:15:35Z")));

    CliResult json = CliRun.run("audit", "query", trail.toString(), "--subject", "u-42",
        "--type", "access,consent.denied", "--since", "2026-11-22", "--format", "json");
    assertEquals(0, json.exitCode(), json.describe());
    JsonNode answer = new ObjectMapper().readTree(json.out());
    assertEquals("2026-11-22T00:00:00Z", answer.get("since").asText());
    assertFalse(answer.has("until"));
    assertEquals("[\"access\",\"consent.denied\"]", answer.get("types").toString());
    assertEquals(3, answer.get("events").size());
  }

  @Test
  void aFailedAccessIsATypeOfItsOwnAndBelongsToTheAccessFamily() {
    Path active = folder.resolve("piiwarden-audit.jsonl");
    try (AuditTrail trail = AuditTrail.open(AuditTrailOptions.defaults().sink("jsonl:" + active)
        .fsync(FsyncPolicy.never()).problems(problem -> { throw new AssertionError(problem); }))) {
      String subject = trail.pseudonymizer().pseudonym("u-42");
      for (String type : List.of(AuditEventType.ACCESS, AuditEventType.ACCESS_FAILED)) {
        AuditEvent.Builder event = AuditEvent.of(type).subject(subject).purposes("essential.legal_obligation")
            .activity("com.acme.Accounts#erase(java.lang.String)").categories("user.contact.email");
        trail.record((type.equals(AuditEventType.ACCESS) ? event : event.reason("com.acme.NoSuchAccount")).build());
      }
    }
    assertEquals(List.of("2"), seqs(CliRun.run("audit", "query", active.toString(), "--subject", "u-42",
        "--type", "access.failed")));
    assertEquals(List.of("1", "2"), seqs(CliRun.run("audit", "query", active.toString(), "--subject", "u-42",
        "--type", "access")));
  }

  @Test
  void aTimeOrTypeThatIsNotUnderstoodIsAUsageErrorNotAnEmptyAnswer() {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);

    CliResult time = CliRun.run("audit", "query", trail.toString(), "--subject", "u-42", "--since", "yesterday");
    CliResult window = CliRun.run("audit", "query", trail.toString(), "--subject", "u-42",
        "--since", "2026-11-23", "--until", "2026-11-22");
    CliResult type = CliRun.run("audit", "query", trail.toString(), "--subject", "u-42", "--type", "acess");

    for (CliResult result : List.of(time, window, type)) {
      assertEquals(2, result.exitCode(), result.describe());
      assertEquals("", result.out());
      assertEquals(1, result.errLines().size(), result.describe());
    }
    assertEquals("piiwarden: --since 'yesterday' is neither a date nor an instant; pass an ISO date"
        + " (2026-11-01, a whole UTC day) or an ISO instant (2026-11-01T09:30:00Z)", time.errLines().get(0));
    assertTrue(window.errLines().get(0).startsWith("piiwarden: --since 2026-11-23 is not before --until"
        + " 2026-11-22, so no event could match"), window.err());
    assertTrue(type.errLines().get(0).startsWith("piiwarden: --type 'acess' is not an audit event type; pass"
        + " one or more of agent.started, "), type.err());
  }

  @Test
  void anEventWhoseTimeCannotBeReadIsLeftOutOfAWindowWithAWarning() throws Exception {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);
    List<String> lines = new ArrayList<>(Files.readAllLines(trail));
    lines.set(2, lines.get(2).replace("2026-11-22T10:15:34.123456Z", "yesterday")); // seq 3
    Files.write(trail, lines);

    CliResult result = CliRun.run("audit", "query", trail.toString(), "--subject", "u-42",
        "--since", "2026-11-22");

    assertEquals(List.of("2", "5"), seqs(result));
    assertEquals(2, result.errLines().size(), result.describe());
    assertTrue(result.errLines().get(0).startsWith("piiwarden: warning: the trail does not verify ("),
        result.err());
    assertEquals("piiwarden: warning: 1 events about the subject have no readable time (ts) and are left"
        + " out by --since and --until; 'piiwarden audit verify' on the same trail names the damage,"
        + " a query without --since and --until lists them", result.errLines().get(1));
  }

  /** The SEQ column of a table answer. */
  private static List<String> seqs(CliResult result) {
    assertEquals(0, result.exitCode(), result.describe());
    return result.out().lines().skip(2).map(line -> line.split(" +")[0]).toList();
  }

  @Test
  void anUnknownSubjectHasNoEvents() {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);

    CliResult result = CliRun.run("audit", "query", trail.toString(), "--subject", "nobody");

    assertEquals(0, result.exitCode(), result.describe());
    assertTrue(result.out().matches("subject hmac:[0-9a-f]{64}: 0 events\n"), result.out());
    assertEquals("", result.err());
  }

  /**
   * An e-mail address or a phone number as --subject, with no event about it, is most likely the
   * contact details an officer holds rather than the application's subject id: one warning says so,
   * without the value; the answer and exit 0 stay.
   */
  @Test
  void contactDetailsWithoutEventsAreToldToBeLookedUpAsTheSubjectsId() {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);

    for (String[] contact : List.of(new String[] {"ana.lima@example.com", "an e-mail address"},
        new String[] {"+44 20 7946 0958", "a phone number"})) {
      CliResult result = CliRun.run("audit", "query", trail.toString(), "--subject", contact[0]);

      assertEquals(0, result.exitCode(), result.describe());
      assertTrue(result.out().matches("subject hmac:[0-9a-f]{64}: 0 events\n"), result.out());
      assertEquals(List.of("piiwarden: warning: no event is about --subject, which holds " + contact[1]
          + ": the trail's subjects are the application's own subject ids (as @DataSubject and the consent"
          + " ledger hold them), not contact details; look the subject's id up from the contact details"
          + " first, then query with that id"), result.errLines());
      assertFalse(result.err().contains(contact[0]), "the value is never printed");
    }

    // the subject's own id, and a window that leaves its events out, give no such warning
    CliResult outside = CliRun.run("audit", "query", trail.toString(), "--subject", "u-42", "--since",
        "2026-11-23");
    assertEquals("", outside.err());
  }

  @Test
  void aTrailThatDoesNotVerifyIsQueriedWithAWarning() throws Exception {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);
    List<String> lines = new ArrayList<>(Files.readAllLines(trail));
    lines.remove(0);
    Files.write(trail, lines);

    CliResult result = CliRun.run("audit", "query", trail.toString(), "--subject", "u-42");

    assertEquals(0, result.exitCode(), result.describe());
    assertEquals(List.of("piiwarden: warning: the trail does not verify (" + trail + ":1: seq 2:"
        + " missing: record seq 1 is missing before this record (deleted, or earlier rotated files"
        + " were not given: pass them too, oldest first; files deleted on purpose, once their retention"
        + " period ended, are verified past with --after SEQ:HASH, the last seq and hash of the deleted"
        + " files' own OK line)); the events below may be incomplete or"
        + " altered, run 'piiwarden audit verify' on the same trail"), result.errLines());
    assertTrue(result.out().startsWith("subject hmac:"), result.out());
  }

  /**
   * With another key every pseudonym differs from the trail's, so "0 events" would be a false
   * answer to an access request: no event list, exit 2.
   */
  @Test
  void aKeyThatIsNotTheTrailsIsRefusedInsteadOfAnsweringNoEvents() throws Exception {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);
    Path otherKey = folder.resolve("other.key");
    Files.write(otherKey, new byte[32]);
    Files.setPosixFilePermissions(otherKey, PosixFilePermissions.fromString("rw-------"));

    for (String format : List.of("table", "json")) {
      CliResult result = CliRun.run("audit", "query", trail.toString(), "--key-file", otherKey.toString(),
          "--subject", "u-42", "--format", format);

      assertEquals(2, result.exitCode(), result.describe());
      assertEquals("", result.out());
      assertEquals(List.of("piiwarden: no record of the trail (1 file) verifies with audit key file "
          + otherKey + ": it is not the trail's key, and its events cannot be matched to a subject"
          + " with it; give the key file the trail was written with, --key-file K"), result.errLines());
    }
  }

  @Test
  void aPseudonymIsMatchedAsItIsNotPseudonymisedAgain() throws Exception {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);
    String pseudonym = new Pseudonymizer(AuditKey.load(folder.resolve(AuditKey.DEFAULT_FILE_NAME)))
        .pseudonym("u-42");

    CliResult byId = CliRun.run("audit", "query", trail.toString(), "--subject", "u-42");
    CliResult byPseudonym = CliRun.run("audit", "query", trail.toString(), "--subject", pseudonym);

    assertEquals(0, byPseudonym.exitCode(), byPseudonym.describe());
    assertTrue(byPseudonym.out().startsWith("subject " + pseudonym + ": 3 events\n"), byPseudonym.out());
    assertEquals(byId.out(), byPseudonym.out());
  }

  @Test
  void subjectIsRequired() {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);

    CliResult result = CliRun.run("audit", "query", trail.toString());

    assertEquals(2, result.exitCode(), result.describe());
    assertEquals(1, result.errLines().size(), result.describe());
  }

  @Test
  void anEmptySubjectIsAUsageErrorAsInConsentGrant() {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);

    CliResult result = CliRun.run("audit", "query", trail.toString(), "--subject", " ");

    assertEquals(2, result.exitCode(), result.describe());
    assertEquals("piiwarden: --subject is empty; pass a value\n", result.err());
    assertEquals("", result.out());
  }

  @Test
  void aBadFormatIsAUsageError() {
    Path trail = TrailFixture.write(folder, Long.MAX_VALUE);

    CliResult result = CliRun.run("audit", "query", trail.toString(), "--subject", "u-42",
        "--format", "xml");

    assertEquals(2, result.exitCode(), result.describe());
    assertTrue(result.err().contains("expected one of table, json but was 'xml'"), result.err());
  }
}

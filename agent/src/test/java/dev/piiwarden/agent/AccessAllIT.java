package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.fixture.AuditFixtureApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditVerifier;
import dev.piiwarden.core.audit.Pseudonymizer;
import dev.piiwarden.core.audit.VerificationReport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code piiwarden.audit.access=all}: the activities of a class's inventory fragment (test resource
 * {@code com.acme.fixture.catalog.Statements.json}) that read personal data emit {@code access}
 * events without being {@code @ConsentRequired}; with {@code annotated} they emit none.
 */
class AccessAllIT {
  private static final String STATEMENTS = "com.acme.fixture.catalog.Statements#";
  private static final String SEND = STATEMENTS + "send(java.lang.String,com.acme.fixture.catalog.Member)";
  private static final String SUMMARY = STATEMENTS + "summary(com.acme.fixture.catalog.Member)";
  private static final String REMIND = STATEMENTS + "remind(com.acme.fixture.Customer)";
  private static final String AWARD = "com.acme.fixture.catalog.Loyalty#award(java.lang.String,"
      + "com.acme.fixture.catalog.Member,java.lang.String)";

  @TempDir Path folder;

  @Test
  void allGivesAnAccessEventPerCallOfEachActivityThatReadsPersonalData() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    FixtureJvm.Result run = runActivities("audit.sink=jsonl:" + trail + ",audit.access=all");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(run.stderr()), run::toString);
    assertEquals("sent", run.outcome("send"), "the methods run as before");
    assertEquals("6", run.outcome("total"));
    assertEquals("ran:awarded", run.outcome("granted"));
    AuditKey key = AuditKey.load(folder.resolve("piiwarden-audit.key"));
    VerificationReport report = new AuditVerifier(key).verify(List.of(trail));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());

    List<JsonNode> events = events(trail);
    assertEquals(List.of("agent.started", "access", "access", "access", "consent.changed",
        "consent.granted", "access", "agent.stopped"), types(events), events::toString);
    Pseudonymizer pseudonyms = new Pseudonymizer(key);
    assertAccess(events.get(1), SEND, pseudonyms.pseudonym("u-7"), "[user.contact.email]", "[\"billing\"]");
    assertAccess(events.get(2), SUMMARY, pseudonyms.pseudonym("u-42"), "[user.contact.email]",
        "[\"billing\"]");
    assertAccess(events.get(3), REMIND, pseudonyms.pseudonym("u-9"), "[user.contact.email]",
        "[\"billing\"]");
    // the @ConsentRequired method: its decision and one access, not two
    assertAccess(events.get(6), AWARD, pseudonyms.pseudonym("u-42"),
        "[user.contact.email, user.contact.phone_number]", "[\"marketing\"]");
    String text = Files.readString(trail);
    assertFalse(text.contains("#total(int)"), "an activity that reads no personal data: no event");
    assertFalse(text.contains("#unlisted("), "a method not in the fragment: no event");
    for (String personal : List.of("\"u-7\"", "\"u-9\"", "u-42\"", "m@example.com", "c@example.com")) {
      assertFalse(text.contains(personal), personal);
    }
  }

  @Test
  void annotatedGivesNoEventForActivitiesThatAreNotConsentRequired() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    FixtureJvm.Result run = runActivities("audit.sink=jsonl:" + trail);

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(run.stderr()), run::toString);
    List<JsonNode> events = events(trail);
    assertEquals(List.of("agent.started", "consent.changed", "consent.granted", "access",
        "agent.stopped"), types(events), events::toString);
    assertEquals(AWARD, events.get(3).get("activity").asText());
    assertFalse(Files.readString(trail).contains(STATEMENTS));
  }

  private static FixtureJvm.Result runActivities(String agentArguments) throws Exception {
    String classPath = String.join(File.pathSeparator, FixtureJvm.testClasses().toString(),
        FixtureJvm.annotations().toString());
    return FixtureJvm.current().agent(agentArguments)
        .run(List.of("-cp", classPath, AuditFixtureApp.class.getName(), "activities"));
  }

  private static void assertAccess(
      JsonNode event, String activity, String subject, String categories, String purposes) {
    assertEquals("access", event.get("type").asText(), event::toString);
    assertEquals(activity, event.get("activity").asText(), event::toString);
    assertEquals(subject, event.get("subject").asText(), event::toString);
    assertEquals("support-agent-7", event.get("actor").asText(), event::toString);
    assertEquals(purposes, event.get("purposes").toString(), event::toString);
    List<String> values = new ArrayList<>();
    event.get("categories").forEach(value -> values.add(value.asText()));
    assertEquals(categories, values.toString(), event::toString);
  }

  /** The records of a {@code jsonl:} trail, parsed, in order. */
  static List<JsonNode> events(Path trail) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    for (String line : Files.readAllLines(trail)) {
      events.add(new ObjectMapper().readTree(line));
    }
    return events;
  }

  private static List<String> types(List<JsonNode> events) {
    return events.stream().map(event -> event.get("type").asText()).toList();
  }
}

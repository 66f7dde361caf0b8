package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditQuery;
import dev.piiwarden.core.audit.AuditVerifier;
import dev.piiwarden.core.audit.Pseudonymizer;
import dev.piiwarden.core.audit.VerificationReport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From source to trail: an application compiled with the real processor, run with {@code
 * audit.access=all}. Activities without {@code @ConsentRequired} whose parameters give the data
 * subject (a {@code @DataSubject} parameter, a record parameter with a {@code @DataSubject}
 * component) write {@code access} events with that subject's pseudonym, with no {@code
 * PrivacyContext} set, so {@link AuditQuery} finds them for the subject's access request.
 */
class CompiledAccessSubjectIT {
  private static final String ACCOUNTS = "com.acme.compiled.Accounts#";
  private static final String STORE = ACCOUNTS + "store(com.acme.compiled.Customer)";
  private static final String CHANGE_EMAIL = ACCOUNTS + "changeEmail(java.lang.String,java.lang.String)";
  private static final String DOMAIN_OF = ACCOUNTS + "domainOf(com.acme.compiled.Customer)";

  private static final Map<String, String> SOURCES = Map.of(
      "com/acme/compiled/Customer.java", """
          package com.acme.compiled;
          import dev.piiwarden.annotations.*;
          public record Customer(
              @DataSubject String id,
              @PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = Purpose.ESSENTIAL_SERVICE)
                  String email) {}
          """,
      "com/acme/compiled/Accounts.java", """
          package com.acme.compiled;
          import dev.piiwarden.annotations.*;
          public class Accounts {
            @ProcessingActivity(name = "Store customer", purposes = Purpose.ESSENTIAL_SERVICE)
            public String store(Customer customer) {
              return "stored:" + customer.email().length();
            }

            @ProcessingActivity(name = "Change email", purposes = Purpose.ESSENTIAL_SERVICE)
            public String changeEmail(@DataSubject String customerId,
                @PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = Purpose.ESSENTIAL_SERVICE)
                    String email) {
              return "changed";
            }

            // no annotation: an activity because it reads personal data
            public static String domainOf(Customer customer) {
              return customer.email().substring(customer.email().indexOf('@') + 1);
            }
          }
          """,
      "com/acme/compiled/AccountsApp.java", """
          package com.acme.compiled;
          public class AccountsApp {
            public static void main(String[] args) {
              Accounts accounts = new Accounts();
              System.out.println("store=" + accounts.store(new Customer("cust-42", "jane@example.com")));
              System.out.println("changeEmail=" + accounts.changeEmail("cust-42", "jane.doe@example.com"));
              System.out.println("domainOf=" + Accounts.domainOf(new Customer("cust-7", "max@example.org")));
            }
          }
          """);

  @TempDir Path folder;

  @Test
  void accessEventsOfActivitiesWithoutConsentCarryTheSubjectTheirParametersGive() throws Exception {
    Path classes = compile();
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    FixtureJvm.Result run = FixtureJvm.current()
        .agent("audit.sink=jsonl:" + trail + ",audit.access=all")
        .run(List.of("-cp", classes + File.pathSeparator + FixtureJvm.annotations(),
            "com.acme.compiled.AccountsApp"));

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(run.stderr()), run::toString);
    assertEquals("stored:16", run.outcome("store"), "the methods run as before");
    assertEquals("example.org", run.outcome("domainOf"));
    AuditKey key = AuditKey.load(folder.resolve("piiwarden-audit.key"));
    VerificationReport report = new AuditVerifier(key).verify(List.of(trail));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());

    List<JsonNode> events = AccessAllIT.events(trail);
    assertEquals(List.of("agent.started", "access", "access", "access", "agent.stopped"),
        events.stream().map(event -> event.get("type").asText()).toList(), events::toString);
    Pseudonymizer pseudonyms = new Pseudonymizer(key);
    assertAccess(events.get(1), STORE, pseudonyms.pseudonym("cust-42"), List.of("essential.service"));
    assertAccess(events.get(2), CHANGE_EMAIL, pseudonyms.pseudonym("cust-42"), List.of("essential.service"));
    assertAccess(events.get(3), DOMAIN_OF, pseudonyms.pseudonym("cust-7"), List.of());

    // what `piiwarden audit query --subject` answers
    AuditQuery query = new AuditQuery(key);
    assertEquals(List.of(STORE, CHANGE_EMAIL), activities(query.about(List.of(trail), "cust-42")));
    assertEquals(List.of(DOMAIN_OF), activities(query.about(List.of(trail), "cust-7")));
    String text = Files.readString(trail);
    for (String personal : List.of("cust-42", "cust-7", "@example.com", "@example.org")) {
      assertFalse(text.contains(personal), personal);
    }
  }

  /** The three sources compiled with the processor, fragments and descriptors beside the classes. */
  private Path compile() throws Exception {
    Path classes = ProcessedSources.compile(folder, SOURCES,
        List.of("-classpath", FixtureJvm.annotations().toString()));
    assertTrue(Files.isRegularFile(classes.resolve("META-INF/piiwarden/types/com.acme.compiled.Accounts.json")),
        "the processor wrote the fragment");
    return classes;
  }

  private static void assertAccess(JsonNode event, String activity, String subject, List<String> purposes) {
    assertEquals("access", event.get("type").asText(), event::toString);
    assertEquals(activity, event.get("activity").asText(), event::toString);
    assertEquals(subject, event.path("subject").asText("(none)"), event::toString);
    assertEquals(purposes, texts(event.path("purposes")), event::toString);
    assertEquals(List.of("user.contact.email"), texts(event.path("categories")), event::toString);
  }

  /** The texts of a JSON array, none for a field left out. */
  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(value -> texts.add(value.asText()));
    return texts;
  }

  private static List<String> activities(List<AuditQuery.Match> matches) {
    return matches.stream().map(match -> {
      assertEquals("access", match.fields().get("type"), match::json);
      return (String) match.fields().get("activity");
    }).toList();
  }
}

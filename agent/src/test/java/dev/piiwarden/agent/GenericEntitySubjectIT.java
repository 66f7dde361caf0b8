package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A real JVM with {@code -javaagent}: the subject of a consent-gated method is read from the
 * {@code @DataSubject ID id} of a generic base entity ({@code BaseEntity<ID>}), whose declared
 * type is erased to Object, for String, UUID and Long ids.
 */
class GenericEntitySubjectIT {
  private static final String EMAIL = "[marketing.communications.email]";

  @Test
  void theIdOfAGenericBaseEntityIsTheSubject() throws Exception {
    FixtureJvm.Result run = FixtureJvm.current().agent(null).runApp("generic-entity");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(run.stderr()), "the agent says nothing when all is well");
    // NOT_GRANTED, not NO_SUBJECT: the subject was found in the inherited field
    assertEquals("denied:NOT_GRANTED:" + EMAIL, run.outcome("stringDenied"));
    assertEquals("denied:NOT_GRANTED:" + EMAIL, run.outcome("uuidDenied"));
    assertEquals("denied:NOT_GRANTED:" + EMAIL, run.outcome("longDenied"));
    assertEquals("ran:sent", run.outcome("string"), "granted to the String id");
    assertEquals("ran:sent", run.outcome("uuid"), "granted to the UUID's text");
    assertEquals("ran:sent", run.outcome("long"), "granted to the Long's text");
  }
}

package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expiry from a file ledger, monitor mode, and a store that is down under deny and allow. */
class DecisionPolicyIT {
  private static final String DOWN = "jdbc:postgresql://127.0.0.1:1/consent?connectTimeout=2&password=s3cret";

  @TempDir Path folder;

  @Test
  void expiredGrantInASharedFileLedgerDenies() throws Exception {
    Path ledger = folder.resolve("consent.jsonl");
    Files.writeString(
        ledger,
        "{\"subject\":\"u-expired\",\"purpose\":\"marketing\",\"state\":\"GRANTED\",\"time\":\"2020-01-01T00:00:00Z\","
            + "\"source\":\"import\",\"expires\":\""
            + Instant.now().minusSeconds(60)
            + "\"}\n");
    FixtureJvm.Result run =
        FixtureJvm.current().agent("consent.store=file:" + ledger).runApp("expired");
    assertEquals("denied:EXPIRED:[marketing.communications.email]", run.outcome("expired"), run::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(run.stderr()));
  }

  @Test
  void monitorModeNeverBlocks() throws Exception {
    FixtureJvm.Result run =
        FixtureJvm.current().env("PIIWARDEN_CONSENT_MODE", "monitor").agent(null).runApp("enforce");
    assertEquals("ran:sent", run.outcome("notGranted"), run::toString);
    assertEquals("ran:sent", run.outcome("noSubject"));
    assertEquals("ran:42", run.outcome("skip.int"));
    assertFalse(run.stdout().contains("denied:"), run::toString);
  }

  @Test
  void storeDownDeniesByDefaultAndWritesFailVisibly() throws Exception {
    FixtureJvm.Result run =
        FixtureJvm.current().property("piiwarden.consent.store", DOWN).agent(null).runApp("store-down");
    assertEquals("failed:IllegalStateException", run.outcome("grant"), run::toString);
    assertEquals("denied:STORE_UNAVAILABLE:[marketing.communications.email]", run.outcome("call"));
    String agent = ConsentEnforcementIT.agentLines(run.stderr());
    // the failed grant, then the denied call: one line each
    assertEquals(2, agent.lines().count(), agent);
    assertTrue(agent.startsWith("piiwarden: cannot write consent store jdbc:postgresql://127.0.0.1:1/consent: "), agent);
    assertTrue(agent.contains("the application's Consents.grant calls fail until the store works again\n"
        + "piiwarden: cannot read consent store jdbc:postgresql://127.0.0.1:1/consent: "), agent);
    assertTrue(agent.contains("on-store-error=deny"), agent);
    assertFalse(agent.contains("s3cret") || run.stdout().contains("s3cret"), "no credentials in messages");
  }

  /**
   * The application's {@code @DataSubject} accessor throws: the call has no subject and is denied
   * (fail closed), audited, and reported once without the exception's message.
   */
  @Test
  void aSubjectAccessorThatThrowsLeavesTheCallWithoutASubject() throws Exception {
    Path trail = folder.resolve("audit.jsonl");
    FixtureJvm.Result run = FixtureJvm.current().agent("audit.sink=jsonl:" + trail).runApp("subject-throws");
    assertEquals("denied:NO_SUBJECT:[marketing.communications.email]", run.outcome("lazy1"), run::toString);
    assertEquals("denied:NO_SUBJECT:[marketing.communications.email]", run.outcome("lazy2"), run::toString);
    String agent = ConsentEnforcementIT.agentLines(run.stderr());
    assertEquals(1, agent.lines().count(), agent);
    assertTrue(agent.contains("the data subject of a call of com.acme.fixture.Newsletter#sendToAccount("
        + "com.acme.fixture.LazyAccount) could not be read (java.lang.IllegalStateException"), agent);
    assertFalse(agent.contains("jane.roe"), agent);
    String records = Files.readString(trail);
    assertEquals(2, records.lines().filter(line -> line.contains("\"type\":\"consent.denied\"")
        && line.contains("\"reason\":\"NO_SUBJECT\"")).count(), records);
    assertFalse(records.contains("jane.roe"), records);
  }

  /**
   * A store whose driver is not on the class path: the driver manager's message quotes the URL, and
   * the password in it reaches neither stderr, nor the application's exception, nor the trail.
   */
  @Test
  void aStoreUrlsPasswordStaysOutOfEveryMessage() throws Exception {
    Path trail = folder.resolve("audit.jsonl");
    FixtureJvm.Result run = FixtureJvm.current()
        .property("piiwarden.consent.store", "jdbc:mysql://127.0.0.1:1/app?user=bob&password=S3cretPw")
        .agent("audit.sink=jsonl:" + trail)
        .runApp("store-down");
    assertEquals("failed:IllegalStateException", run.outcome("grant"), run::toString);
    assertEquals("denied:STORE_UNAVAILABLE:[marketing.communications.email]", run.outcome("call"));
    assertTrue(run.stderr().contains("cannot read consent store jdbc:mysql://127.0.0.1:1/app: "), run::toString);
    String everything = run.stderr() + run.stdout() + Files.readString(trail);
    assertFalse(everything.contains("S3cretPw"), everything);
  }

  @Test
  void storeDownAllowsWhenConfigured() throws Exception {
    FixtureJvm.Result run =
        FixtureJvm.current()
            .property("piiwarden.consent.store", DOWN)
            .agent("consent.on-store-error=allow")
            .runApp("store-down");
    assertEquals("ran:sent", run.outcome("call"), run::toString);
    assertTrue(ConsentEnforcementIT.agentLines(run.stderr()).contains("on-store-error=allow"));
  }
}

package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger under the agent, in a real JVM: a damaged record does not turn into consent, and a
 * grant the ledger could never match is refused rather than recorded.
 */
class ConsentLedgerIntegrityIT {
  @TempDir Path folder;

  private FixtureJvm.Result run(Path ledger, String scenario) throws Exception {
    return FixtureJvm.current().agent("consent.store=file:" + ledger + ",audit.sink=none").runApp(scenario);
  }

  @Test
  void aDamagedWithdrawalDeniesTheSubjectAsTheStoreBeingUnavailable() throws Exception {
    Path ledger = folder.resolve("d.jsonl");
    Files.writeString(ledger,
        "{\"subject\":\"u-1\",\"purpose\":\"marketing\",\"state\":\"GRANTED\",\"time\":\"2026-01-01T00:00:00Z\",\"source\":\"web\"}\n"
            + "{\"subject\":\"u-1\",\"purpose\":\"marketing\",\"state\":\"WITHDRAWN\",\"time\":\"2026-01-02T00:00:00Z\",\"source\":\"web\"}\n",
        StandardCharsets.UTF_8);
    assertTrue(run(ledger, "send-u1").outcome("call").startsWith("denied:WITHDRAWN"));

    byte[] bytes = Files.readAllBytes(ledger);
    int second = new String(bytes, StandardCharsets.UTF_8).indexOf('\n') + 1;
    bytes[second + 20] = (byte) 0xff; // inside "purpose" of the withdrawal, as a failing disk might
    bytes[second + 21] = (byte) 0xfe;
    Files.write(ledger, bytes);

    FixtureJvm.Result damaged = run(ledger, "send-u1");
    assertTrue(damaged.outcome("call").startsWith("denied:STORE_UNAVAILABLE"), damaged.toString());
    assertTrue(damaged.stderr().contains("line 2 is damaged (not JSON); the consent of the subject it is"
        + " about cannot be decided until it is repaired"), damaged.toString());
    assertTrue(damaged.stderr().contains("consent decisions follow piiwarden.consent.on-store-error=deny"),
        damaged.toString());
    assertFalse(damaged.stderr().contains("u-1"), "no subject id: " + damaged.stderr());
  }

  @Test
  void consentsRefusesAnUnknownPurposeAndEmptyValuesAndRecordsNothing() throws Exception {
    Path ledger = folder.resolve("c.jsonl");
    FixtureJvm.Result run = run(ledger, "bad-changes");

    assertEquals(0, run.exitCode(), run.toString());
    for (String kind : List.of("grant", "withdraw")) {
      assertEquals("refused:piiwarden: unknown purpose 'marketting' (did you mean 'marketing'?); pass a purpose"
          + " key of the taxonomy, or add the purpose to the taxonomy extension named by piiwarden.taxonomy",
          run.outcome(kind + "0"));
      assertTrue(run.outcome(kind + "1").startsWith("refused:piiwarden: the purpose is empty"), run.toString());
      assertTrue(run.outcome(kind + "2").startsWith("refused:piiwarden: the subject is empty"), run.toString());
      assertTrue(run.outcome(kind + "3").startsWith("refused:piiwarden: the source is empty"), run.toString());
    }
    assertEquals("0", run.outcome("history"));
    assertFalse(Files.exists(ledger) && Files.size(ledger) > 0, "nothing was recorded");
  }

  @Test
  void anActorAndASourceThatArePersonalDataAreRedactedInTheTrail() throws Exception {
    Path trail = folder.resolve("audit.jsonl");
    String classPath = String.join(java.io.File.pathSeparator, FixtureJvm.testClasses().toString(),
        FixtureJvm.annotations().toString());
    FixtureJvm.Result run = FixtureJvm.current()
        .agent("consent.store=file:" + folder.resolve("c.jsonl") + ",audit.sink=jsonl:" + trail)
        .run(List.of("-cp", classPath, com.acme.fixture.AuditFixtureApp.class.getName(), "personal-actor"));

    assertEquals(0, run.exitCode(), run.toString());
    String records = Files.readString(trail);
    assertTrue(records.contains("\"type\":\"consent.changed\""), records);
    assertTrue(records.contains("\"type\":\"consent.granted\""), records);
    assertFalse(records.contains("kim@example.com"), records);
    assertFalse(records.contains("lena.support@example.com"), records);
    assertTrue(records.contains("\"source\":\"email from [REDACTED:email]\""), records);
    assertTrue(records.contains("\"actor\":\"[REDACTED:email]\""), records);
  }

  private static String grant(String subject, String source) {
    return "{\"subject\":\"" + subject + "\",\"purpose\":\"marketing\",\"state\":\"GRANTED\","
        + "\"time\":\"2026-01-01T00:00:00Z\",\"source\":\"" + source + "\"}\n";
  }

  @Test
  void aRunningAgentReadsALedgerReplacedByALargerFileAgain() throws Exception {
    Path ledger = folder.resolve("c.jsonl");
    Files.writeString(ledger, grant("w-2", "web") + grant("u-1", "web"));
    String classPath = String.join(java.io.File.pathSeparator, FixtureJvm.testClasses().toString(),
        FixtureJvm.annotations().toString());
    Process process = FixtureJvm.current()
        .agent("consent.store=file:" + ledger + ",consent.cache-ttl=PT1S,audit.sink=none")
        .start(List.of("-cp", classPath, com.acme.fixture.ConsentFixtureApp.class.getName(), "poll-u1"));
    try {
      awaitOutput(process, "=ran:sent");

      // rewritten without u-1 (an erasure) and with longer records, then renamed over the ledger
      Path rewritten = folder.resolve("c.new");
      Files.writeString(rewritten, grant("w-2", "web") + grant("w-3", "a much longer source ".repeat(5))
          + grant("w-4", "web"));
      assertTrue(Files.size(rewritten) > Files.size(ledger));
      Files.move(rewritten, ledger, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

      awaitOutput(process, "=denied:NOT_GRANTED");
    } finally {
      FixtureJvm.Result run = FixtureJvm.finish(process, "\n");
      assertTrue(run.stderr().contains("c.jsonl was replaced; reading it again"), run.toString());
      assertFalse(run.stderr().contains("not a consent record") || run.stderr().contains("damaged"),
          run.toString());
    }
  }

  /** Waits up to 15 s for {@code text} in the running JVM's output (the cache TTL is 1 s). */
  private static void awaitOutput(Process process, String text) throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
    while (!Files.readString(FixtureJvm.stdout(process)).contains(text)) {
      assertTrue(System.nanoTime() < deadline, "no " + text + " in " + Files.readString(FixtureJvm.stdout(process)));
      assertTrue(process.isAlive(), "the fixture JVM ended: " + Files.readString(FixtureJvm.stdout(process)));
      Thread.sleep(100);
    }
  }
}

package dev.piiwarden.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check against the policy and the baseline: what fails the build and what it says. */
class CheckMojoTest {
  private static final String HEALTH_TO_HTTP = """
      name: quiet
      rules:
        - id: no-health-to-http
          type: deny-sink
          categories: {matches: ANY, values: [user.health_and_medical]}
          sinks: [HTTP]
      """;

  @TempDir Path dir;

  @Test
  void theDefaultPolicyFailsOnTheLoggedCardNumberWithTheFindingInTheMessage() throws IOException {
    Path classes = dir.resolve("classes");
    ClassFolder.withFragment(classes, "com.acme.Fixture", ClassFolder.fixture());
    CheckMojo check = BadInputTest.check(classes, null);
    check.sourceRoot = "src/main/java";
    RecordingLog log = (RecordingLog) check.getLog();

    MojoFailureException e = assertThrows(MojoFailureException.class, check::execute);

    String first = e.getMessage().lines().findFirst().orElseThrow();
    assertTrue(first.startsWith("PII Warden check failed: policy violations: "), first);
    assertTrue(first.endsWith("(policy piiwarden-default)"), first);
    assertTrue(e.getMessage().contains("\n  src/main/java/com/acme/"), e.getMessage());
    assertTrue(e.getMessage().contains("com.acme.Payment#cardNumber"), e.getMessage());
    assertTrue(e.getMessage().contains("[PWP001-sensitive-data-to-log]"), e.getMessage());
    assertTrue(log.at("ERROR").stream().anyMatch(l -> l.contains("[PWP001-sensitive-data-to-log]")), log.lines.toString());
    String sarif = Files.readString(check.sarifFile.toPath());
    assertTrue(sarif.contains("\"version\" : \"2.1.0\"") && sarif.contains("PWP001-sensitive-data-to-log"), sarif);
  }

  @Test
  void aPolicyWithoutViolationsPassesAndWritesAnEmptySarif() throws Exception {
    Path classes = dir.resolve("classes");
    ClassFolder.withFragment(classes, "com.acme.Fixture", ClassFolder.fixture());
    CheckMojo check = BadInputTest.check(classes, Files.writeString(dir.resolve("policy.yaml"), HEALTH_TO_HTTP));
    RecordingLog log = (RecordingLog) check.getLog();

    check.execute();

    assertTrue(log.at("INFO").stream().anyMatch(l -> l.startsWith(
        "PII Warden check: 0 errors, 0 warnings, 0 notes (policy quiet)")), log.lines.toString());
    assertTrue(Files.readString(check.sarifFile.toPath()).contains("\"results\" : [ ]"));
  }

  @Test
  void theBaselineGatesTheKindsOfChangeInFailOn() throws Exception {
    Path classes = dir.resolve("classes");
    ClassFolder.withFragment(classes, "com.acme.Fixture", ClassFolder.fixture());
    Path policy = Files.writeString(dir.resolve("policy.yaml"), HEALTH_TO_HTTP);
    Path same = Files.writeString(dir.resolve("same.json"), ClassFolder.fixture());
    Path empty = Files.writeString(dir.resolve("empty.json"),
        "{\"schema\": \"piiwarden-inventory/1\", \"dataElements\": [], \"activities\": [], \"flows\": []}");

    CheckMojo unchanged = BadInputTest.check(classes, policy);
    unchanged.baseline = same.toFile();
    unchanged.execute();

    Path retentionChanged = Files.writeString(dir.resolve("older.json"),
        ClassFolder.fixture().replaceFirst("\"retention\": \"P2Y\"", "\"retention\": \"P1Y\""));
    CheckMojo onlyFlows = BadInputTest.check(classes, policy);
    onlyFlows.baseline = retentionChanged.toFile();
    onlyFlows.failOn = "flows";
    onlyFlows.execute();
    assertTrue(((RecordingLog) onlyFlows.getLog()).at("INFO").stream().anyMatch(l -> l.startsWith("~ element ")),
        ((RecordingLog) onlyFlows.getLog()).lines.toString());

    CheckMojo elements = BadInputTest.check(classes, policy);
    elements.baseline = empty.toFile();
    elements.failOn = "elements";
    MojoFailureException e = assertThrows(MojoFailureException.class, elements::execute);
    assertEquals("PII Warden check failed: 4 changes against the baseline in elements",
        e.getMessage().lines().findFirst().orElseThrow());
    assertTrue(e.getMessage().contains("\n  + element com.acme.Payment#cardNumber"), e.getMessage());
  }

  @Test
  void aBaselineWithoutFragmentsIsAWarning() throws Exception {
    Path classes = dir.resolve("classes");
    ClassFolder.withFragment(classes, "com.acme.Fixture", ClassFolder.fixture());
    Path folder = Files.createDirectories(dir.resolve("no-fragments"));
    CheckMojo check = BadInputTest.check(classes, Files.writeString(dir.resolve("policy.yaml"), HEALTH_TO_HTTP));
    check.baseline = folder.toFile();
    check.failOn = "";
    check.execute();
    assertEquals(List.of("baseline " + folder + ": no inventory fragments found, so everything counts as added; pass an"
        + " inventory written by piiwarden:inventory, or a class folder or jar holding fragments"),
        ((RecordingLog) check.getLog()).at("WARN"));
  }

  @Test
  void skipFlagsLeaveNothingBehind() throws Exception {
    Path classes = dir.resolve("classes");
    ClassFolder.withFragment(classes, "com.acme.Fixture", ClassFolder.fixture());
    CheckMojo check = BadInputTest.check(classes, null);
    check.skipCheck = true;
    check.execute();
    check.skipCheck = false;
    check.skip = true;
    check.execute();
    assertEquals(java.util.List.of("INFO PII Warden check skipped (piiwarden.check.skip)",
        "INFO PII Warden check skipped (piiwarden.skip)"), ((RecordingLog) check.getLog()).lines);
    assertTrue(Files.notExists(check.sarifFile.toPath()));
  }
}

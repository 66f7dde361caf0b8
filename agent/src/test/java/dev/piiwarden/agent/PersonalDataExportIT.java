package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.fixture.export.ExportFixtureApp;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code PersonalDataExport} in a real JVM whose class path holds the application and
 * piiwarden-annotations only. {@code redact}: the agent's renderer is found through the bootstrap
 * bridge; without agent and core it fails loudly. {@code export}: classes compiled without the
 * processor, collections and nested objects give their personal data, with the agent as without.
 */
class PersonalDataExportIT {
  private static final String NAME = "Zebulon Quuxworth";

  @Test
  void withTheAgentRedactRendersThroughTheBridge() throws Exception {
    FixtureJvm.Result result = FixtureJvm.current().agent("audit.sink=none").run(appOnly());
    assertEquals(0, result.exitCode(), result::toString);
    assertFalse(result.stdout().contains(NAME), result::toString);
    assertEquals("Patient{name=[REDACTED:user.name]}", result.outcome("patient"), result::toString);
    assertEquals("[Patient{name=[REDACTED:user.name]}]", result.outcome("list"), result::toString);
    assertEquals("BankAccount{owner=acct-7, iban=******************3000}", result.outcome("descriptor"), result::toString);
    assertEquals("mail [REDACTED:email]", result.outcome("text"), result::toString);
    assertFalse(result.stderr().contains("piiwarden:"), result::toString);
  }

  @Test
  void theAgentsOptionsApplyEvenWithLogRedactionOff() throws Exception {
    FixtureJvm.Result result =
        FixtureJvm.current().agent("audit.sink=none,redaction.enabled=false,redaction.detectors=ip").run(appOnly());
    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("Patient{name=[REDACTED:user.name]}", result.outcome("patient"), result::toString);
    // only the ip detector is configured, so the e-mail address stays
    assertEquals("mail jane.doe@example.com", result.outcome("text"), result::toString);
  }

  @Test
  void withoutAgentOrCoreRedactThrows() throws Exception {
    FixtureJvm.Result result = FixtureJvm.current().run(appOnly());
    assertEquals(0, result.exitCode(), result::toString);
    String outcome = result.outcome("patient");
    assertTrue(outcome.startsWith("threw:PII Warden's redaction engine is not available"), result::toString);
    assertFalse(result.stdout().contains(NAME), result::toString);
  }

  @Test
  void withTheAgentExportFindsAnnotationsWithoutDescriptorListElementsAndNestedObjects() throws Exception {
    assertExports(FixtureJvm.current().agent("audit.sink=none").run(appOnly("export")));
  }

  @Test
  void withoutTheAgentExportFindsTheSame() throws Exception {
    assertExports(FixtureJvm.current().run(appOnly("export")));
  }

  private static void assertExports(FixtureJvm.Result result) {
    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("[0] name user.name " + NAME, result.outcome("plain"), result::toString);
    assertEquals("[0][0] name user.name " + NAME
            + "; [0][1] iban user.financial.bank_account DE89370400440532013000",
        result.outcome("list"), result::toString);
    assertEquals("[0] email user.contact.email zeb@example.com"
            + "; [0].home street user.contact.address.street 1 Example Road",
        result.outcome("nested"), result::toString);
    assertFalse(result.stderr().contains("piiwarden:"), result::toString);
  }

  private static List<String> appOnly(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        "-cp",
        FixtureJvm.testClasses() + File.pathSeparator + FixtureJvm.annotations(),
        ExportFixtureApp.class.getName()));
    command.addAll(List.of(args));
    return command;
  }
}

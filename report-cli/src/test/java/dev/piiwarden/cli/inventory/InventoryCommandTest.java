package dev.piiwarden.cli.inventory;

import static dev.piiwarden.cli.FragmentFixtures.USER_EMAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.cli.CliResult;
import dev.piiwarden.cli.CliRun;
import dev.piiwarden.cli.FragmentFixtures;
import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryCommandTest {
  @TempDir Path dir;

  @Test
  void mergesAClassFolderAJarAndAnInventoryFileIntoOneJsonInventory() throws IOException {
    CliResult result =
        CliRun.run(
            "inventory",
            FragmentFixtures.classFolder(dir).toString(),
            FragmentFixtures.jar(dir).toString(),
            FragmentFixtures.inventoryFile(dir).toString());

    assertEquals(0, result.exitCode(), result.describe());
    assertEquals(InventoryJson.write(FragmentFixtures.mergedOfAll()), result.out());
    assertEquals("", result.err());
  }

  /**
   * A class compiled without the method-body analysis (Eclipse's compiler, piiwarden.flow=false):
   * the inventory keeps saying so, each command that reads it warns once, and the records of
   * processing say they are incomplete.
   */
  @Test
  void classesCompiledWithoutTheBodyAnalysisAreSaidToLeaveTheInventoryIncomplete() throws IOException {
    Path classes = dir.resolve("classes");
    FragmentFixtures.writeFragment(classes, "com.acme.User", new Inventory(Inventory.SCHEMA,
        List.of(USER_EMAIL), List.of(), List.of(), List.of(), List.of("com.acme.User")));
    String warning = "piiwarden: warning: 1 class was compiled without piiwarden-processor's method-body analysis"
        + " (com.acme.User), so what their methods read and where they send it (reads, sinks, flows,"
        + " recipients) is missing from this inventory; compile them with javac, with piiwarden.flow on and"
        + " without -proc:only (Kotlin classes cannot be: kapt hands processors stubs without bodies)\n";

    CliResult inventory = CliRun.run("inventory", classes.toString());
    assertEquals(0, inventory.exitCode(), inventory.describe());
    assertEquals(warning, inventory.err());
    assertTrue(inventory.out().contains("\"withoutBodyAnalysis\" : [\n    \"com.acme.User\"\n  ]"), inventory.out());

    CliResult ropa = CliRun.run("ropa", classes.toString());
    assertEquals(0, ropa.exitCode(), ropa.describe());
    assertEquals(warning, ropa.err());
    assertTrue(ropa.out().contains("**Incomplete: 1 class was compiled without piiwarden-processor's method-body analysis"
        + " (com.acme.User)"), ropa.out());

    CliResult check = CliRun.run("check", classes.toString());
    assertEquals(warning, check.err().substring(0, Math.min(check.err().length(), warning.length())), check.describe());
  }

  /** A hand-edited class name shaped like personal data is masked in that warning, as ids are in the others. */
  @Test
  void aClassWithoutBodyAnalysisShapedLikePersonalDataIsShownMasked() throws IOException {
    Path classes = dir.resolve("classes");
    FragmentFixtures.writeFragment(classes, "com.acme.User", new Inventory(Inventory.SCHEMA,
        List.of(USER_EMAIL), List.of(), List.of(), List.of(), List.of("kim@example.com")));

    CliResult inventory = CliRun.run("inventory", classes.toString());

    assertEquals(0, inventory.exitCode(), inventory.describe());
    assertEquals("piiwarden: warning: 1 class was compiled without piiwarden-processor's method-body analysis"
        + " ([REDACTED:email]), so what their methods read and where they send it (reads, sinks, flows,"
        + " recipients) is missing from this inventory; compile them with javac, with piiwarden.flow on and"
        + " without -proc:only (Kotlin classes cannot be: kapt hands processors stubs without bodies)\n",
        inventory.err());
  }

  @Test
  void aWarIsReadWithTheJarsItBundles() throws IOException {
    CliResult war = CliRun.run("inventory", FragmentFixtures.war(dir).toString());
    CliResult parts = CliRun.run("inventory", FragmentFixtures.classFolder(dir).toString(),
        FragmentFixtures.jar(dir).toString());

    assertEquals(0, war.exitCode(), war.describe());
    assertEquals("", war.err());
    assertEquals(parts.out(), war.out());
    assertTrue(war.out().contains("\"id\" : \"com.acme.Order#shippingAddress\""), war.out());
  }

  @Test
  void jsonOutputIsTheSpecDocument() throws IOException {
    CliResult result = CliRun.run("inventory", FragmentFixtures.jar(dir).toString());

    assertEquals(0, result.exitCode(), result.describe());
    assertEquals(
        """
        {
          "schema" : "piiwarden-inventory/1",
          "dataElements" : [
            {
              "id" : "com.acme.Order#shippingAddress",
              "type" : "com.acme.Order",
              "member" : "shippingAddress",
              "kind" : "FIELD",
              "category" : "user.contact.address",
              "purposes" : [
                "essential.service"
              ],
              "subject" : "customer",
              "basis" : "CONTRACT",
              "retention" : "P90D",
              "redaction" : "MASK",
              "special" : false,
              "sensitive" : false,
              "source" : {
                "file" : "com/acme/Order.java",
                "line" : 9
              }
            }
          ],
          "activities" : [ ],
          "flows" : [ ]
        }
        """,
        result.out());
  }

  @Test
  void tableFormatListsEveryElementAndActivity() throws IOException {
    CliResult result =
        CliRun.run(
            "inventory",
            "--format",
            "table",
            FragmentFixtures.classFolder(dir).toString(),
            FragmentFixtures.jar(dir).toString(),
            FragmentFixtures.inventoryFile(dir).toString());

    assertEquals(0, result.exitCode(), result.describe());
    List<String> lines = result.out().lines().toList();
    assertTrue(lines.contains("DATA ELEMENTS (4)"), result.out());
    assertTrue(
        lines.stream().anyMatch(line -> line.matches(
            "com\\.acme\\.User#email +user\\.contact\\.email +essential\\.service +customer"
                + " +CONTRACT +P2Y +- +-")),
        result.out());
    assertTrue(
        lines.stream().anyMatch(line -> line.matches(
            "com\\.acme\\.Patient#diagnosis +user\\.health_and_medical +essential\\.service"
                + " +patient +CONSENT +P10Y +yes +yes")),
        result.out());
    assertTrue(
        lines.stream().anyMatch(line -> line.matches(
            "com\\.acme\\.User#name +user\\.name +essential\\.service +customer +CONTRACT +- +- +-")),
        result.out());
    assertTrue(
        lines.stream().anyMatch(line -> line.matches(
            "com\\.acme\\.Newsletter#send\\(com\\.acme\\.User\\) +Newsletter"
                + " +marketing\\.communications\\.email +marketing\\.communications\\.email \\(THROW\\)")),
        result.out());
  }

  @Test
  void formatIsCaseInsensitive() throws IOException {
    CliResult result = CliRun.run("inventory", "--format", "TABLE", FragmentFixtures.jar(dir).toString());

    assertEquals(0, result.exitCode(), result.describe());
    assertTrue(result.out().startsWith("DATA ELEMENTS (1)\n"), result.out());
  }

  @Test
  void outWritesTheFileInNewFoldersAndNothingToStdout() throws IOException {
    Path out = dir.resolve("reports/privacy/inventory.json");

    CliResult result =
        CliRun.run("inventory", "--out", out.toString(), FragmentFixtures.classFolder(dir).toString());

    assertEquals(0, result.exitCode(), result.describe());
    assertEquals("", result.out());
    assertEquals("", result.err());
    Inventory expected =
        FragmentFixtures.inventory(
            List.of(USER_EMAIL, FragmentFixtures.USER_NAME), List.of(FragmentFixtures.NEWSLETTER_SEND));
    assertEquals(InventoryJson.write(expected), Files.readString(out, StandardCharsets.UTF_8));
  }

  @Test
  void outWithTableFormatWritesTheTable() throws IOException {
    Path out = dir.resolve("inventory.txt");

    CliResult result =
        CliRun.run("inventory", "--format=table", "--out=" + out, FragmentFixtures.jar(dir).toString());

    assertEquals(0, result.exitCode(), result.describe());
    assertEquals("", result.out());
    assertTrue(Files.readString(out).contains("com.acme.Order#shippingAddress"));
  }

  @Test
  void theSameDeclarationInAFolderAndItsJarIsKeptOnceWithoutWarning() throws IOException {
    Path classes = FragmentFixtures.classFolder(dir);
    Path jar =
        FragmentFixtures.jar(
            dir.resolve("user.jar"),
            java.util.Map.of(
                "META-INF/piiwarden/types/com.acme.User.json",
                Files.readString(FragmentFixtures.fragmentPath(classes, "com.acme.User"))));

    CliResult result = CliRun.run("inventory", classes.toString(), jar.toString());

    assertEquals(0, result.exitCode(), result.describe());
    assertEquals("", result.err());
    assertEquals(
        InventoryJson.write(
            FragmentFixtures.inventory(
                List.of(USER_EMAIL, FragmentFixtures.USER_NAME),
                List.of(FragmentFixtures.NEWSLETTER_SEND))),
        result.out());
  }

  @Test
  void conflictingDeclarationsOfOneIdAreAWarningAndTheFirstIsKept() throws IOException {
    Path classes = FragmentFixtures.classFolder(dir);
    DataElement otherEmail =
        FragmentFixtures.element("com.acme.User", "email", "user.contact.email",
            List.of("marketing.communications.email"), "customer", LawfulBasis.CONSENT, "P1Y",
            false, false, 12);
    Path stale = dir.resolve("stale-inventory.json");
    InventoryJson.write(FragmentFixtures.inventory(List.of(otherEmail), List.of()), stale);

    CliResult result = CliRun.run("inventory", classes.toString(), stale.toString());

    assertEquals(0, result.exitCode(), result.describe());
    List<String> warnings = result.errLines();
    assertEquals(1, warnings.size(), result.describe());
    String warning = warnings.get(0);
    assertTrue(warning.startsWith("piiwarden: warning: "), warning);
    assertTrue(warning.contains("com.acme.User#email"), warning);
    assertTrue(warning.contains(stale.toString()), warning);
    assertTrue(
        warning.contains(FragmentFixtures.fragmentPath(classes, "com.acme.User").toString()), warning);
    assertTrue(result.out().contains("\"basis\" : \"CONTRACT\""), result.out());
    assertTrue(!result.out().contains("\"basis\" : \"CONSENT\""), result.out());
  }

  /**
   * Values shaped like personal data in a hand-edited inventory (a card number as a category and a
   * purpose, a phone number as a subject, an e-mail address as an element's id) are masked in the
   * warnings that name them, with what they look like.
   */
  @Test
  void warningsNeverRepeatPersonalDataFromTheInventory() throws IOException {
    String element = "{\"id\":\"kim@example.com\",\"type\":\"x\",\"member\":\"m\",\"kind\":\"FIELD\","
        + "\"category\":\"4111111111111111\",\"purposes\":[\"4111111111111111\"],\"subject\":\"447946095800\","
        + "\"basis\":\"%s\",\"redaction\":\"MASK\",\"special\":false,\"sensitive\":false}";
    String inventory = "{\"schema\":\"piiwarden-inventory/1\",\"dataElements\":[" + element
        + "],\"activities\":[],\"flows\":[]}";
    Path first = Files.writeString(dir.resolve("first.json"), inventory.formatted("CONTRACT"));
    Path second = Files.writeString(dir.resolve("second.json"), inventory.formatted("CONSENT"));

    CliResult result = CliRun.run("inventory", first.toString(), second.toString());

    assertEquals(0, result.exitCode(), result.describe());
    assertEquals(List.of(
        "piiwarden: warning: data element [REDACTED:email] is declared differently in " + first + " and "
            + second + "; kept the first. Rebuild both from the same sources, or remove the stale one",
        "piiwarden: warning: data element [REDACTED:email]: category is not a taxonomy key (lower-case"
            + " words joined by dots, such as user.contact.email); policy rules do not apply to it; correct it",
        "piiwarden: warning: data element [REDACTED:email]: purpose is not a taxonomy key (lower-case"
            + " words joined by dots, such as user.contact.email); policy rules do not apply to it; correct it",
        "piiwarden: warning: data element [REDACTED:email]: subject is not a taxonomy key (lower-case"
            + " words joined by dots, such as user.contact.email); policy rules do not apply to it; correct it"),
        result.errLines());
    for (String raw : List.of("kim@example.com", "4111111111111111", "447946095800")) {
      assertFalse(result.err().contains(raw), raw + " in " + result.err());
    }
  }

  @Test
  void noFragmentsAnywhereIsAWarningToAddTheProcessorAndAnEmptyInventory() throws IOException {
    Path classes = Files.createDirectories(dir.resolve("target/classes/com/acme"));
    Files.writeString(classes.resolve("User.class"), "bytecode");

    CliResult result = CliRun.run("inventory", dir.resolve("target/classes").toString());

    assertEquals(0, result.exitCode(), result.describe());
    assertEquals(InventoryJson.write(Inventory.empty()), result.out());
    assertEquals(1, result.errLines().size(), result.describe());
    String warning = result.errLines().get(0);
    assertTrue(warning.startsWith("piiwarden: warning: no inventory fragments found in "), warning);
    assertTrue(warning.contains("piiwarden-processor"), warning);
    assertTrue(warning.contains("annotationProcessorPaths"), warning);
  }

  /**
   * Classes that refer to PII Warden's annotations without a fragment were compiled without the
   * processor: every command says so, and {@code check} fails, as the Maven plugin's does.
   */
  @Test
  void annotatedClassesWithoutFragmentsAreToldAndFailTheCheckAndTheRecords() throws IOException {
    Path classes = Files.createDirectories(dir.resolve("target/classes/com/acme"));
    Files.writeString(classes.resolve("Plain.class"), "bytecode");
    Files.writeString(classes.resolve("User.class"), "bytecode Ldev/piiwarden/annotations/PersonalData; more");
    String folder = dir.resolve("target/classes").toString();

    CliResult inventory = CliRun.run("inventory", folder);
    assertEquals(0, inventory.exitCode(), inventory.describe());
    assertEquals(List.of("piiwarden: warning: " + folder + " holds classes that refer to PII Warden's annotations"
        + " (com/acme/User.class refers to @PersonalData) but no inventory fragments: piiwarden-processor did not"
        + " run when they were compiled; compile them with it on the annotation processor path (the"
        + " maven-compiler-plugin annotationProcessorPaths, no -proc:none), then run this again"),
        inventory.errLines());

    CliResult check = CliRun.run("check", folder);
    assertEquals(2, check.exitCode(), check.describe());
    assertEquals(2, check.errLines().size(), check.describe());
    assertEquals("piiwarden: cannot pass a check of " + folder + ": piiwarden-processor did not see its annotated"
        + " classes (the warning above), so what they read and where it goes is unknown; compile them with it,"
        + " then run check again", check.errLines().get(1));
    assertEquals("", check.out());

    // records of processing without those classes would tell an auditor there is none there
    Path records = dir.resolve("ropa.md");
    CliResult ropa = CliRun.run("ropa", "--out", records.toString(), folder);
    assertEquals(2, ropa.exitCode(), ropa.describe());
    assertEquals(2, ropa.errLines().size(), ropa.describe());
    assertEquals("piiwarden: cannot write records of processing for " + folder + ": piiwarden-processor did"
        + " not see its annotated classes (the warning above), so the records would leave out their processing;"
        + " compile them with it, then run ropa again", ropa.errLines().get(1));
    assertFalse(Files.exists(records), "no records written");
  }

  /**
   * The same classes packed in a jar or a war are searched as their folder is: a jar of classes
   * compiled without the processor must not give records with no processing or a passing check.
   */
  @Test
  void annotatedClassesWithoutFragmentsInAnArchiveAreToldAndFailTheCheckAndTheRecords() throws IOException {
    Path jar = FragmentFixtures.jar(dir.resolve("noproc.jar"), Map.of(
        "com/acme/Plain.class", "bytecode",
        "com/acme/User.class", "bytecode Ldev/piiwarden/annotations/ProcessingActivity; more"));
    Path war = FragmentFixtures.jar(dir.resolve("noproc.war"), Map.of(
        "WEB-INF/classes/com/acme/User.class", "bytecode Ldev/piiwarden/annotations/PersonalData; more"));

    CliResult inventory = CliRun.run("inventory", jar.toString());
    assertEquals(0, inventory.exitCode(), inventory.describe());
    assertEquals(List.of("piiwarden: warning: " + jar + " holds classes that refer to PII Warden's annotations"
        + " (com/acme/User.class refers to @ProcessingActivity) but no inventory fragments: piiwarden-processor"
        + " did not run when they were compiled; compile them with it on the annotation processor path (the"
        + " maven-compiler-plugin annotationProcessorPaths, no -proc:none), then run this again"),
        inventory.errLines());

    CliResult check = CliRun.run("check", jar.toString());
    assertEquals(2, check.exitCode(), check.describe());
    assertEquals(List.of("piiwarden: cannot pass a check of " + jar + ": piiwarden-processor did not see its"
        + " annotated classes (the warning above), so what they read and where it goes is unknown; compile them"
        + " with it, then run check again"), check.errLines().subList(1, check.errLines().size()));
    assertEquals("", check.out());

    Path records = dir.resolve("ropa.md");
    CliResult ropa = CliRun.run("ropa", "--out", records.toString(), war.toString());
    assertEquals(2, ropa.exitCode(), ropa.describe());
    assertTrue(ropa.errLines().get(0).contains("(WEB-INF/classes/com/acme/User.class refers to @PersonalData)"),
        ropa.describe());
    assertEquals(List.of("piiwarden: cannot write records of processing for " + war + ": piiwarden-processor"
        + " did not see its annotated classes (the warning above), so the records would leave out their"
        + " processing; compile them with it, then run ropa again"), ropa.errLines().subList(1, ropa.errLines().size()));
    assertFalse(Files.exists(records), "no records written");
  }
}

package dev.piiwarden.core.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.annotations.LawfulBasis;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryMergerTest {

  private static InventoryFragment fragment(String origin, Inventory inventory) {
    return new InventoryFragment(origin, inventory);
  }

  @Test
  void unitesFragmentsAndKeepsOneCopyOfTheSameDeclaration() {
    Inventory user = new Inventory(List.of(InventoryFixtures.email()), List.of(), List.of());
    Inventory newsletter = new Inventory(List.of(), List.of(InventoryFixtures.newsletter()),
        List.of(InventoryFixtures.emailToLog()));
    MergeResult result = InventoryMerger.merge(List.of(
        fragment("classes/User.json", user),
        fragment("app.jar!/Newsletter.json", newsletter),
        fragment("app.jar!/User.json", user),
        fragment("inventory.json", InventoryFixtures.specExample())));
    Inventory expected = InventoryFixtures.specExample();
    assertEquals(expected.dataElements(), result.inventory().dataElements());
    assertEquals(expected.activities(), result.inventory().activities());
    assertEquals(List.of(), result.conflicts());
    Flow direct = new Flow("com.acme.User#email", SinkKind.LOG, "org.slf4j.Logger#info",
        List.of("com.acme.Newsletter#send(com.acme.User)"));
    assertEquals(List.of(direct, InventoryFixtures.emailToLog()), result.inventory().flows(),
        "the listed flow kept, the activity's own sink call added");
  }

  @Test
  void reportsTwoDifferentDeclarationsOfOneIdAndKeepsTheFirst() {
    DataElement email = InventoryFixtures.email();
    DataElement changed = new DataElement(email.id(), email.type(), email.member(), email.kind(), "user.name",
        email.purposes(), email.subject(), LawfulBasis.CONSENT, email.retention(), email.redaction(), false, false,
        email.source());
    MergeResult result = InventoryMerger.merge(List.of(
        fragment("a/classes", new Inventory(List.of(email), List.of(), List.of())),
        fragment("b.jar", new Inventory(List.of(changed), List.of(), List.of()))));
    assertEquals(List.of(email), result.inventory().dataElements());
    assertEquals(1, result.conflicts().size());
    String conflict = result.conflicts().get(0);
    assertTrue(conflict.contains("com.acme.User#email") && conflict.contains("a/classes") && conflict.contains("b.jar"),
        conflict);
  }

  /**
   * Types whose bodies were not analysed stay named in the merged inventory and its JSON (which
   * leaves the field out when there are none), so every report made from it can say so.
   */
  @Test
  void theTypesWithoutBodyAnalysisOfEveryFragmentAreKept() {
    Inventory declarationsOnly = new Inventory(Inventory.SCHEMA, List.of(InventoryFixtures.email()), List.of(),
        List.of(), List.of(), List.of("com.acme.User"));
    Inventory other = new Inventory(Inventory.SCHEMA, List.of(), List.of(), List.of(), List.of(),
        List.of("com.acme.Mailer"));
    Inventory merged = InventoryMerger.merge(List.of(
        fragment("classes/User.json", declarationsOnly),
        fragment("mail.jar!/Mailer.json", other),
        fragment("classes/Newsletter.json", new Inventory(List.of(), List.of(InventoryFixtures.newsletter()), List.of())),
        fragment("app.jar!/User.json", declarationsOnly))).inventory();
    assertEquals(List.of("com.acme.Mailer", "com.acme.User"), merged.withoutBodyAnalysis());

    String json = InventoryJson.write(merged);
    assertTrue(json.contains("\"withoutBodyAnalysis\" : [\n    \"com.acme.Mailer\",\n    \"com.acme.User\"\n  ]"), json);
    assertEquals(merged, InventoryJson.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "merged"));
    assertFalse(InventoryJson.write(InventoryFixtures.specExample()).contains("withoutBodyAnalysis"));
  }

  @Test
  void nothingMergedIsAnEmptyInventory() {
    assertEquals(Inventory.empty(), InventoryMerger.merge(List.of()).inventory());
  }
}

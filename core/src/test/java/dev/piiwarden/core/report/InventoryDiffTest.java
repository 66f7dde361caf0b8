package dev.piiwarden.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryJson;
import dev.piiwarden.core.report.diff.Change;
import dev.piiwarden.core.report.diff.ChangeKind;
import dev.piiwarden.core.report.diff.DiffFormat;
import dev.piiwarden.core.report.diff.InventoryDiff;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Added, removed and changed elements, activities, flows and purposes. */
class InventoryDiffTest {
  private final Inventory base = ReportFixtures.inventory();
  private final Inventory next = ReportFixtures.read("/dev/piiwarden/core/report/fixture-inventory-next.json");

  private List<String> lines(ChangeKind kind) {
    return InventoryDiff.compare(base, next).stream().filter(c -> c.kind() == kind)
        .map(c -> c.type() + " " + c.id() + " " + c.details()).toList();
  }

  @Test
  void elements() {
    assertEquals(List.of(
        "REMOVED com.acme.User#name []",
        "ADDED com.acme.User#phone []",
        "CHANGED com.acme.User#email [retention: P2Y -> P1Y]"),
        lines(ChangeKind.ELEMENT).stream().sorted((a, b) -> order(a) - order(b)).toList());
  }

  @Test
  void activitiesFlowsAndPurposes() {
    assertEquals(List.of(
        "CHANGED com.acme.Checkout#pay(com.acme.Payment) [reads: [com.acme.Payment#cardNumber, com.acme.User#name] -> [com.acme.Payment#cardNumber]]",
        "REMOVED com.acme.Clinic#record(com.acme.Patient) []"), lines(ChangeKind.ACTIVITY));
    assertEquals(List.of(
        "REMOVED com.acme.Payment#cardNumber -> LOG org.slf4j.Logger#warn (read in com.acme.Checkout#pay(com.acme.Payment)) []",
        "ADDED com.acme.User#email -> LOG org.slf4j.Logger#info (read in com.acme.Newsletter#send(com.acme.User)) []"), lines(ChangeKind.FLOW));
    assertEquals(List.of(
        "ADDED com.acme.User#email [marketing.advertising]",
        "REMOVED com.acme.User#name [essential.service]",
        "ADDED com.acme.User#phone [essential.service]",
        "REMOVED com.acme.Clinic#record(com.acme.Patient) [essential.service]",
        "ADDED com.acme.Promo#target(com.acme.User) [marketing.communications.email]"), lines(ChangeKind.PURPOSE));
  }

  @Test
  void sameInventoryHasNoChanges() {
    assertEquals(List.of(), InventoryDiff.compare(base, base));
    assertEquals(EnumSet.allOf(ChangeKind.class), InventoryDiff.kinds(InventoryDiff.compare(base, next)));
  }

  @Test
  void aNewMethodSendingTheSameElementToTheSameSinkIsAnAddedFlow() {
    Inventory before = logging(List.of("A"));
    Inventory after = logging(List.of("A", "B"));
    List<Change> flows = InventoryDiff.compare(before, after).stream().filter(c -> c.kind() == ChangeKind.FLOW).toList();
    assertEquals(List.of(new Change(ChangeKind.FLOW, Change.Type.ADDED,
        "com.acme.User#email -> LOG org.slf4j.Logger#info (read in com.acme.B#run(com.acme.User))", List.of())), flows);
    assertEquals(List.of(new Change(ChangeKind.FLOW, Change.Type.REMOVED,
        "com.acme.User#email -> LOG org.slf4j.Logger#info (read in com.acme.B#run(com.acme.User))", List.of())),
        InventoryDiff.compare(after, before).stream().filter(c -> c.kind() == ChangeKind.FLOW).toList());
  }

  @Test
  void aDifferentPathFromTheSameReadingMethodIsAChangedFlow() {
    Inventory direct = logging(List.of("A"));
    Inventory throughHelper = logging(List.of("A > com.acme.Log#write(java.lang.String)"));
    Inventory both = logging(List.of("A", "A > com.acme.Log#write(java.lang.String)"));
    String id = "com.acme.User#email -> LOG org.slf4j.Logger#info (read in com.acme.A#run(com.acme.User))";
    assertEquals(List.of(new Change(ChangeKind.FLOW, Change.Type.CHANGED, id, List.of(
        "path: com.acme.A#run(com.acme.User) -> com.acme.A#run(com.acme.User) > com.acme.Log#write(java.lang.String)"))),
        InventoryDiff.compare(direct, throughHelper));
    assertEquals(List.of(new Change(ChangeKind.FLOW, Change.Type.CHANGED, id, List.of(
        "path: com.acme.A#run(com.acme.User) -> com.acme.A#run(com.acme.User); "
            + "com.acme.A#run(com.acme.User) > com.acme.Log#write(java.lang.String)"))),
        InventoryDiff.compare(direct, both));
  }

  /**
   * One e-mail element and a flow to {@code Logger#info} per path; a path's first step {@code X} is
   * {@code com.acme.X#run(com.acme.User)}, further steps are written out and separated by {@code " > "}.
   */
  private static Inventory logging(List<String> paths) {
    StringBuilder flows = new StringBuilder();
    for (String path : paths) {
      List<String> steps = List.of(path.split(" > "));
      StringBuilder json = new StringBuilder("\"com.acme." + steps.get(0) + "#run(com.acme.User)\"");
      steps.stream().skip(1).forEach(step -> json.append(", \"").append(step).append('"'));
      flows.append(flows.length() == 0 ? "" : ", ").append("""
          {"element": "com.acme.User#email", "sink": "LOG", "target": "org.slf4j.Logger#info", "path": [%s]}"""
          .formatted(json));
    }
    String inventory = """
        {"schema": "piiwarden-inventory/1",
         "dataElements": [{"id": "com.acme.User#email", "type": "com.acme.User", "member": "email", "kind": "FIELD",
           "category": "user.contact.email", "purposes": [], "subject": "customer", "basis": "CONTRACT",
           "retention": "P2Y", "redaction": "MASK", "special": false, "sensitive": false,
           "source": {"file": "com/acme/User.java", "line": 5}}],
         "activities": [],
         "flows": [%s]}
        """.formatted(flows);
    return InventoryJson.read(inventory.getBytes(StandardCharsets.UTF_8), "test.json");
  }

  private static int order(String line) {
    return line.startsWith("REMOVED") ? 0 : line.startsWith("ADDED") ? 1 : 2;
  }


  /** A diff goes to pull requests and CI logs: ids shaped like personal data are masked, as in merge conflicts. */
  @Test
  void idsAndDetailsShapedLikePersonalDataAreShownMasked() {
    Inventory before = read("""
        {"schema": "piiwarden-inventory/1",
         "dataElements": [{"id": "kim@example.com", "category": "user.contact.email", "retention": "P1Y"}],
         "activities": [{"id": "com.acme.Mailer#send(kim@example.com)", "type": "com.acme.Mailer",
           "method": "send(kim@example.com)", "name": "Mailing", "reads": ["kim@example.com"]}],
         "flows": []}
        """);
    Inventory after = read("""
        {"schema": "piiwarden-inventory/1",
         "dataElements": [{"id": "kim@example.com", "category": "user.contact.email", "retention": "P2Y"},
           {"id": "jo@example.org", "category": "user.contact.email", "purposes": ["essential.service"]}],
         "activities": [{"id": "com.acme.Mailer#send(kim@example.com)", "type": "com.acme.Mailer",
           "method": "send(kim@example.com)", "name": "Mail to kim@example.com", "reads": ["kim@example.com"]}],
         "flows": [{"element": "kim@example.com", "sink": "LOG", "target": "org.slf4j.Logger#info",
           "path": ["com.acme.Mailer#send(kim@example.com)"]}]}
        """);
    List<Change> changes = InventoryDiff.compare(before, after);

    assertEquals("""
        ELEMENTS: 1 added, 0 removed, 1 changed
        + [REDACTED:email]
        ~ [REDACTED:email]
            retention: P1Y -> P2Y

        ACTIVITIES: 0 added, 0 removed, 1 changed
        ~ com.acme.Mailer#send([REDACTED:email])
            name: Mailing -> Mail to [REDACTED:email]

        FLOWS: 1 added, 0 removed, 0 changed
        + [REDACTED:email] -> LOG org.slf4j.Logger#info (read in com.acme.Mailer#send([REDACTED:email]))

        PURPOSES: 1 added, 0 removed, 0 changed
        + [REDACTED:email]: essential.service
        """, DiffFormat.TEXT.render(changes));
    String json = DiffFormat.JSON.render(changes);
    assertTrue(json.contains("\"id\" : \"[REDACTED:email]\""), json);
    assertFalse(json.contains("@example."), json);
  }

  private static Inventory read(String json) {
    return InventoryJson.read(json.getBytes(StandardCharsets.UTF_8), "x.json");
  }
}

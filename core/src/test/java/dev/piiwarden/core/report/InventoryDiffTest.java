package dev.piiwarden.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.report.diff.ChangeKind;
import dev.piiwarden.core.report.diff.InventoryDiff;
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
        "REMOVED com.acme.Payment#cardNumber -> LOG org.slf4j.Logger#warn []",
        "ADDED com.acme.User#email -> LOG org.slf4j.Logger#info []"), lines(ChangeKind.FLOW));
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

  private static int order(String line) {
    return line.startsWith("REMOVED") ? 0 : line.startsWith("ADDED") ? 1 : 2;
  }

}

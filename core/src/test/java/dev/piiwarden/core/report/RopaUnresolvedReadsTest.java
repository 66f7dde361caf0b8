package dev.piiwarden.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.report.ropa.RopaBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An activity reading data declared elsewhere (another module, a dependency) is named, not silently emptied. */
class RopaUnresolvedReadsTest {
  @Test
  void anActivityReadingAnElementTheInventoryLacksIsNamedWithTheCount() {
    Inventory full = ReportFixtures.inventory();
    Inventory withoutPayment = new Inventory(
        full.dataElements().stream().filter(e -> !e.id().equals("com.acme.Payment#cardNumber")).toList(),
        full.activities(), full.flows());

    assertEquals(Map.of(), RopaBuilder.unresolvedReads(full));
    assertEquals(Map.of("Checkout", 1), RopaBuilder.unresolvedReads(withoutPayment));
  }
}

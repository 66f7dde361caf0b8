package dev.piiwarden.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.core.report.ropa.RopaActivity;
import dev.piiwarden.core.report.ropa.RopaBuilder;
import dev.piiwarden.core.report.ropa.RopaConfig;
import dev.piiwarden.core.report.ropa.ThirdParty;
import dev.piiwarden.core.report.ropa.Transfer;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The activities a recipient or transfer names must be in the inventory, or the record leaves it out. */
class RopaActivitySelectorsTest {
  private static RopaConfig config(List<ThirdParty> recipients, List<Transfer> transfers) {
    return new RopaConfig(null, null, null, recipients, transfers, null, List.of());
  }

  private static String refused(RopaConfig config) {
    return assertThrows(ConfigException.class,
        () -> RopaBuilder.build(ReportFixtures.inventory(), Taxonomy.builtIn(), config)).getMessage();
  }

  @Test
  void aMisspeltRecipientActivityIsRefusedWithTheClosestName() {
    String message = refused(config(List.of(
        new ThirdParty("Mailer Inc.", null, List.of("Newsletter")),
        new ThirdParty("bob@example.com", null, List.of("Checkout", "Nwsletter"))), List.of()));

    assertEquals("recipients[1].activities[1] is no activity of the inventory; did you mean"
        + " 'Newsletter'?; name an activity as the record shows it (its @ProcessingActivity name, else"
        + " Type.method) or by its id", message);
  }

  @Test
  void aMisspeltTransferActivityIsRefused() {
    String message = refused(config(List.of(),
        List.of(new Transfer("US", "bob@example.com", null, List.of("Patient recrod")))));

    assertTrue(message.startsWith("transfers[0].activities[0] is no activity of the inventory; did you"
        + " mean 'Patient record'?"), message);
    assertFalse(message.contains("recrod") || message.contains("bob"), message);
  }

  /** An activity without a @ProcessingActivity name is Type.method; the type alone names the methods of the type. */
  @Test
  void aTypeNameSuggestsItsActivities() {
    String message = refused(config(List.of(new ThirdParty("Ads Ltd.", null, List.of("promo"))), List.of()));

    assertTrue(message.startsWith("recipients[0].activities[0] is no activity of the inventory; did you mean"
        + " 'Promo.target'?; "), message);
  }

  @Test
  void namesIdsAndNoSelectorAllMatch() {
    RopaConfig config = config(
        List.of(new ThirdParty("Mailer Inc.", null, List.of("Newsletter")),
            new ThirdParty("Payments Ltd.", null, List.of("com.acme.Checkout#pay(com.acme.Payment)")),
            new ThirdParty("Auditor", null, List.of())),
        List.of(new Transfer("US", "Mailer Inc.", null, List.of("Newsletter"))));

    List<RopaActivity> rows = RopaBuilder.build(ReportFixtures.inventory(), Taxonomy.builtIn(), config).activities();

    RopaActivity checkout = rows.stream().filter(a -> a.name().equals("Checkout")).findFirst().orElseThrow();
    assertTrue(checkout.recipients().contains("Payments Ltd.") && checkout.recipients().contains("Auditor"),
        checkout.recipients().toString());
  }
}

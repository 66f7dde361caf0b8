package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent reads a class's inventory fragment (test resources under {@code
 * META-INF/piiwarden/types/}) when it transforms the class, and keeps the categories of each
 * activity for the audit trail.
 */
class InventoryFragmentIT {
  private static final String AWARD =
      "com.acme.fixture.catalog.Loyalty#award(java.lang.String,com.acme.fixture.catalog.Member,java.lang.String)";

  /** One JVM for all three: each test reads a different part of what it did. */
  private static FixtureJvm.Result run;

  @BeforeAll
  static void runTheCatalogScenario() throws Exception {
    run = FixtureJvm.current().agent(null).runApp("catalog");
  }

  @Test
  void categoriesComeFromTheFragmentsOfTransformedClassesAndTheElementsTheyRead() throws Exception {
    assertEquals(0, run.exitCode(), run::toString);
    // The activity's own parameter element, and Member#email from Member's fragment.
    assertEquals("[user.contact.email, user.contact.phone_number]", run.outcome("categories." + AWARD));
    assertEquals("[]", run.outcome("categories.com.acme.fixture.catalog.Loyalty$Tiers#upgrade(java.lang.String)"));
    assertEquals("denied:NOT_GRANTED:[marketing]", run.outcome("award"));
    assertEquals("denied:NOT_GRANTED:[marketing]", run.outcome("upgrade"));
  }

  @Test
  void aCorruptFragmentIsReportedOnceAndTheClassIsStillEnforced() throws Exception {
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("denied:NOT_GRANTED:[marketing]", run.outcome("first"));
    assertEquals("denied:NOT_GRANTED:[marketing]", run.outcome("second"));
    assertEquals("ran:first", run.outcome("firstGranted"));
    assertEquals("[]", run.outcome("categories.com.acme.fixture.catalog.Broken#first(java.lang.String)"));
    List<String> reported =
        run.stderr().lines().filter(line -> line.contains("inventory fragment")).toList();
    assertEquals(
        List.of(
            "piiwarden: the inventory fragment META-INF/piiwarden/types/com.acme.fixture.catalog.Broken.json"
                + " cannot be read (InventoryException); audit events of com.acme.fixture.catalog.Broken carry"
                + " no data categories, its consent checks are enforced. Recompile it with piiwarden-processor"
                + " to regenerate the fragment"),
        reported,
        run::toString);
    assertFalse(run.stderr().contains("a@exam"), "nothing of the fragment's content is printed");
  }

  @Test
  void fragmentsOfClassesNeverTransformedAreNeverRead() throws Exception {
    // NeverLoaded.json is not JSON: reading it would be reported. No scan, no report.
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(!run.stderr().contains("NeverLoaded"), run::toString);
  }
}

package dev.piiwarden.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.api.Consents;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code Consents.grant|withdraw} refuses before anything is recorded. */
class ConsentChangeArgumentsTest {
  @TempDir Path folder;

  @Test
  void withoutTheAgentConsentsRefusesAnUnknownPurposeWithTheClosestKey() {
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> Consents.grant("g-1", "marketting", "web"));
    assertEquals("piiwarden: unknown purpose 'marketting' (did you mean 'marketing'?); pass a purpose key"
        + " of the taxonomy, or add the purpose to the taxonomy extension named by piiwarden.taxonomy",
        unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Consents.withdraw("g-1", "marketting", "web"));
    assertThrows(IllegalArgumentException.class, () -> Consents.grant("g-1", "", "web"));
    assertThrows(IllegalArgumentException.class, () -> Consents.grant("", "marketing", "web"));
    assertThrows(IllegalArgumentException.class, () -> Consents.withdraw("g-1", "marketing", " "));
    assertEquals(0, Consents.history("g-1").size(), "nothing was recorded");
  }

  @Test
  void aPurposeShapedLikePersonalDataIsShownMaskedWithoutAClosestKey() {
    IllegalArgumentException email = assertThrows(IllegalArgumentException.class,
        () -> Consents.grant("jane.doe@example.com", "jane.doe@example.com", "web"));
    assertEquals("piiwarden: unknown purpose '[REDACTED:email]' (it looks like an e-mail address, not a"
        + " purpose key); pass a purpose key of the taxonomy, or add the purpose to the taxonomy"
        + " extension named by piiwarden.taxonomy", email.getMessage());
    String card = assertThrows(IllegalArgumentException.class,
        () -> new ConsentChangeArguments(Taxonomy.builtIn()).check("u-9", "4111111111111111", "web")).getMessage();
    assertTrue(card.startsWith("piiwarden: unknown purpose '[REDACTED:card]' (it looks like a payment card"
        + " number, not a purpose key);"), card);
  }

  @Test
  void blankValuesAreRefusedWithoutTheSubjectId() {
    ConsentChangeArguments arguments = new ConsentChangeArguments(Taxonomy.builtIn());
    assertEquals("piiwarden: the subject is empty; pass the data subject's id",
        assertThrows(IllegalArgumentException.class, () -> arguments.check(" ", "marketing", "web")).getMessage());
    assertEquals("piiwarden: the purpose is empty; pass a purpose key, e.g. marketing.communications.email",
        assertThrows(IllegalArgumentException.class, () -> arguments.check("u-9", "", "web")).getMessage());
    String source =
        assertThrows(IllegalArgumentException.class, () -> arguments.check("u-9", "marketing", null)).getMessage();
    assertTrue(source.startsWith("piiwarden: the source is empty;") && !source.contains("u-9"), source);
  }

  @Test
  void aPurposeOfTheTaxonomyExtensionIsAccepted() throws Exception {
    Path extension = folder.resolve("taxonomy.json");
    Files.writeString(extension, "{\"purposes\":[{\"key\":\"loyalty\",\"name\":\"Loyalty\"}]}");
    ConsentChangeArguments arguments = new ConsentChangeArguments(Taxonomy.load(extension));
    arguments.check("u-9", "loyalty", "web");
    arguments.check("u-9", "marketing.communications.email", "web");
    assertThrows(IllegalArgumentException.class,
        () -> new ConsentChangeArguments(Taxonomy.builtIn()).check("u-9", "loyalty", "web"));
  }
}

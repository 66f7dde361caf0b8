package dev.piiwarden.core.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxonomyExtensionTest {
  @TempDir Path dir;

  private Path file(String json) throws IOException {
    return Files.writeString(dir.resolve("taxonomy.json"), json);
  }

  @Test
  void addsCategoriesPurposesAndSubjectsThatInheritFlags() throws IOException {
    Taxonomy taxonomy = Taxonomy.load(file("""
        {"categories":[
           {"key":"user.contact.badge_id","name":"Badge id","description":"Office badge"},
           {"key":"user.health_and_medical.sick_note","parent":"user.health_and_medical","name":"Sick note"},
           {"key":"user.loyalty","name":"Loyalty","special":false,"sensitive":true}],
         "purposes":[{"key":"marketing.loyalty","name":"Loyalty programme"}],
         "subjects":[{"key":"member","name":"Club member"}]}
        """));
    assertTrue(taxonomy.contains(TaxonomyKind.CATEGORY, "user.contact.badge_id"));
    assertEquals("user.contact", taxonomy.find(TaxonomyKind.CATEGORY, "user.contact.badge_id").orElseThrow().parent());
    assertTrue(taxonomy.isSpecial("user.health_and_medical.sick_note"), "inherits special from its parent");
    assertTrue(taxonomy.isSensitive("user.loyalty"));
    assertFalse(taxonomy.isSpecial("user.loyalty"));
    assertTrue(taxonomy.covers(TaxonomyKind.PURPOSE, "marketing", "marketing.loyalty"));
    assertTrue(taxonomy.contains(TaxonomyKind.SUBJECT, "member"));
    assertTrue(taxonomy.contains(TaxonomyKind.CATEGORY, "user.contact.email"), "built-in keys stay");
    assertFalse(Taxonomy.builtIn().contains(TaxonomyKind.SUBJECT, "member"), "the built-in taxonomy is unchanged");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "not json                | {\"categories\": [ | not valid JSON at line",
    "not an object           | [1,2]                | must be a JSON object",
    "unknown section         | {\"uses\":[]}          | unknown section \"uses\"",
    "section not an array    | {\"purposes\":{}}      | \"purposes\" must be an array",
    "missing key             | {\"categories\":[{\"name\":\"x\"}]} | \"key\" must be a dotted lower-case key",
    "bad key                 | {\"categories\":[{\"key\":\"User Email\"}]} | categories[0]: \"key\" must be a dotted lower-case key such as",
    "e-mail as a field       | {\"categories\":[{\"key\":\"user.x\",\"bob@example.com\":1}]} | categories[0]: unknown field (a name that is not an identifier)",
    "e-mail as parent        | {\"categories\":[{\"key\":\"user.x\",\"parent\":\"bob@example.com\"}]} | categories[0]: its \"parent\" is not a known category",
    "unknown field           | {\"categories\":[{\"key\":\"user.x\",\"colour\":1}]} | unknown field \"colour\"",
    "duplicate of built-in   | {\"categories\":[{\"key\":\"user.contact.email\"}]} | already defined",
    "unknown parent          | {\"categories\":[{\"key\":\"user.contakt.badge\"}]} | did you mean \"user.contact\"",
    "flags on a purpose      | {\"purposes\":[{\"key\":\"marketing.x\",\"special\":true}]} | apply to categories only",
    "its own parent          | {\"categories\":[{\"key\":\"user.x\",\"parent\":\"user.x\"}]} | categories[0]: its \"parent\" leads back to it",
    "a cycle of two          | {\"categories\":[{\"key\":\"user.x\",\"parent\":\"user.y\"},{\"key\":\"user.y\",\"parent\":\"user.x\"}]} | its \"parent\" leads back to it"
  })
  void aBadExtensionFileGivesOneMessageNamingTheFile(String name, String json, String expected) throws IOException {
    Path file = file(json);
    TaxonomyException e = assertThrows(TaxonomyException.class, () -> Taxonomy.load(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertFalse(e.getMessage().contains("User Email") || e.getMessage().contains("bob@")
        || e.getMessage().contains("contakt"), "no input quoted: " + e.getMessage());
  }

  @Test
  void anUnknownParentIsNeverAnsweredWithTheEntryItself() throws IOException {
    Path file = file("{\"categories\":[{\"key\":\"user.custom.x\",\"parent\":\"user.custom\"}]}");
    TaxonomyException e = assertThrows(TaxonomyException.class, () -> Taxonomy.load(file));
    assertTrue(e.getMessage().contains("its \"parent\" is not a known category"), e.getMessage());
    assertFalse(e.getMessage().contains("user.custom.x"), e.getMessage());
  }

  @Test
  void aMissingFileSaysWhichOptionToCheck() {
    Path missing = dir.resolve("absent.json");
    TaxonomyException e = assertThrows(TaxonomyException.class, () -> Taxonomy.load(missing));
    assertTrue(e.getMessage().contains("not found") && e.getMessage().contains("piiwarden.taxonomy"), e.getMessage());
  }
}

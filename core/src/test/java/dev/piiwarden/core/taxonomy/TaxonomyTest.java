package dev.piiwarden.core.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxonomyTest {
  private final Taxonomy taxonomy = Taxonomy.builtIn();

  @ParameterizedTest
  @CsvSource({
    "CATEGORY, data_categories.json, data_category, 85",
    "PURPOSE, data_uses.json, data_use, 54",
    "SUBJECT, data_subjects.json, data_subject, 15"
  })
  void everyFideslangKeyLoadsWithItsParentAndName(
      TaxonomyKind kind, String file, String section, int count) throws IOException {
    JsonNode data;
    try (InputStream in = getClass().getResourceAsStream("/dev/piiwarden/core/taxonomy/fideslang/" + file)) {
      data = new ObjectMapper().readTree(in).path(section);
    }
    assertEquals(count, data.size());
    Set<String> keys = new TreeSet<>();
    for (JsonNode node : data) {
      String key = node.get("fides_key").asText();
      keys.add(key);
      TaxonomyEntry entry = taxonomy.find(kind, key).orElseThrow(() -> new AssertionError(key));
      assertEquals(node.get("name").asText(), entry.name());
      JsonNode parent = node.path("parent_key");
      assertEquals(parent.isTextual() ? parent.asText() : null, entry.parent());
    }
    assertEquals(keys.size(), taxonomy.entries(kind).size());
  }

  @Test
  void aParentCoversItsChildrenButNotTheOtherWayRound() {
    assertTrue(taxonomy.covers(TaxonomyKind.PURPOSE, "marketing", "marketing.communications.email"));
    assertTrue(taxonomy.covers(TaxonomyKind.PURPOSE, "marketing.communications.email", "marketing.communications.email"));
    assertFalse(taxonomy.covers(TaxonomyKind.PURPOSE, "marketing.communications.email", "marketing"));
    assertFalse(taxonomy.covers(TaxonomyKind.PURPOSE, "marketing.communications", "marketing.advertising"));
    assertTrue(taxonomy.covers(TaxonomyKind.CATEGORY, "user.contact", "user.contact.address.city"));
    assertFalse(taxonomy.covers(TaxonomyKind.CATEGORY, "user.contact", "user.content.private"));
  }

  @Test
  void unknownKeysAreComparedByTheirDottedPrefix() {
    assertTrue(taxonomy.covers(TaxonomyKind.PURPOSE, "marketing", "marketing.custom.thing"));
    assertFalse(taxonomy.covers(TaxonomyKind.PURPOSE, "market", "marketing.custom"));
  }

  @ParameterizedTest
  @CsvSource({
    "CATEGORY, user.contact.emial, user.contact.email",
    "CATEGORY, user.email, user.contact.email",
    "CATEGORY, user.emial, user.contact.email",
    "CATEGORY, user.phone_number, user.contact.phone_number",
    "PURPOSE, marketing.comunications.email, marketing.communications.email",
    "SUBJECT, customers, customer"
  })
  void suggestsTheClosestKnownKey(TaxonomyKind kind, String typed, String expected) {
    assertEquals(Optional.of(expected), taxonomy.suggest(kind, typed));
  }

  @Test
  void suggestsNothingForSomethingFarFromEveryKey() {
    assertEquals(Optional.empty(), taxonomy.suggest(TaxonomyKind.SUBJECT, "zzzzzzzzzzzzzzzzzz"));
    assertEquals(Optional.empty(), taxonomy.suggest(TaxonomyKind.PURPOSE, "no.such.purpose"));
    assertEquals(Optional.empty(), taxonomy.suggest(TaxonomyKind.CATEGORY, "shoe.size"));
  }

  @Test
  void specialCategoriesAreArticleNineAndTenDataAndTheirChildren() {
    for (String key : new String[] {"user.biometric", "user.biometric.fingerprint", "user.health_and_medical.genetic",
        "user.demographic.race_ethnicity", "user.demographic.political_opinion", "user.demographic.religious_belief",
        "user.demographic.sexual_orientation", "user.criminal_history"}) {
      assertTrue(taxonomy.isSpecial(key), key);
      assertTrue(taxonomy.isSensitive(key), key + " is sensitive too");
    }
    assertFalse(taxonomy.isSpecial("user.contact.email"));
    assertFalse(taxonomy.isSpecial("user.demographic.gender"));
  }

  @Test
  void sensitiveCategoriesFollowTheCcpa() {
    for (String key : new String[] {"user.government_id.passport_number", "user.financial.credit_card",
        "user.location.precise", "user.authorization.password", "user.authorization.credentials"}) {
      assertTrue(taxonomy.isSensitive(key), key);
      assertFalse(taxonomy.isSpecial(key), key + " is not special");
    }
    assertFalse(taxonomy.isSensitive("user.location.imprecise"));
    assertFalse(taxonomy.isSensitive("user.contact.email"));
  }
}

package dev.piiwarden.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTest {
  @ParameterizedTest
  @CsvSource({
    "'', '', 0",
    "'', abc, 3",
    "kitten, sitting, 3",
    "user.contact.emial, user.contact.email, 2",
    "piiwarden.consent.mod, piiwarden.consent.mode, 1",
    "same, same, 0"
  })
  void countsInsertionsDeletionsAndSubstitutions(String a, String b, int expected) {
    assertEquals(expected, EditDistance.between(a, b));
    assertEquals(expected, EditDistance.between(b, a));
  }
}

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
    "user.contact.emial, user.contact.email, 1",
    "ab, ba, 1",
    "abcd, badc, 2",
    "ca, abc, 3",
    "piiwarden.consent.mod, piiwarden.consent.mode, 1",
    "same, same, 0"
  })
  void countsInsertionsDeletionsSubstitutionsAndSwapsOfNeighbours(String a, String b, int expected) {
    assertEquals(expected, EditDistance.between(a, b));
    assertEquals(expected, EditDistance.between(b, a));
  }
}

package dev.piiwarden.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonValuesTest {
  @Test
  void readsEveryKindOfValueInTheDocumentsOrder() {
    Object value = JsonValues.parse("""
         { "b" : [ 1, -20, 0.5, 2e3, true, false, null, { } , [ ] ],
           "a" : "x\\"y\\\\z\\/\\b\\f\\n\\r\\t\\u00e9\\u20AC", "é" : "ü" }
        """);
    Map<?, ?> object = (Map<?, ?>) value;
    assertEquals(List.of("b", "a", "é"), List.copyOf(object.keySet()));
    assertEquals(Arrays.asList(1L, -20L, 0.5, 2000.0, true, false, null, Map.of(), List.of()), object.get("b"));
    assertEquals("x\"y\\z/\b\f\n\r\t\u00e9\u20ac", object.get("a"));
    assertEquals("ü", object.get("é"));
    assertNull(JsonValues.parse(" null "));
  }

  @Test
  void readsTheSameValuesAsJacksonFromTheShippedTaxonomy() throws Exception {
    for (String file : List.of("data_categories.json", "data_uses.json", "data_subjects.json")) {
      byte[] bytes = JsonValuesTest.class.getResourceAsStream("/dev/piiwarden/core/taxonomy/fideslang/" + file)
          .readAllBytes();
      assertEquals(new ObjectMapper().readValue(bytes, Object.class),
          JsonValues.parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)), file);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {"a": 1,}                  | line 1, column 9 (expected a field name in double quotes)
      [1, 2                      | line 1, column 6 (expected ']')
      {"secret": alice}          | line 1, column 12 (expected a value)
      "open                      | line 1, column 6 (a string is not closed)
      "bad \\q escape"           | line 1, column 7 (expected one of
      [01]                       | line 1, column 3 (expected ']')
      [-]                        | line 1, column 3 (expected a digit)
      {"a": 1} {"b": 2}          | line 1, column 10 (expected the end of the document)
      ''                         | line 1, column 1 (expected a value)
      "\\u12"                    | line 1, column 4 (expected four hexadecimal digits
      """)
  void aDocumentThatIsNotJsonIsToldByLineAndColumnWithoutItsText(String text, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonValues.parse(text));
    assertEquals("not valid JSON at " + expected, e.getMessage().substring(0, ("not valid JSON at " + expected).length()));
    assertFalse(e.getMessage().contains("alice"), e.getMessage());
  }

  @Test
  void deepNestingIsRefusedBeforeTheStackRunsOut() {
    Object deepest = JsonValues.parse("[".repeat(1000) + "]".repeat(1000));
    for (int level = 1; level < 1000; level++) {
      deepest = ((List<?>) deepest).get(0);
    }
    assertEquals(List.of(), deepest);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JsonValues.parse("[".repeat(100_000) + "]".repeat(100_000)));
    assertEquals("not valid JSON at line 1, column 1001 (arrays and objects nested more than 1000 deep)",
        e.getMessage());
  }

  @Test
  void linesAreCountedFromOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JsonValues.parse("{\n  \"a\": [\n    tru\n  ]\n}"));
    assertEquals("not valid JSON at line 3, column 5 (expected a value)", e.getMessage());
  }
}

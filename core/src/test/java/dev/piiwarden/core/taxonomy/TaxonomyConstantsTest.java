package dev.piiwarden.core.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The constants in piiwarden-annotations must name exactly the keys of the shipped taxonomy. */
class TaxonomyConstantsTest {

  @ParameterizedTest
  @CsvSource({"CATEGORY, dev.piiwarden.annotations.Category", "PURPOSE, dev.piiwarden.annotations.Purpose",
      "SUBJECT, dev.piiwarden.annotations.Subject"})
  void constantsMatchTheTaxonomyData(TaxonomyKind kind, String className) throws Exception {
    Class<?> constants = Class.forName(className);
    Map<String, String> declared = new TreeMap<>();
    for (Field field : constants.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == String.class) {
        declared.put(field.getName(), (String) field.get(null));
      }
    }
    Map<String, String> expected = new TreeMap<>();
    for (TaxonomyEntry entry : Taxonomy.builtIn().entries(kind)) {
      expected.put(entry.key().toUpperCase(Locale.ROOT).replace('.', '_'), entry.key());
    }
    assertEquals(expected, declared,
        className + " drifted from the taxonomy data: regenerate the constants from core's fideslang files");
  }
}

package dev.piiwarden.core.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.piiwarden.core.redaction.PiiType;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectorsOptionTest {

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', emptyValue = "", value = {
    "all|CREDENTIAL,CARD,IBAN,SSN,EMAIL,PHONE,IP",
    "' all '|CREDENTIAL,CARD,IBAN,SSN,EMAIL,PHONE,IP",
    "email|EMAIL",
    "email, phone|EMAIL,PHONE",
    "email,email|EMAIL",
    "ip,ssn,credential,card,iban|CREDENTIAL,CARD,IBAN,SSN,IP",
  })
  void takesAllOrAListOfNames(String value, String types) {
    EnumSet<PiiType> expected = EnumSet.noneOf(PiiType.class);
    for (String type : types.split(",")) {
      expected.add(PiiType.valueOf(type));
    }
    assertEquals(Optional.empty(), DetectorsOption.problem(value));
    assertEquals(expected, DetectorsOption.parse(value));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {
    "''|is empty, which would run no detector",
    "' '|is empty, which would run no detector",
    "','|',' has an empty detector name",
    "'email,'|'email,' has an empty detector name",
    "'email,,ip'|'email,,ip' has an empty detector name",
    "EMAIL|'EMAIL' is not a detector (names are lower-case: email)",
    "ALL|'ALL' is not a detector (names are lower-case: all)",
    "'all,email'|'all,email' lists all with other names; all stands alone",
    "'email, fax'|'fax' is not a detector",
  })
  void refusesAnythingElseSayingWhy(String value, String problem) {
    assertEquals(Optional.of(problem), DetectorsOption.problem(value));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DetectorsOption.parse(value));
    assertEquals(problem, e.getMessage());
  }
}

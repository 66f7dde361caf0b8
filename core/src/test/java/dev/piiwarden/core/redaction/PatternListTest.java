package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PatternListTest {
  @Test
  void commasBetweenPatternsSeparateThem() {
    assertEquals(List.of("EMP-\\d{6}", "ACME-[A-Z]+"), PatternList.split("EMP-\\d{6}, ACME-[A-Z]+"));
    assertEquals(List.of("one"), PatternList.split("one"));
  }

  @Test
  void commasThatBelongToAPatternStayInIt() {
    assertEquals(List.of("\\d{3,4}-\\d{2,}", "x"), PatternList.split("\\d{3,4}-\\d{2,},x"));
    assertEquals(List.of("a[,;]b", "c"), PatternList.split("a[,;]b,c"));
    assertEquals(List.of("[],]x", "[^],]y"), PatternList.split("[],]x,[^],]y"));
    assertEquals(List.of("(a|b,c)d", "e"), PatternList.split("(a|b,c)d,e"));
    assertEquals(List.of("k\\,v", "w"), PatternList.split("k\\,v,w"));
  }

  @Test
  void emptyPiecesAreKeptForTheCallerToRefuse() {
    assertEquals(List.of("a", "", "b", ""), PatternList.split("a,,b,"));
    assertEquals(List.of(""), PatternList.split(""));
  }
}

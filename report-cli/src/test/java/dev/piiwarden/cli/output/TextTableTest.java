package dev.piiwarden.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void columnsAreAsWideAsTheirWidestCellWithoutTrailingSpaces() {
    String text = new TextTable("ID", "NAME").row("a-long-id", "x").row("b", "longer name").render();

    assertEquals(
        """
        ID         NAME
        a-long-id  x
        b          longer name
        """,
        text);
  }

  @Test
  void aRowMustFillEveryColumn() {
    TextTable table = new TextTable("ID", "NAME");

    assertThrows(IllegalArgumentException.class, () -> table.row("only-one"));
  }

  @Test
  void aCellIsOneLineWithOtherControlCharactersEscaped() {
    String text = new TextTable("ID", "NAME").row("a\r\nb", "tab\there\u0007\u2028\u202e").render();

    assertEquals("ID   NAME\na b  tab here\\u0007\\u2028\\u202E\n", text);
  }
}

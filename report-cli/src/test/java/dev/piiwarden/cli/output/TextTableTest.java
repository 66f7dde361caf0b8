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
}

package dev.piiwarden.cli.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fixed-width text table: each column as wide as its widest cell, two spaces between columns,
 * no trailing spaces.
 */
public final class TextTable {
  private static final String GAP = "  ";

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  /** A table with these column headers. */
  public TextTable(String... headers) {
    this.headers = List.of(headers);
  }

  /** Adds a row; it must have one cell per column. */
  public TextTable row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "a row of " + cells.length + " cells in a table of " + headers.size() + " columns: "
              + Arrays.toString(cells));
    }
    rows.add(List.of(cells));
    return this;
  }

  /** The header line and one line per row, each ending with a newline. */
  public String render() {
    int[] widths = new int[headers.size()];
    for (List<String> line : allLines()) {
      for (int column = 0; column < widths.length; column++) {
        widths[column] = Math.max(widths[column], line.get(column).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> line : allLines()) {
      StringBuilder rendered = new StringBuilder();
      for (int column = 0; column < widths.length; column++) {
        String cell = line.get(column);
        rendered.append(cell).append(" ".repeat(widths[column] - cell.length())).append(GAP);
      }
      text.append(rendered.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  private List<List<String>> allLines() {
    List<List<String>> lines = new ArrayList<>();
    lines.add(headers);
    lines.addAll(rows);
    return lines;
  }
}

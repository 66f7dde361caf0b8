package dev.piiwarden.cli.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A fixed-width text table: each column as wide as its widest cell, two spaces between columns,
 * no trailing spaces. A cell is one line whatever it holds: white space (line breaks, tabs) is
 * flattened to one space, and any other control character (an escape sequence for the terminal, a
 * direction override) is shown as a Java escape of its code (U+001B as {@code \\u001B}), so a
 * value from a ledger, a trail or an inventory cannot forge rows or rewrite the screen.
 */
public final class TextTable {
  private static final String GAP = "  ";
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

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
    rows.add(Arrays.stream(cells).map(TextTable::cell).toList());
    return this;
  }

  /** {@code value} as one line of plain text, as every cell of a table shows it. */
  public static String cell(String value) {
    String flat = WHITE_SPACE.matcher(value).replaceAll(" ");
    StringBuilder shown = null;
    for (int i = 0; i < flat.length(); i++) {
      char c = flat.charAt(i);
      boolean hidden = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
          || Character.getType(c) == Character.LINE_SEPARATOR
          || Character.getType(c) == Character.PARAGRAPH_SEPARATOR;
      if (hidden && shown == null) {
        shown = new StringBuilder(flat.substring(0, i));
      }
      if (hidden) {
        shown.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else if (shown != null) {
        shown.append(c);
      }
    }
    return shown == null ? flat : shown.toString();
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

package dev.piiwarden.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of reports: the inventory's conventions (two-space indent, LF line ends, fields in
 * declaration order, nulls left out, a final newline), so reports diff as well as inventories do.
 */
public final class ReportJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private static final ObjectWriter WRITER =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private ReportJson() {}

  /** A new empty object to build a report in. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The value (a tree or a record) as JSON text ending with a newline. */
  public static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A report could not be turned into JSON", e);
    }
  }
}

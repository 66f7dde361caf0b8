package dev.piiwarden.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/** Jackson's parse errors, told in one short line without its source dumps. */
public final class JsonProblem {
  private static final Pattern SOURCE_DETAILS =
      Pattern.compile("\\s*\\(?\\s*(start marker )?at \\[Source:[^\\]]*\\](\\s*;[^)]*)?\\)?|\\s*\\n.*", Pattern.DOTALL);

  private JsonProblem() {}

  /** "not valid JSON at line L, column C (what the parser found)". */
  public static String describe(JsonProcessingException e) {
    String what = e.getOriginalMessage() == null ? "" : SOURCE_DETAILS.matcher(e.getOriginalMessage()).replaceAll("");
    String where = e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    return "not valid JSON" + where + (what.isBlank() ? "" : " (" + what.strip() + ")");
  }
}

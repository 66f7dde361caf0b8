package dev.piiwarden.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors, told in one short line without its source dumps and without the text it
 * quotes from the input: an unquoted word Jackson stops at can be a line of personal data
 * ({@code "name": alice@example.com}), and messages never repeat input.
 */
public final class JsonProblem {
  private static final Pattern SOURCE_DETAILS =
      Pattern.compile("\\s*\\(?\\s*(start marker )?at \\[Source:[^\\]]*\\](\\s*;[^)]*)?\\)?|\\s*\\n.*", Pattern.DOTALL);
  /** "Unrecognized token 'alice': was expecting …": the quoted token is input. */
  private static final Pattern QUOTED_TOKEN = Pattern.compile("(?i)(token) '[^']*'(?=:)");
  /** "…, from `StreamReadConstraints.getMaxStringLength()`": where Jackson's limit is set. */
  private static final Pattern LIMIT_SOURCE = Pattern.compile(", from `[^`]*`");

  private JsonProblem() {}

  /** "not valid JSON at line L, column C (what the parser found)". */
  public static String describe(JsonProcessingException e) {
    String what = e.getOriginalMessage() == null ? ""
        : LIMIT_SOURCE.matcher(QUOTED_TOKEN.matcher(
            SOURCE_DETAILS.matcher(e.getOriginalMessage()).replaceAll("")).replaceAll("$1"))
            .replaceAll("");
    String where = e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    return "not valid JSON" + where + (what.isBlank() ? "" : " (" + what.strip() + ")");
  }
}

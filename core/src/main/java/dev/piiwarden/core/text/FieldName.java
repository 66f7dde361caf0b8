package dev.piiwarden.core.text;

import java.util.regex.Pattern;

/**
 * The name of an unknown field in a user's file, as a message may show it. A name like
 * {@code colour} or {@code categores} is a typo of the format and worth naming; anything else (an
 * e-mail address that ended up as a YAML key, say) could be personal data, and messages never quote
 * it.
 */
public final class FieldName {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

  private FieldName() {}

  /**
   * The name in {@code quote} marks when it is a plain identifier, else a description of it.
   *
   * @param name the field name found in the input
   * @param quote the quote mark the message uses, {@code '} or {@code "}
   */
  public static String shown(String name, char quote) {
    return IDENTIFIER.matcher(name).matches() ? quote + name + quote : "(a name that is not an identifier)";
  }
}

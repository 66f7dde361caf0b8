package dev.piiwarden.core.policy;

/**
 * A rule violated by the inventory.
 *
 * @param rule the rule
 * @param message what is wrong, naming the data, the activity and the sink
 * @param file the source file relative to the source root, e.g. {@code com/acme/User.java}
 * @param line the 1-based line, or 0 when the inventory does not know it
 * @param about the element or activity id the finding is about
 */
public record Finding(PolicyRule rule, String message, String file, int line, String about) {
  /** {@code com/acme/User.java:12}, or the file alone without a line. */
  public String location() {
    return line > 0 ? file + ":" + line : file;
  }
}

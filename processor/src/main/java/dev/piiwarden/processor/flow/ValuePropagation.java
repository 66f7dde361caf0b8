package dev.piiwarden.processor.flow;

import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Library methods whose result carries their arguments (string building and formatting), and those
 * that also add their arguments to the receiver ({@code StringBuilder.append}). A table, not code:
 * add a row to teach the analysis another one.
 */
final class ValuePropagation {
  private static final Map<String, Set<String>> RESULT_CARRIES_ARGUMENTS = Map.of(
      "java.lang.String", Set.of("format", "formatted", "valueOf", "copyValueOf", "join", "concat"),
      "java.lang.StringBuilder", Set.of("append", "insert"),
      "java.lang.StringBuffer", Set.of("append", "insert"),
      "java.util.Objects", Set.of("toString", "requireNonNull", "requireNonNullElse"),
      "java.util.Optional", Set.of("of", "ofNullable"),
      "java.text.MessageFormat", Set.of("format"));

  private static final Set<String> RECEIVER_COLLECTS_ARGUMENTS =
      Set.of("java.lang.StringBuilder", "java.lang.StringBuffer");

  private ValuePropagation() {}

  /** Whether the result of {@code method} carries its arguments. */
  static boolean resultCarriesArguments(ExecutableElement method) {
    Set<String> methods = RESULT_CARRIES_ARGUMENTS.get(owner(method));
    return methods != null && methods.contains(method.getSimpleName().toString());
  }

  /** Whether {@code method} adds its arguments to its receiver. */
  static boolean receiverCollectsArguments(ExecutableElement method) {
    return RECEIVER_COLLECTS_ARGUMENTS.contains(owner(method)) && resultCarriesArguments(method);
  }

  private static String owner(ExecutableElement method) {
    return ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
  }
}

package dev.piiwarden.processor.flow;

import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Library methods whose result carries their arguments (string building and formatting, encodings,
 * collections built from them), those whose result carries none of them (PII Warden's redaction),
 * those that also add their arguments to the receiver ({@code StringBuilder.append}, {@code
 * StringJoiner.add}), the methods by
 * which a collection or map stores what it is handed, and what streams, {@code Optional} and
 * collectors do with the functions they are handed.
 * A table, not code: add a row to teach the analysis another one.
 */
final class ValuePropagation {
  private static final Map<String, Set<String>> RESULT_CARRIES_ARGUMENTS = Map.ofEntries(
      Map.entry("java.lang.String", Set.of("format", "formatted", "valueOf", "copyValueOf", "join", "concat")),
      Map.entry("java.lang.StringBuilder", Set.of("append", "insert")),
      Map.entry("java.lang.StringBuffer", Set.of("append", "insert")),
      Map.entry("java.util.StringJoiner", Set.of("add", "merge", "setEmptyValue")),
      Map.entry("java.util.Objects", Set.of("toString", "requireNonNull", "requireNonNullElse")),
      Map.entry("java.util.Optional", Set.of("of", "ofNullable")),
      Map.entry("java.text.MessageFormat", Set.of("format")),
      // encodings: the same data in another form
      Map.entry("java.util.Base64.Encoder", Set.of("encode", "encodeToString")),
      Map.entry("java.net.URLEncoder", Set.of("encode")),
      Map.entry("java.net.URI", Set.of("create")),
      // collections built from their arguments
      Map.entry("java.util.List", Set.of("of", "copyOf")),
      Map.entry("java.util.Set", Set.of("of", "copyOf")),
      Map.entry("java.util.Map", Set.of("of", "entry", "copyOf", "ofEntries")),
      Map.entry("java.util.Arrays", Set.of("asList", "toString", "deepToString", "copyOf", "copyOfRange")),
      Map.entry("java.util.Collections", Set.of("singletonList", "singleton", "singletonMap",
          "unmodifiableList", "unmodifiableSet", "unmodifiableMap", "unmodifiableCollection")),
      Map.entry("java.util.stream.Stream", Set.of("of", "concat")));

  /**
   * Methods whose result carries none of their arguments' personal data: PII Warden's own log-safe
   * rendering, which PW018 recommends ({@code log.info("{}", PersonalDataExport.redact(user))}).
   * Its {@code export} is the opposite (it returns the values) and counts as any third-party method.
   */
  private static final Map<String, Set<String>> RESULT_CARRIES_NOTHING = Map.of(
      "dev.piiwarden.api.PersonalDataExport", Set.of("redact"));

  private static final Set<String> RECEIVER_COLLECTS_ARGUMENTS =
      Set.of("java.lang.StringBuilder", "java.lang.StringBuffer", "java.util.StringJoiner");

  /** Methods of collections and maps that store their arguments in the receiver. */
  private static final Set<String> CONTAINER_STORES = Set.of(
      "add", "addAll", "addFirst", "addLast", "offer", "offerFirst", "offerLast", "push", "set", "put", "putAll",
      "putIfAbsent", "replace");

  /** Methods of streams and {@code Optional} whose result is what their functions yield. */
  private static final Set<String> MAPPING = Set.of("map", "flatMap", "mapToObj", "collect");

  private static final String COLLECTORS = "java.util.stream.Collectors";
  /** Collectors whose result holds the collected elements themselves. */
  private static final Set<String> COLLECTORS_KEEPING_ELEMENTS = Set.of(
      "toList", "toSet", "toUnmodifiableList", "toUnmodifiableSet", "toCollection", "joining", "minBy", "maxBy",
      "reducing");
  /** Collectors that hold the elements themselves unless handed a downstream collector. */
  private static final Set<String> GROUPING_COLLECTORS = Set.of("groupingBy", "groupingByConcurrent", "partitioningBy");

  private ValuePropagation() {}

  /** What a JDK method does with the functions it is handed; {@code map} yields what they yield. */
  static ElementFunctions functions(ExecutableElement method, ContainerTypes containers) {
    if (owner(method).equals(COLLECTORS)) {
      return ElementFunctions.COLLECTOR;
    }
    if (method.getModifiers().contains(Modifier.STATIC)
        || !containers.isContainer(method.getEnclosingElement().asType())) {
      return ElementFunctions.NONE;
    }
    return MAPPING.contains(method.getSimpleName().toString()) ? ElementFunctions.MAPPED : ElementFunctions.APPLIED;
  }

  /**
   * Whether a collector holds the elements it collects ({@code toList()}, {@code groupingBy(f)}), not
   * only what its functions or downstream collector yield ({@code toMap(f, g)}, {@code groupingBy(f, counting())}).
   */
  static boolean collectorKeepsElements(String name, int arguments) {
    return COLLECTORS_KEEPING_ELEMENTS.contains(name) || (GROUPING_COLLECTORS.contains(name) && arguments == 1);
  }

  /** Whether {@code method}, declared by a container, stores its arguments in its receiver ({@code list.add(x)}). */
  static boolean containerStoresArguments(ExecutableElement method, ContainerTypes containers) {
    return CONTAINER_STORES.contains(method.getSimpleName().toString())
        && containers.isContainer(method.getEnclosingElement().asType());
  }

  /** Whether the result of {@code method} carries its arguments. */
  static boolean resultCarriesArguments(ExecutableElement method) {
    Set<String> methods = RESULT_CARRIES_ARGUMENTS.get(owner(method));
    return methods != null && methods.contains(method.getSimpleName().toString());
  }

  /** Whether the result of {@code method} carries no personal data, whatever it was handed (a sanitiser). */
  static boolean resultCarriesNothing(ExecutableElement method) {
    Set<String> methods = RESULT_CARRIES_NOTHING.get(owner(method));
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

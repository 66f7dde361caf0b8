package dev.piiwarden.agent.instrument;

/**
 * Packages never instrumented: the JDK, PII Warden's agent, Byte Buddy, other agents; and classes
 * the JVM generates: lambdas, and JDK dynamic proxies, which the JVM puts in {@code jdk.proxyN}
 * or, for an interface that is not public, in the interface's package ({@code com/acme/$Proxy12}):
 * a proxy's methods hand each call to a handler, which calls the implementation that is checked
 * itself. Checked by name before anything else, so these class files are never read.
 */
final class IgnoredTypes {
  /** Binary-name prefixes. */
  static final String[] PREFIXES = {
    "java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.piiwarden.agent.", "net.bytebuddy.",
    "io.opentelemetry.javaagent.", "co.elastic.apm.agent.", "datadog.trace.", "com.newrelic.",
    "org.glowroot.", "kotlin.", "scala."
  };

  private static final String[] INTERNAL_PREFIXES = new String[PREFIXES.length];

  static {
    for (int i = 0; i < PREFIXES.length; i++) {
      INTERNAL_PREFIXES[i] = PREFIXES[i].replace('.', '/');
    }
  }

  private IgnoredTypes() {}

  /** @param internalName a class name with slashes, as a {@code ClassFileTransformer} gets it */
  static boolean byInternalName(String internalName) {
    for (String prefix : INTERNAL_PREFIXES) {
      if (internalName.startsWith(prefix)) {
        return true;
      }
    }
    return internalName.contains("$$Lambda")
        || internalName.startsWith("$Proxy", internalName.lastIndexOf('/') + 1);
  }
}

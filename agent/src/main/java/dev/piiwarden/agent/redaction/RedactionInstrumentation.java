package dev.piiwarden.agent.redaction;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.piiwarden.agent.redaction.bridge.RedactionBridge;
import dev.piiwarden.agent.report.AgentReport;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the logging hooks: one transformer, matching four classes by exact name (no class file
 * is parsed for any other class). At a {@code -javaagent} start only {@code
 * java.util.logging.Logger} can already be loaded: it alone is retransformed (loaded without
 * initialisation if need be). On an attach, classes already loaded with those names are
 * retransformed.
 */
final class RedactionInstrumentation {
  /** Class-name prefixes of every class these hooks instrument, for a start-up pre-filter. */
  static final Set<String> PREFIXES =
      Set.of("ch.qos.logback.classic.", "org.apache.logging.log4j.core.", "java.util.logging.");

  private RedactionInstrumentation() {}

  static void install(Instrumentation instrumentation, boolean attached) {
    AgentBuilder.RedefinitionStrategy.DiscoveryStrategy discovery =
        attached
            ? AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.SinglePass.INSTANCE
            : new AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Explicit(julLogger());
    AgentBuilder builder =
        newAgentBuilder()
            .disableClassFormatChanges()
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(discovery)
            .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
            .with(AgentBuilder.TypeStrategy.Default.DECORATE)
            .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
            .with(new Failures())
            .assureReadEdgeTo(instrumentation, RedactionBridge.class)
            .ignore(nameStartsWith("dev.piiwarden.agent."));
    builder
        .type(LogbackEventRedaction.type())
        .transform((b, type, loader, module, domain) -> LogbackEventRedaction.transform(b))
        .type(Log4jEventRedaction.type())
        .transform((b, type, loader, module, domain) -> Log4jEventRedaction.transform(b))
        .type(ThrowableProxyRedaction.type())
        .transform((b, type, loader, module, domain) -> ThrowableProxyRedaction.transform(b))
        .type(JulRecordRedaction.type())
        .transform((b, type, loader, module, domain) -> JulRecordRedaction.transform(b))
        .installOn(instrumentation);
  }

  /**
   * Byte Buddy's Nexus (for live initializers, which inlined advice never needs) reaches for
   * {@code sun.misc.Unsafe} when the builder is created, and JDK 24+ warns about that on stderr.
   * The property turns it off for the time of construction; the shade plugin rewrites its name to
   * the relocated one that our copy of Byte Buddy reads.
   */
  private static AgentBuilder.Default newAgentBuilder() {
    String nexus = "net.bytebuddy.nexus.disabled";
    String before = System.getProperty(nexus);
    System.setProperty(nexus, "true");
    try {
      return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED));
    } finally {
      if (before == null) {
        System.clearProperty(nexus);
      } else {
        System.setProperty(nexus, before);
      }
    }
  }

  private static Class<?>[] julLogger() {
    List<Class<?>> classes = new ArrayList<>();
    try {
      classes.add(Class.forName(JulRecordRedaction.TYPE_NAME, false, null));
    } catch (ClassNotFoundException | LinkageError e) {
      // a runtime without java.logging: nothing to hook
    }
    return classes.toArray(new Class<?>[0]);
  }

  /** Reports a class that could not be instrumented, once. */
  private static final class Failures extends AgentBuilder.Listener.Adapter {
    @Override
    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
      AgentReport.once(
          "redaction-transform-" + typeName,
          "could not instrument " + typeName + " (" + AgentReport.describe(error)
              + "); its log events are not redacted");
    }

    @Override
    public void onTransformation(
        TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded, DynamicType dynamicType) {
      // nothing to count: four classes at most per loader
    }
  }
}

package dev.piiwarden.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isExtensionClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import dev.piiwarden.agent.consent.ApplicationApi;
import dev.piiwarden.agent.consent.ConsentRules;
import dev.piiwarden.agent.inventory.FragmentCatalogue;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Installs consent enforcement: every method annotated {@code @ConsentRequired}, and every public
 * method of a type so annotated, gets {@link ConsentAdvice}. Classes already loaded (before an
 * attach) are retransformed.
 */
public final class ConsentInstrumentation {
  /** Packages never instrumented: the JDK, PII Warden's agent, Byte Buddy, other agents. */
  private static final String[] IGNORED_PREFIXES = {
    "java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.piiwarden.agent.", "net.bytebuddy.",
    "io.opentelemetry.javaagent.", "co.elastic.apm.agent.", "datadog.trace.", "com.newrelic.",
    "org.glowroot.", "kotlin.", "scala."
  };

  private ConsentInstrumentation() {}

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

  /** Installs the transformer; returns a description of what was set up, for the start line. */
  public static String install(
      Instrumentation instrumentation, ConsentRules rules, FragmentCatalogue catalogue) {
    ElementMatcher.Junction<TypeDescription> required = named(ApplicationApi.CONSENT_REQUIRED);
    ElementMatcher.Junction<MethodDescription> enforced =
        isMethod()
            .and(not(isAbstract()))
            .and(not(isNative()))
            .and(not(isBridge()))
            .and(not(isSynthetic()))
            .and(
                isAnnotatedWith(required)
                    .or(isPublic().and(isDeclaredBy(isAnnotatedWith(required)))));
    Advice.WithCustomMapping mapping =
        Advice.withCustomMapping().bind(ConsentRuleId.class, new ConsentRuleBinding(rules));
    Advice onValue = mapping.to(ConsentAdvice.OnValue.class);
    Advice onVoid = mapping.to(ConsentAdvice.OnVoid.class);
    ErrorCountingListener listener = new ErrorCountingListener();

    AgentBuilder.Ignored ignored =
        newAgentBuilder()
            .disableClassFormatChanges()
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
            .with(new LoaderTypePoolCache())
            .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
            .with(AgentBuilder.TypeStrategy.Default.DECORATE)
            .with(listener)
            .ignore(any(), isBootstrapClassLoader().or(isExtensionClassLoader()));
    // Names first: they need no class file, so our own and the JDK's types are never parsed.
    for (String prefix : IGNORED_PREFIXES) {
      ignored = ignored.or(nameStartsWith(prefix));
    }
    ignored = ignored.or(nameContains("$$Lambda")).or(isSynthetic());
    ignored
        .type(
            // The loader check is cheap and cached; the annotation matchers read the class file.
            isAnnotatedWith(required).or(declaresMethod(isAnnotatedWith(required))),
            new ApplicationLoaders(ApplicationApi.CONSENT_REQUIRED))
        .transform(
            (builder, type, loader, module, domain) -> {
              // Only classes being transformed have their fragment read; it never throws.
              catalogue.transforming(type.getName(), loader);
              return builder
                  .visit(onVoid.on(enforced.and(returns(void.class))))
                  .visit(onValue.on(enforced.and(not(returns(void.class)))));
            })
        .installOn(instrumentation);
    return "consent enforcement installed";
  }
}

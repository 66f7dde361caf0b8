package dev.piiwarden.agent.redaction;

import java.util.Set;

/**
 * The classes {@link ExceptionClassRedaction} rewrites, by internal name. A class of its own, with
 * no other dependency, so that the transformer's look-up of every loaded class's name loads
 * nothing more than it (no hook, no ASM).
 */
final class ExceptionClassNames {
  /** Every name; {@link ExceptionClassRedaction} says what each class names the exception for. */
  static final Set<String> ALL = Set.of(
      "org/apache/logging/log4j/layout/template/json/resolver/ExceptionResolver",
      "org/springframework/util/ObjectUtils",
      "io/opentelemetry/sdk/common/internal/DefaultExceptionAttributeResolver",
      "io/opentelemetry/javaagent/shaded/instrumentation/logback/appender/v1_0/internal/LoggingEventMapper",
      "io/opentelemetry/instrumentation/logback/appender/v1_0/internal/LoggingEventMapper",
      "io/opentelemetry/javaagent/shaded/instrumentation/log4j/appender/v2_17/internal/LogEventMapper",
      "io/opentelemetry/instrumentation/log4j/appender/v2_17/internal/LogEventMapper",
      "io/opentelemetry/javaagent/instrumentation/jul/JavaUtilLoggingHelper",
      "io/opentelemetry/javaagent/instrumentation/jbosslogmanager/appender/v1_1/LoggingEventMapper",
      "org/jboss/logmanager/formatters/StructuredFormatter",
      "io/sentry/SentryExceptionFactory",
      "io/sentry/SentryOptions",
      "io/sentry/SentryClient");

  private ExceptionClassNames() {}

  /** Whether {@code internalName} is one of {@link #ALL}. */
  static boolean contains(String internalName) {
    return ALL.contains(internalName);
  }
}

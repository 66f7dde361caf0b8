package dev.piiwarden.agent.redaction;

import java.util.Set;

/**
 * The classes {@link ExceptionClassRedaction} rewrites, by internal name. A class of its own, with
 * no other dependency, so that the transformer's look-up of every loaded class's name loads
 * nothing more than it (no hook, no ASM).
 */
final class ExceptionClassNames {
  /** Log4j2's JsonTemplateLayout ({@code error.type} of the ECS template). */
  static final String JSON_EXCEPTION_RESOLVER = "org/apache/logging/log4j/layout/template/json/resolver/ExceptionResolver";
  /** Spring's {@code ObjectUtils} (Spring Boot's structured logging for Log4j2). */
  static final String SPRING_OBJECT_UTILS = "org/springframework/util/ObjectUtils";
  /** OpenTelemetry's SDK ({@code exception.type} of a log record given {@code setException}). */
  static final String OTEL_EXCEPTION_RESOLVER = "io/opentelemetry/sdk/common/internal/DefaultExceptionAttributeResolver";

  /** Every name, the OpenTelemetry appenders' mappers of earlier versions, JBoss and Sentry included. */
  static final Set<String> ALL = Set.of(
      JSON_EXCEPTION_RESOLVER,
      SPRING_OBJECT_UTILS,
      OTEL_EXCEPTION_RESOLVER,
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

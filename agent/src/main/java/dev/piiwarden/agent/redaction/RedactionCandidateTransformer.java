package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.report.AgentReport;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * The one transformer log redaction registers: an exact match of the class name against the hooked
 * classes ({@link #hooked}), nothing else read for any other class. The first match starts
 * redaction ({@link RedactionActivation}: bootstrap bridge, redactor, hooks); the class is then
 * rewritten by {@link LogHookRewriter}, or taken from the {@link HookedClassCache} of an earlier
 * start. Never throws: a class that cannot be hooked is reported
 * once and loads unchanged.
 */
final class RedactionCandidateTransformer implements ClassFileTransformer {
  private final RedactionActivation activation;
  /** Whether servers' access logs are hooked ({@code redaction.access-logs}). */
  private final boolean accessLogs;

  RedactionCandidateTransformer(RedactionActivation activation, boolean accessLogs) {
    this.activation = activation;
    this.accessLogs = accessLogs;
  }

  /**
   * Whether a class, by its internal name, is one of the hooked ones. Strings only: no hook class
   * is loaded until one matches (the list of {@link ExceptionClassNames} is a set of strings).
   */
  static boolean hooked(String internalName) {
    switch (internalName) {
      case LogbackEventRedaction.TYPE_NAME:
      case Log4jEventRedaction.TYPE_NAME:
      case ThrowableProxyRedaction.TYPE_NAME:
      case JulRecordRedaction.TYPE_NAME:
      case JbossRecordRedaction.TYPE_NAME:
      case Log4jApiBridgeRedaction.TYPE_NAME:
      case Slf4jJulAdapterRedaction.TYPE_NAME:
      case Slf4jJulAdapterRedaction.TYPE_NAME_1:
      case Slf4jKeyValueTextRedaction.TYPE_NAME:
      case Log4jSlf4jKeyValueRedaction.TYPE_NAME:
        return true;
      default:
        return ExceptionClassNames.contains(internalName);
    }
  }

  /**
   * Whether a class, by its internal name, is one of the servers' access log writers ({@link
   * AccessLogRedaction}). Strings only, as {@link #hooked}: this transformer sees the agent's own
   * classes load too, and loading one from inside it would define it twice.
   */
  static boolean accessLogWriter(String internalName) {
    switch (internalName) {
      case AccessLogRedaction.TOMCAT:
      case AccessLogRedaction.JETTY:
      case AccessLogRedaction.UNDERTOW:
      case AccessLogRedaction.QUARKUS:
      case AccessLogRedaction.LOGBACK_ACCESS:
      case AccessLogRedaction.LOGBACK_ACCESS_1:
      case AccessLogRedaction.LOGSTASH_ENCODER:
      case AccessLogRedaction.LOGSTASH_LAYOUT:
        return true;
      default:
        return false;
    }
  }

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain domain,
      byte[] classFile) {
    if (className == null) {
      return null;
    }
    if (!hooked(className) && !(accessLogs && accessLogWriter(className))) {
      return null;
    }
    byte[] rewritten;
    try {
      if (!activation.bridged(module)) {
        return null;
      }
      rewritten = HookedClassCache.rewrite(classFile, className);
    } catch (Throwable failure) {
      AgentReport.once(
          "redaction-transform-" + className,
          "could not instrument " + className.replace('/', '.') + " (" + AgentReport.describe(failure)
              + "); its log events are not redacted");
      return null;
    }
    if (rewritten != null) {
      OpenTelemetryLogExport.hooked(className);
    }
    return rewritten;
  }
}

package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.report.AgentReport;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * The one transformer log redaction registers: an exact match of the class name against the four
 * hooked classes ({@link #hookFor}), nothing else read for any other class. The first match starts
 * redaction ({@link RedactionActivation}: bootstrap bridge, redactor, hooks); the class is then
 * rewritten by {@link LogHookRewriter}. Never throws: a class that cannot be hooked is reported
 * once and loads unchanged.
 */
final class RedactionCandidateTransformer implements ClassFileTransformer {
  private static final LogHook LOGBACK = new LogbackEventRedaction();
  private static final LogHook LOG4J = new Log4jEventRedaction();
  private static final LogHook LOG4J_PROXY = new ThrowableProxyRedaction();
  private static final LogHook JUL = new JulRecordRedaction();

  private final RedactionActivation activation;

  RedactionCandidateTransformer(RedactionActivation activation) {
    this.activation = activation;
  }

  /** The hook of a class by its internal name, or null for every other class. */
  static LogHook hookFor(String internalName) {
    switch (internalName) {
      case LogbackEventRedaction.TYPE_NAME:
        return LOGBACK;
      case Log4jEventRedaction.TYPE_NAME:
        return LOG4J;
      case ThrowableProxyRedaction.TYPE_NAME:
        return LOG4J_PROXY;
      case JulRecordRedaction.TYPE_NAME:
        return JUL;
      default:
        return null;
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
    LogHook hook = hookFor(className);
    if (hook == null) {
      return null;
    }
    try {
      if (!activation.bridged(module)) {
        return null;
      }
      return LogHookRewriter.rewrite(classFile, hook);
    } catch (Throwable failure) {
      AgentReport.once(
          "redaction-transform-" + className,
          "could not instrument " + className.replace('/', '.') + " (" + AgentReport.describe(failure)
              + "); its log events are not redacted");
      return null;
    }
  }
}

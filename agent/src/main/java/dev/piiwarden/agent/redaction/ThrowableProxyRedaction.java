package dev.piiwarden.agent.redaction;

import org.objectweb.asm.MethodVisitor;

/**
 * Log4j2's {@code ThrowableProxy} (behind {@code %xEx}, the pattern layout's default exception
 * converter): when built from a stand-in for a redacted exception, it is given the original class
 * name, by {@code RedactionBridge.throwableProxyBuilt(this, thrown)} at the end of each
 * constructor taking the throwable first. Logback's proxies are fixed by {@link
 * LogbackEventRewrite} with the rest of the event.
 */
final class ThrowableProxyRedaction extends LogHook {
  static final String TYPE_NAME = "org/apache/logging/log4j/core/impl/ThrowableProxy";

  @Override
  MethodVisitor method(
      String owner, boolean frames, int access, String name, String descriptor, MethodVisitor next) {
    if (!name.equals("<init>") || !descriptor.startsWith("(Ljava/lang/Throwable;")) {
      return next;
    }
    return new ConstructorExitHook(next);
  }
}

package dev.piiwarden.agent.redaction;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * SLF4J over java.util.logging (slf4j-jdk14, SLF4J 2): {@code
 * JDK14LoggerAdapter#innerNormalizedLoggingCallHandler}, where every SLF4J call with arguments
 * arrives and is formatted before java.util.logging sees it. So that an annotated argument is
 * rendered by its annotations rather than by its {@code toString}, the arguments are handed over
 * first: {@code arguments = RedactionBridge.slf4jArguments(arguments)}. The record's text is then
 * redacted by the java.util.logging hook as any other.
 */
final class Slf4jJulAdapterRedaction extends LogHook {
  static final String TYPE_NAME = "org/slf4j/jul/JDK14LoggerAdapter";
  private static final String ARRAY = "[Ljava/lang/Object;";

  @Override
  MethodVisitor method(
      String owner, boolean frames, int access, String name, String descriptor, MethodVisitor next) {
    if (!name.equals("innerNormalizedLoggingCallHandler") || (access & Opcodes.ACC_STATIC) != 0) {
      return next;
    }
    return replacingArgument(next, descriptor, ARRAY, "slf4jArguments",
        "([Ljava/lang/Object;)[Ljava/lang/Object;", false);
  }
}

package dev.piiwarden.agent.redaction;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * log4j-to-slf4j (the Log4j2 API over SLF4J, as Spring Boot sets it up for Logback): {@code
 * SLF4JLogger#logMessage}, where every call of the Log4j2 API arrives with its {@code Message},
 * which it formats before SLF4J sees it. So that an annotated parameter is rendered by its
 * annotations rather than by its {@code toString}, the message is handed over first: {@code
 * message = (Message) RedactionBridge.log4jApiMessage(message, Message.class)}. The text SLF4J's
 * backend then gets is redacted by that backend's hook as any other.
 */
final class Log4jApiBridgeRedaction extends LogHook {
  static final String TYPE_NAME = "org/apache/logging/slf4j/SLF4JLogger";
  private static final String MESSAGE = "org/apache/logging/log4j/message/Message";

  @Override
  MethodVisitor method(
      String owner, boolean frames, int access, String name, String descriptor, MethodVisitor next) {
    if (!name.equals("logMessage") || (access & (Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT)) != 0) {
      return next;
    }
    return replacingArgument(next, descriptor, "L" + MESSAGE + ";", "log4jApiMessage",
        "(Ljava/lang/Object;Ljava/lang/Class;)Ljava/lang/Object;", true);
  }
}

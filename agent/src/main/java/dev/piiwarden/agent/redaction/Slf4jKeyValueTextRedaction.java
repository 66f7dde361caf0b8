package dev.piiwarden.agent.redaction;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * SLF4J 2's fluent API over a backend without events of its own (slf4j-jdk14, whose {@code
 * JDK14LoggerAdapter} is no {@code LoggingEventAware}): SLF4J's {@code DefaultLoggingEventBuilder}
 * writes the key-value pairs into the message ({@code key=value … message}) before the backend
 * sees it, each value by its {@code toString}. So that an annotated object is rendered by its
 * annotations, each read of a pair's value ({@code KeyValuePair.value}) there goes through the
 * bridge ({@code RedactionBridge.slf4jKeyValue}); text and numbers pass as they are, and the
 * backend's hook (java.util.logging's) then redacts the whole text. Logback and log4j-slf4j2-impl
 * take the pairs themselves and never reach that code.
 */
final class Slf4jKeyValueTextRedaction extends LogHook {
  static final String TYPE_NAME = "org/slf4j/spi/DefaultLoggingEventBuilder";
  private static final String PAIR = "org/slf4j/event/KeyValuePair";

  @Override
  MethodVisitor method(
      String owner, boolean frames, int access, String name, String descriptor, MethodVisitor next) {
    if (!hasBody(access)) {
      return next;
    }
    return new MethodVisitor(Opcodes.ASM9, next) {
      @Override
      public void visitFieldInsn(int opcode, String fieldOwner, String field, String fieldDescriptor) {
        super.visitFieldInsn(opcode, fieldOwner, field, fieldDescriptor);
        if (opcode == Opcodes.GETFIELD && fieldOwner.equals(PAIR) && field.equals("value")
            && fieldDescriptor.equals("Ljava/lang/Object;")) {
          super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "slf4jKeyValue", OBJECT_TO_OBJECT, false);
        }
      }
    };
  }
}

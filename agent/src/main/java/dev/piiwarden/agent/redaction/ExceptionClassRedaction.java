package dev.piiwarden.agent.redaction;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A class that names a log event's exception by {@code exception.getClass()}, which for a redacted
 * exception is its stand-in's class: each {@code getClass()} call of the class becomes {@code
 * RedactedThrowable.classOf(object)}, the same class for any object but a stand-in, whose
 * original's class it gives. The stack stays as it was (one reference in, one out), so frames and
 * maximums are kept. Such classes ({@link ExceptionClassNames}):
 *
 * <ul>
 *   <li>Log4j2's JsonTemplateLayout, whose {@code ExceptionResolver} gives {@code
 *       getClass().getCanonicalName()} ({@code error.type} of the ECS template);
 *   <li>Spring's {@code ObjectUtils}, whose {@code nullSafeClassName} Spring Boot's structured
 *       logging for Log4j2 uses ({@code error.type} of {@code ecs}, {@code _error_type} of {@code
 *       gelf});
 *   <li>OpenTelemetry's ({@code exception.type} of an exported log record): the SDK's {@code
 *       DefaultExceptionAttributeResolver}, which log appenders' {@code setException} reaches
 *       (the Java agent 2.1x and later, an application's SDK), and the appenders' own mappers,
 *       which set it themselves in earlier versions (the Java agent's and the libraries');
 *   <li>the JBoss LogManager's {@code StructuredFormatter} ({@code exceptionType} of its JSON and
 *       XML formatters, Quarkus's and WildFly's structured logs);
 *   <li>Sentry's {@code SentryExceptionFactory} (the type and module of an event's exceptions,
 *       by which Sentry groups issues), {@code SentryOptions} and {@code SentryClient} (an
 *       exception of an ignored type is not sent), which its Logback, Log4j2 and JUL appenders
 *       reach.
 * </ul>
 */
final class ExceptionClassRedaction extends LogHook {
  private static final String STAND_IN = "dev/piiwarden/agent/redaction/bridge/RedactedThrowable";

  @Override
  MethodVisitor method(
      String owner, boolean frames, int access, String name, String descriptor, MethodVisitor next) {
    if (!hasBody(access)) {
      return next;
    }
    return new MethodVisitor(Opcodes.ASM9, next) {
      @Override
      public void visitMethodInsn(int opcode, String calledOwner, String calledName, String calledDescriptor,
          boolean isInterface) {
        if (opcode == Opcodes.INVOKEVIRTUAL && calledName.equals("getClass")
            && calledDescriptor.equals("()Ljava/lang/Class;")) {
          super.visitMethodInsn(Opcodes.INVOKESTATIC, STAND_IN, "classOf", "(Ljava/lang/Object;)Ljava/lang/Class;", false);
        } else {
          super.visitMethodInsn(opcode, calledOwner, calledName, calledDescriptor, isInterface);
        }
      }
    };
  }
}

package dev.piiwarden.agent.redaction;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * SLF4J over java.util.logging (slf4j-jdk14): {@code JDK14LoggerAdapter} formats a call's
 * arguments itself, with SLF4J's {@code MessageFormatter}, before java.util.logging sees the text.
 * So that an annotated argument is rendered by its annotations rather than by its {@code
 * toString}, each of the adapter's calls of {@code MessageFormatter.format}, {@code arrayFormat}
 * and {@code basicArrayFormat} gets its arguments through the bridge first ({@code
 * RedactionBridge.slf4jArgument}, {@code slf4jArguments}). That covers SLF4J 2's adapter ({@code
 * org.slf4j.jul}: its ordinary calls and the fluent API's events, {@code atInfo()…log()}) and SLF4J
 * 1.7's ({@code org.slf4j.impl}, one format call per logging method). The record's text is then
 * redacted by the java.util.logging hook as any other.
 */
final class Slf4jJulAdapterRedaction extends LogHook {
  static final String TYPE_NAME = "org/slf4j/jul/JDK14LoggerAdapter";
  static final String TYPE_NAME_1 = "org/slf4j/impl/JDK14LoggerAdapter";
  private static final String FORMATTER = "org/slf4j/helpers/MessageFormatter";
  private static final String ARRAY = "([Ljava/lang/Object;)[Ljava/lang/Object;";

  @Override
  MethodVisitor method(
      String owner, boolean frames, int access, String name, String descriptor, MethodVisitor next) {
    if (!hasBody(access)) {
      return next;
    }
    return new MethodVisitor(Opcodes.ASM9, next) {
      @Override
      public void visitMethodInsn(
          int opcode, String callee, String method, String signature, boolean isInterface) {
        if (opcode == Opcodes.INVOKESTATIC && callee.equals(FORMATTER)) {
          beforeFormat(method, signature);
        }
        super.visitMethodInsn(opcode, callee, method, signature, isInterface);
      }

      /** The arguments on the stack, topmost last, replaced by the bridge's. */
      private void beforeFormat(String method, String signature) {
        if (!method.equals("format") && !method.equals("arrayFormat")
            && !method.equals("basicArrayFormat")) {
          return;
        }
        if (signature.startsWith("(Ljava/lang/String;[Ljava/lang/Object;)")) {
          bridge("slf4jArguments", ARRAY);
        } else if (signature.startsWith("(Ljava/lang/String;Ljava/lang/Object;)")) {
          bridge("slf4jArgument", OBJECT_TO_OBJECT);
        } else if (signature.startsWith("(Ljava/lang/String;Ljava/lang/Object;Ljava/lang/Object;)")) {
          bridge("slf4jArgument", OBJECT_TO_OBJECT);
          super.visitInsn(Opcodes.SWAP);
          bridge("slf4jArgument", OBJECT_TO_OBJECT);
          super.visitInsn(Opcodes.SWAP);
        }
      }

      private void bridge(String bridgeMethod, String bridgeDescriptor) {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, bridgeMethod, bridgeDescriptor, false);
      }
    };
  }
}

package dev.piiwarden.agent.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Every class named for the {@code getClass()} rewrite is matched by the transformer, retransformed
 * when already loaded, and rewritten: each of its {@code getClass()} calls becomes {@code
 * RedactedThrowable.classOf}, and nothing else changes.
 */
class ExceptionClassRedactionTest {

  @Test
  void everyNamedClassIsHookedRetransformedAndRewritten() throws Exception {
    assertEquals(13, ExceptionClassNames.ALL.size());
    for (String name : ExceptionClassNames.ALL) {
      assertTrue(RedactionCandidateTransformer.hooked(name), name);
      assertTrue(AgentRedaction.HOOKED.contains(name.replace('/', '.')), name);
      byte[] rewritten = LogHookRewriter.rewrite(classNaming(name), name);
      assertNotNull(rewritten, name);
      assertEquals(List.of("dev/piiwarden/agent/redaction/bridge/RedactedThrowable.classOf", "java/lang/Class.getName"),
          calls(rewritten), name);
    }
  }

  @Test
  void aClassOfAnotherNameIsLeftAlone() {
    String other = "org/springframework/util/StringUtils";
    assertTrue(!RedactionCandidateTransformer.hooked(other));
    assertEquals(null, LogHookRewriter.rewrite(classNaming(other), other));
  }

  /** A class of that name whose one method returns {@code object.getClass().getName()}. */
  private static byte[] classNaming(String internalName) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
    writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
    MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "nameOf",
        "(Ljava/lang/Object;)Ljava/lang/String;", null, null);
    method.visitCode();
    method.visitVarInsn(Opcodes.ALOAD, 0);
    method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "getClass", "()Ljava/lang/Class;", false);
    method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Class", "getName", "()Ljava/lang/String;", false);
    method.visitInsn(Opcodes.ARETURN);
    method.visitMaxs(0, 0);
    method.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  /** The methods a class file's code calls, as {@code owner.name}, in order. */
  private static List<String> calls(byte[] classFile) {
    List<String> calls = new ArrayList<>();
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
          String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitMethodInsn(int opcode, String owner, String called, String calledDescriptor,
              boolean isInterface) {
            calls.add(owner + "." + called);
          }
        };
      }
    }, 0);
    return calls;
  }
}

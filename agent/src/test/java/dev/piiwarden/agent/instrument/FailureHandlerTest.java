package dev.piiwarden.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.acme.fixture.catalog.Accounts;
import dev.piiwarden.agent.consent.ConsentRule;
import dev.piiwarden.agent.consent.NumberedRules;
import dev.piiwarden.agent.inventory.FragmentCatalogue;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The handler the rewriter adds for a call that ends by throwing passes the JVM's verifier, also in
 * methods whose frames or stores leave a parameter's slot with another type or none, and the caller
 * gets the method's own exception. No gate is installed here: the bridge records nothing.
 */
class FailureHandlerTest {
  private static final String CHOPPED = "com/acme/generated/Chopped";

  @Test
  void aJavacCompiledMethodStillThrowsItsOwnExceptionAndReturnsAsBefore() throws Exception {
    Class<?> accounts = rewritten(Accounts.class.getName(), classFile(Accounts.class));
    Object instance = accounts.getConstructor().newInstance();
    Method erase = accounts.getMethod("erase", String.class);

    assertEquals("erased", erase.invoke(instance, "u-42"));
    Throwable thrown = thrownBy(erase, instance, "u-43");
    assertSame(accounts.getField("lastThrown").get(null), thrown);
    assertEquals("no account for u-43 <ann@example.com>", thrown.getMessage());
    assertEquals("recovered", accounts.getMethod("retry", String.class).invoke(instance, "u-42"));
    assertNotNull(thrownBy(accounts.getMethod("eraseTrimmed", String.class), instance, "u-42"));
  }

  @Test
  void aMethodWhoseFrameDropsItsParametersIsVerifiedAndThrowsAsBefore() throws Exception {
    Class<?> chopped = rewritten(CHOPPED.replace('/', '.'), choppedClass());
    Method dropping = chopped.getMethod("dropping", String.class, long.class);
    Method storing = chopped.getMethod("storing", String.class, long.class);

    assertEquals("ok", dropping.invoke(null, "u-1", 0L));
    assertEquals(IllegalStateException.class, thrownBy(dropping, null, "u-1", 1L).getClass());
    assertEquals("ok", storing.invoke(null, "u-1", 0L));
    assertEquals(IllegalStateException.class, thrownBy(storing, null, "u-1", 1L).getClass());
  }

  private static Throwable thrownBy(Method method, Object instance, Object... arguments) {
    return assertThrows(InvocationTargetException.class, () -> method.invoke(instance, arguments))
        .getCause();
  }

  private static Class<?> rewritten(String name, byte[] classFile) throws Exception {
    byte[] rewritten = new ConsentClassTransformer(new NumberedRules<ConsentRule>(),
        new FragmentCatalogue(), null).transform(null, name.replace('.', '/'), classFile, Map.of());
    assertNotNull(rewritten, "the class is rewritten");
    ClassLoader loader = new ClassLoader(FailureHandlerTest.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
        if (className.equals(name)) {
          synchronized (getClassLoadingLock(className)) {
            Class<?> loaded = findLoadedClass(className);
            return loaded != null ? loaded : defineClass(name, rewritten, 0, rewritten.length);
          }
        }
        return super.loadClass(className, resolve);
      }
    };
    return Class.forName(name, true, loader);
  }

  private static byte[] classFile(Class<?> type) throws Exception {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      return in.readAllBytes();
    }
  }

  /**
   * Two {@code @ConsentRequired} static methods {@code (String id, long n)} that throw when {@code n}
   * is not 0: {@code dropping} has a frame that names no locals, {@code storing} puts an {@code
   * Integer} into the {@code String} parameter's slot.
   */
  private static byte[] choppedClass() {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, CHOPPED, null, "java/lang/Object", null);
    for (String name : new String[] {"dropping", "storing"}) {
      MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, name,
          "(Ljava/lang/String;J)Ljava/lang/String;", null, null);
      AnnotationVisitor required = method.visitAnnotation(ConsentMethodRewriter.REQUIRED, true);
      AnnotationVisitor purposes = required.visitArray("value");
      purposes.visit(null, "marketing");
      purposes.visitEnd();
      required.visitEnd();
      method.visitCode();
      if (name.equals("storing")) {
        method.visitInsn(Opcodes.ICONST_1);
        method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", "valueOf",
            "(I)Ljava/lang/Integer;", false);
        method.visitVarInsn(Opcodes.ASTORE, 0);
      }
      method.visitVarInsn(Opcodes.LLOAD, 1);
      method.visitInsn(Opcodes.LCONST_0);
      method.visitInsn(Opcodes.LCMP);
      Label ok = new Label();
      method.visitJumpInsn(Opcodes.IFEQ, ok);
      method.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalStateException");
      method.visitInsn(Opcodes.DUP);
      method.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>",
          "()V", false);
      method.visitInsn(Opcodes.ATHROW);
      method.visitLabel(ok);
      if (name.equals("dropping")) {
        method.visitFrame(Opcodes.F_FULL, 0, new Object[0], 0, new Object[0]);
      } else {
        method.visitFrame(Opcodes.F_FULL, 2, new Object[] {"java/lang/Integer", Opcodes.LONG},
            0, new Object[0]);
      }
      method.visitLdcInsn("ok");
      method.visitInsn(Opcodes.ARETURN);
      method.visitMaxs(0, 0);
      method.visitEnd();
    }
    writer.visitEnd();
    return writer.toByteArray();
  }
}

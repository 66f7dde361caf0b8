package dev.piiwarden.agent.redaction;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites one logging class with its {@link LogHook} in one pass (ASM, relocated). Frames and
 * maximums are kept from the class file and written by hand for the inserted code: computing them
 * would load classes, from inside a transformer. No member is added.
 */
final class LogHookRewriter extends ClassVisitor {
  private final LogHook hook;
  private String owner;
  private boolean frames;
  private int hooked;

  private LogHookRewriter(ClassVisitor next, LogHook hook) {
    super(Opcodes.ASM9, next);
    this.hook = hook;
  }

  /**
   * The class file with its hook inserted, or null when it is not a hooked class or no method of
   * it matched.
   */
  static byte[] rewrite(byte[] classFile, String internalName) {
    LogHook hook = hookFor(internalName);
    if (hook == null) {
      return null;
    }
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, 0);
    LogHookRewriter rewriter = new LogHookRewriter(writer, hook);
    reader.accept(rewriter, 0);
    return rewriter.hooked == 0 ? null : writer.toByteArray();
  }

  private static LogHook hookFor(String internalName) {
    switch (internalName) {
      case LogbackEventRedaction.TYPE_NAME:
        return new LogbackEventRedaction();
      case Log4jEventRedaction.TYPE_NAME:
        return new Log4jEventRedaction();
      case ThrowableProxyRedaction.TYPE_NAME:
        return new ThrowableProxyRedaction();
      case JulRecordRedaction.TYPE_NAME:
        return new JulRecordRedaction();
      case JbossRecordRedaction.TYPE_NAME:
        return new JbossRecordRedaction();
      case Log4jApiBridgeRedaction.TYPE_NAME:
        return new Log4jApiBridgeRedaction();
      case Slf4jJulAdapterRedaction.TYPE_NAME:
      case Slf4jJulAdapterRedaction.TYPE_NAME_1:
        return new Slf4jJulAdapterRedaction();
      case Slf4jKeyValueTextRedaction.TYPE_NAME:
        return new Slf4jKeyValueTextRedaction();
      case Log4jSlf4jKeyValueRedaction.TYPE_NAME:
        return new Log4jSlf4jKeyValueRedaction();
      default:
        if (ExceptionClassNames.contains(internalName)) {
          return new ExceptionClassRedaction();
        }
        return AccessLogRedaction.forClass(internalName);
    }
  }

  @Override
  public void visit(
      int version, int access, String name, String signature, String superName, String[] interfaces) {
    owner = name;
    frames = (version & 0xFFFF) >= Opcodes.V1_6;
    super.visit(version, access, name, signature, superName, interfaces);
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
    MethodVisitor hookedMethod = hook.method(owner, frames, access, name, descriptor, next);
    if (hookedMethod != next) {
      hooked++;
    }
    return hookedMethod;
  }
}

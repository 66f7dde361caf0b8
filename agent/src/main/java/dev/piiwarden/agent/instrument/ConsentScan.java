package dev.piiwarden.agent.instrument;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A read-only pass over a class file that keeps, for its subclass, the class's internal name and
 * its own {@code @ConsentRequired} (null when it has none), as the scans beside the rewriter need
 * them ({@link KotlinDelegators}, {@link InheritedConsent}).
 */
abstract class ConsentScan extends ClassVisitor {
  /** The class's internal name. */
  String owner;
  /** The class's access flags. */
  int classAccess;
  /** The class's {@code @ConsentRequired}, or null. */
  ConsentMethodRewriter.RequiredValues onType;

  ConsentScan() {
    super(Opcodes.ASM9);
  }

  @Override
  public void visit(int version, int access, String name, String signature, String superName,
      String[] interfaces) {
    owner = name;
    classAccess = access;
  }

  /** Whether the class's own {@code @ConsentRequired} covers the method ({@link TypeConsent}). */
  boolean typeCovers(int access, String name, String descriptor) {
    return TypeConsent.covers(classAccess, owner, access, name, descriptor);
  }

  @Override
  public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
    if (!descriptor.equals(ConsentMethodRewriter.REQUIRED)) {
      return null;
    }
    onType = new ConsentMethodRewriter.RequiredValues(null);
    return onType;
  }
}

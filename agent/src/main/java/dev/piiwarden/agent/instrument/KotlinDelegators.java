package dev.piiwarden.agent.instrument;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The methods the Kotlin compiler generates to hand a call on, unchanged, to a method that is
 * checked for the same consent: the overloads of {@code @JvmOverloads} (through {@code
 * name$default} to the function with every parameter) and the static bridge of a {@code
 * @JvmStatic} companion function (to the companion's). Kotlin copies the function's annotations
 * onto them, so a call from Java would be decided, and audited, twice. They are left unchecked;
 * the method they call decides. Only a class with {@code @kotlin.Metadata} is looked at, and a
 * method only when its code is nothing but that one call (with its arguments loaded and Kotlin's
 * null checks), the method it reaches carrying the same purposes and {@code onDenied}.
 */
final class KotlinDelegators {
  private static final byte[] METADATA = "Lkotlin/Metadata;".getBytes(StandardCharsets.US_ASCII);
  private static final String INTRINSICS = "kotlin/jvm/internal/Intrinsics";
  private static final String DEFAULT_SUFFIX = "$default";

  private KotlinDelegators() {}

  /** The name and descriptor of each such method of the class; none for a class not from Kotlin. */
  static Set<String> of(byte[] classFile, ClassReader reader) {
    if (!ConsentCandidateTransformer.namesType(classFile, METADATA)) {
      return Set.of();
    }
    Scan scan = new Scan();
    reader.accept(scan, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
    return scan.delegators();
  }

  /** One method: its consent as written, and the one call its code makes, if that is all it does. */
  private static final class Method {
    final int access;
    final String name;
    final String descriptor;
    ConsentMethodRewriter.RequiredValues consent; // or null
    String[] call; // owner, name, descriptor, opcode
    String companionField; // the static field read before the call, if any
    boolean other;

    Method(int access, String name, String descriptor) {
      this.access = access;
      this.name = name;
      this.descriptor = descriptor;
    }
  }

  private static final class Scan extends ConsentScan {
    private final Map<String, Method> methods = new HashMap<>();
    private final Map<String, String> staticFields = new HashMap<>();
    private final List<Method> order = new ArrayList<>();

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
      if ((access & Opcodes.ACC_STATIC) != 0) {
        staticFields.put(name, descriptor);
      }
      return null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
      Method method = new Method(access, name, descriptor);
      methods.put(name + descriptor, method);
      order.add(method);
      return new Code(method);
    }

    Set<String> delegators() {
      Set<String> found = new HashSet<>();
      for (Method method : order) {
        ConsentMethodRewriter.RequiredValues consent = consentOf(method);
        if (consent == null || method.other || method.call == null) {
          continue;
        }
        String callOwner = method.call[0];
        String callName = method.call[1];
        String callDescriptor = method.call[2];
        boolean delegates;
        if (callOwner.equals(owner) && callName.equals(method.name + DEFAULT_SUFFIX)
            && method.call[3].equals("static") && method.companionField == null) {
          Method full = methods.get(method.name + withoutDefaultMask(method, callDescriptor));
          delegates = full != null && consent.same(consentOf(full));
        } else {
          // a @JvmStatic bridge: this class's companion instance, then its function of that name
          delegates = method.companionField != null && callName.equals(method.name)
              && callOwner.startsWith(owner + "$")
              && ("L" + callOwner + ";").equals(staticFields.get(method.companionField))
              && (method.access & Opcodes.ACC_STATIC) != 0;
        }
        if (delegates) {
          found.add(method.name + method.descriptor);
        }
      }
      return found;
    }

    /**
     * What {@code name$default([receiver,] parameters…, int mask, Object marker)} calls: {@code
     * name(parameters…)}, the receiver there for an instance function.
     */
    private String withoutDefaultMask(Method delegator, String defaultDescriptor) {
      Type[] parameters = Type.getArgumentTypes(defaultDescriptor);
      int from = (delegator.access & Opcodes.ACC_STATIC) == 0 ? 1 : 0; // an instance method's receiver
      int to = parameters.length - 2;
      StringBuilder descriptor = new StringBuilder("(");
      for (int i = from; i < to; i++) {
        descriptor.append(parameters[i].getDescriptor());
      }
      return descriptor.append(')').append(Type.getReturnType(defaultDescriptor).getDescriptor()).toString();
    }

    /** The consent a method is checked for: its own annotation's, else the type's for a public one. */
    private ConsentMethodRewriter.RequiredValues consentOf(Method method) {
      if (method.consent != null) {
        return method.consent;
      }
      return typeCovers(method.access, method.name, method.descriptor) ? onType : null;
    }
  }

  /** Whether a method's code is one call with its arguments loaded; anything else marks it. */
  private static final class Code extends MethodVisitor {
    private final Method method;

    Code(Method method) {
      super(Opcodes.ASM9);
      this.method = method;
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
      if (!descriptor.equals(ConsentMethodRewriter.REQUIRED)) {
        return null;
      }
      method.consent = new ConsentMethodRewriter.RequiredValues(null);
      return method.consent;
    }

    @Override
    public void visitInsn(int opcode) {
      boolean constant = opcode >= Opcodes.ACONST_NULL && opcode <= Opcodes.DCONST_1;
      boolean returns = opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN;
      if (!constant && !returns) {
        method.other = true;
      }
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
      if (opcode == Opcodes.NEWARRAY) {
        method.other = true;
      }
    }

    @Override
    public void visitVarInsn(int opcode, int variable) {
      if (opcode >= Opcodes.ISTORE) {
        method.other = true;
      }
    }

    @Override
    public void visitLdcInsn(Object value) {}

    @Override
    public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
      if (opcode != Opcodes.GETSTATIC || method.companionField != null || method.call != null) {
        method.other = true;
      } else {
        method.companionField = name;
      }
    }

    @Override
    public void visitMethodInsn(int opcode, String callOwner, String name, String descriptor, boolean isInterface) {
      if (callOwner.equals(INTRINSICS) && method.call == null) {
        return; // checkNotNullParameter and the like, before the call
      }
      if (method.call != null) {
        method.other = true;
        return;
      }
      method.call = new String[] {callOwner, name, descriptor, opcode == Opcodes.INVOKESTATIC ? "static" : "instance"};
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      method.other = true;
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
      method.other = true;
    }

    @Override
    public void visitIincInsn(int variable, int increment) {
      method.other = true;
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
      method.other = true;
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label fallback, Label... labels) {
      method.other = true;
    }

    @Override
    public void visitLookupSwitchInsn(Label fallback, int[] keys, Label[] labels) {
      method.other = true;
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
      method.other = true;
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
      method.other = true;
    }
  }
}

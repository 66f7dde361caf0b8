package dev.piiwarden.agent.instrument;

import dev.piiwarden.agent.consent.ApplicationApi;
import dev.piiwarden.agent.consent.ConsentRule;
import dev.piiwarden.agent.consent.NumberedRules;
import dev.piiwarden.agent.consent.SkipDefaults;
import dev.piiwarden.agent.report.AgentReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.ToIntFunction;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Puts the consent check at the start of each {@code @ConsentRequired} method (and each public
 * method of a type so annotated, and each method that implements an abstract one a supertype
 * requires consent for: {@link InheritedConsent}), in one pass over the class file. The rule is read from the
 * annotations in the class file, nothing is loaded, and its number is a constant in the code:
 *
 * <pre>
 *   Object skip = ConsentBridge.enter(rule, ThisClass.class, new Object[] {arguments...});
 *   if (skip != null) return the default value;   // OnDenied.SKIP
 *   ...the method as it was
 * </pre>
 *
 * <p>With {@code piiwarden.audit.access=all}, a method that is not enforced but is an activity of
 * the class's inventory fragment that reads personal data gets {@code ConsentBridge.access(rule,
 * ThisClass.class, new Object[] {arguments...})} instead: no check, no branch, never a throw.
 *
 * <p>Either way the rest of the method, its own handlers included, is covered by one more entry at
 * the end of its exception table, so that a call that ends by throwing is recorded as such:
 *
 * <pre>
 *   catch (Throwable failure) {
 *     ConsentBridge.failed(failure, rule, ThisClass.class, new Object[] {arguments...});  // or accessFailed
 *     throw failure;                                  // the same instance, unchanged
 *   }
 * </pre>
 *
 * <p>The entry costs nothing on a call that returns; the denial thrown by {@code enter} is outside
 * it. A method that stores into a parameter's slot passes null for the arguments (the values the
 * call was decided on are gone) and its handler's frame names no locals.
 *
 * <p>{@code enter} throws the denial itself and swallows any failure of the agent (the method then
 * runs). Frames and maximums are written by hand, so no class is loaded to compute them; nothing
 * else of the class changes (no new members, so retransformation is allowed).
 */
final class ConsentMethodRewriter extends ClassVisitor {
  private static final String BRIDGE = "dev/piiwarden/agent/bootstrap/ConsentBridge";
  private static final String ENTER = "(ILjava/lang/Class;[Ljava/lang/Object;)Ljava/lang/Object;";
  private static final String ACCESS = "(ILjava/lang/Class;[Ljava/lang/Object;)V";
  private static final String FAILED =
      "(Ljava/lang/Throwable;ILjava/lang/Class;[Ljava/lang/Object;)V";
  /** Largest operand stack the inserted code needs: rule, class, array, array, index, long. */
  private static final int INSERTED_STACK = 7;
  /** Largest operand stack of the handler: the failure twice, then as {@link #INSERTED_STACK}. */
  private static final int HANDLER_STACK = INSERTED_STACK + 2;
  static final String REQUIRED = descriptor(ApplicationApi.CONSENT_REQUIRED);
  static final String SUBJECT = descriptor(ApplicationApi.DATA_SUBJECT);
  private static final String CONTINUATION = "kotlin/coroutines/Continuation";
  private static final Map<String, String> BOXES = Map.of(
      "java.lang.Boolean", "boolean", "java.lang.Byte", "byte", "java.lang.Short", "short",
      "java.lang.Character", "char", "java.lang.Integer", "int", "java.lang.Long", "long",
      "java.lang.Float", "float", "java.lang.Double", "double");

  private final NumberedRules<ConsentRule> rules;
  private final ToIntFunction<String> audited;
  private final Map<String, Integer> firstLines;
  /**
   * The methods whose parameters' slots do not keep the arguments to the end: one that stores into
   * such a slot, or has a frame that gives it another type (or none).
   */
  private final Set<String> argumentsReplaced;
  /** Methods Kotlin generated to hand a call on to one checked for the same consent: left as they are. */
  private final Set<String> kotlinDelegators;
  private final Map<String, InheritedConsent.Requirement> inherited;
  private String owner;
  private int classAccess;
  private boolean frames;
  private RequiredValues onType;
  private int enforced;
  private int accessAudited;

  /**
   * @param next the writer
   * @param rules where each enforced method's rule is registered
   * @param reader the class file, read once more beforehand for each method's first line, which the
   *     inserted code carries so that a denial's stack trace names the method's line (and, for a
   *     class from Kotlin, once more for the methods that only hand a call on: {@link
   *     KotlinDelegators})
   * @param audited for a method that is not enforced, by activity id: the number of its access
   *     rule, when it gets an access-only call ({@code piiwarden.audit.access=all}), else -1;
   *     null when no method gets one ({@code annotated}, {@code none})
   * @param classFile the bytes {@code reader} reads
   * @param inherited the methods that implement an abstract method a supertype requires consent
   *     for, with what it requires ({@link InheritedConsent}); checked when neither the method nor
   *     the class carries {@code @ConsentRequired} itself
   */
  ConsentMethodRewriter(ClassVisitor next, NumberedRules<ConsentRule> rules,
      ToIntFunction<String> audited, ClassReader reader, byte[] classFile,
      Map<String, InheritedConsent.Requirement> inherited) {
    super(Opcodes.ASM9, next);
    this.rules = rules;
    this.audited = audited;
    this.inherited = inherited;
    this.firstLines = new HashMap<>();
    this.argumentsReplaced = new HashSet<>();
    scan(reader, firstLines, argumentsReplaced);
    this.kotlinDelegators = KotlinDelegators.of(classFile, reader);
  }

  /** Each method's first line, and whether its parameters' slots keep the arguments, in one pass. */
  private static void scan(ClassReader reader, Map<String, Integer> lines, Set<String> replaced) {
    String owner = reader.getClassName();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            String method = name + descriptor;
            boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
            Object[] atEntry = FrameLocals.atEntry(owner, isStatic, Type.getArgumentTypes(descriptor));
            int parameterSlots = (Type.getArgumentsAndReturnSizes(descriptor) >> 2) - (isStatic ? 1 : 0);
            return new MethodVisitor(Opcodes.ASM9) {
              @Override
              public void visitLineNumber(int line, Label start) {
                lines.putIfAbsent(method, line);
              }

              @Override
              public void visitVarInsn(int opcode, int slot) {
                if (opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE && slot < parameterSlots) {
                  replaced.add(method);
                }
              }

              @Override
              public void visitIincInsn(int slot, int increment) {
                if (slot < parameterSlots) {
                  replaced.add(method);
                }
              }

              @Override
              public void visitFrame(
                  int type, int numLocal, Object[] local, int numStack, Object[] stack) {
                boolean same = numLocal >= atEntry.length
                    && Arrays.equals(atEntry, Arrays.copyOf(local, atEntry.length));
                if (!same) {
                  replaced.add(method);
                }
              }
            };
          }
        },
        ClassReader.EXPAND_FRAMES);
  }

  /** How many methods got the check. */
  int enforced() {
    return enforced;
  }

  /** How many methods got the access-only call. */
  int accessAudited() {
    return accessAudited;
  }

  @Override
  public void visit(
      int version, int access, String name, String signature, String superName, String[] interfaces) {
    owner = name;
    classAccess = access;
    frames = (version & 0xFFFF) >= Opcodes.V1_6;
    super.visit(version, access, name, signature, superName, interfaces);
  }

  @Override
  public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
    AnnotationVisitor next = super.visitAnnotation(descriptor, visible);
    if (!descriptor.equals(REQUIRED)) {
      return next;
    }
    onType = new RequiredValues(next);
    return onType;
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
    int skipped =
        Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC;
    if ((access & skipped) != 0 || name.charAt(0) == '<' || kotlinDelegators.contains(name + descriptor)) {
      return next;
    }
    return new EnforcedMethod(next, access, name, descriptor, signature);
  }

  /**
   * For a Kotlin suspend function (its last parameter a {@code kotlin.coroutines.Continuation}),
   * the type it gives its caller: the erasure of the continuation's type argument in the method's
   * generic signature ({@code Continuation<? super List<String>>}: {@code java.util.List}), with a
   * boxed primitive named as its primitive, whose default a skipped call then returns boxed (the
   * method itself returns {@code Object}). Null for any other method, or when the signature does
   * not say.
   */
  static String suspendResult(String descriptor, String signature) {
    Type[] parameters = Type.getArgumentTypes(descriptor);
    if (signature == null || parameters.length == 0
        || !parameters[parameters.length - 1].getInternalName().equals(CONTINUATION)) {
      return null;
    }
    String marker = "L" + CONTINUATION + "<";
    int at = signature.lastIndexOf(marker, signature.indexOf(')'));
    if (at < 0) {
      return null;
    }
    int from = at + marker.length();
    if (signature.charAt(from) == '-' || signature.charAt(from) == '+') {
      from++;
    }
    int dimensions = 0;
    while (signature.charAt(from) == '[') {
      dimensions++;
      from++;
    }
    if (signature.charAt(from) != 'L') {
      return null; // a type variable, a wildcard, or a primitive array's element
    }
    int end = from + 1;
    while (signature.charAt(end) != '<' && signature.charAt(end) != ';') {
      end++;
    }
    String type = signature.substring(from + 1, end).replace('/', '.');
    if (dimensions == 0) {
      return BOXES.getOrDefault(type, type);
    }
    return type + "[]".repeat(dimensions);
  }

  private static String descriptor(String binaryName) {
    return "L" + binaryName.replace('.', '/') + ";";
  }

  /** The values of one {@code @ConsentRequired}, passed on unchanged to the writer (if any). */
  static final class RequiredValues extends AnnotationVisitor {
    final List<String> purposes = new ArrayList<>();
    boolean skip;

    /** @param next the writer's visitor, or null where the values are only read */
    RequiredValues(AnnotationVisitor next) {
      super(Opcodes.ASM9, next);
    }

    /** Whether {@code other} asks for the same purposes, in the same order, and denies the same way. */
    boolean same(RequiredValues other) {
      return other != null && skip == other.skip && purposes.equals(other.purposes);
    }

    @Override
    public void visitEnum(String name, String descriptor, String value) {
      if ("onDenied".equals(name)) {
        skip = "SKIP".equals(value);
      }
      super.visitEnum(name, descriptor, value);
    }

    @Override
    public AnnotationVisitor visitArray(String name) {
      AnnotationVisitor next = super.visitArray(name);
      if (!"value".equals(name)) {
        return next;
      }
      return new AnnotationVisitor(Opcodes.ASM9, next) {
        @Override
        public void visit(String ignored, Object value) {
          purposes.add((String) value);
          super.visit(ignored, value);
        }
      };
    }
  }

  private final class EnforcedMethod extends MethodVisitor {
    private final int access;
    private final String name;
    private final String descriptor;
    private final String signature;
    private RequiredValues onMethod;
    private int subjectParameter = -1;
    private boolean inserted;
    /** Where the code the failure handler covers starts; null when the method gets none. */
    private Label covered;
    private String failedMethod;
    private int failedRule;

    EnforcedMethod(MethodVisitor next, int access, String name, String descriptor, String signature) {
      super(Opcodes.ASM9, next);
      this.access = access;
      this.name = name;
      this.descriptor = descriptor;
      this.signature = signature;
    }

    @Override
    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
      AnnotationVisitor next = super.visitAnnotation(annotation, visible);
      if (!annotation.equals(REQUIRED)) {
        return next;
      }
      onMethod = new RequiredValues(next);
      return onMethod;
    }

    @Override
    public AnnotationVisitor visitParameterAnnotation(
        int parameter, String annotation, boolean visible) {
      if (annotation.equals(SUBJECT) && (subjectParameter < 0 || parameter < subjectParameter)) {
        subjectParameter = parameter;
      }
      return super.visitParameterAnnotation(parameter, annotation, visible);
    }

    @Override
    public void visitCode() {
      super.visitCode();
      RequiredValues required = onMethod;
      boolean typeCovers = TypeConsent.covers(classAccess, owner, access, name, descriptor);
      if (required == null && onType != null && typeCovers) {
        required = onType;
      }
      if (required != null && required.purposes.isEmpty()) {
        reportNoPurposes(required == onType);
        required = null; // nothing to ask consent for; with audit.access=all it may still be audited
      }
      if (required != null) {
        int rule = rules.register(rule(required.purposes, required.skip, subjectParameter));
        insertCheck(rule);
        inserted = true;
        enforced++;
        coverFromHere("failed", rule);
        return;
      }
      InheritedConsent.Requirement implemented =
          onMethod == null && (onType == null || !typeCovers)
              ? inherited.get(name + descriptor)
              : null;
      if (implemented != null) {
        int subject = subjectParameter >= 0 ? subjectParameter : implemented.subjectParameter();
        int rule = rules.register(rule(implemented.purposes(), implemented.skip(), subject));
        insertCheck(rule);
        inserted = true;
        enforced++;
        coverFromHere("failed", rule);
        return;
      }
      int accessRule = audited == null ? -1 : audited.applyAsInt(activity());
      if (accessRule >= 0) {
        insertArguments(accessRule);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "access", ACCESS, false);
        inserted = true;
        accessAudited++;
        coverFromHere("accessFailed", accessRule);
      }
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      if (covered != null) {
        insertFailureHandler();
      }
      int needed = covered != null ? HANDLER_STACK : inserted ? INSERTED_STACK : 0;
      super.visitMaxs(Math.max(maxStack, needed), maxLocals);
    }

    /** The failure handler will cover the code from here to the method's end. */
    private void coverFromHere(String bridgeMethod, int rule) {
      covered = new Label();
      super.visitLabel(covered);
      failedMethod = bridgeMethod;
      failedRule = rule;
    }

    /**
     * After the method's last instruction: the catch-all handler that reports the failure and
     * throws it again, registered after the method's own handlers, so that they come first.
     */
    private void insertFailureHandler() {
      Label handler = new Label();
      super.visitLabel(handler);
      super.visitTryCatchBlock(covered, handler, handler, null);
      boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
      Type[] parameters = Type.getArgumentTypes(descriptor);
      boolean argumentsKept = !argumentsReplaced.contains(name + descriptor);
      if (frames) {
        // any local the body holds is assignable to the types it had at entry, or to none
        Object[] locals = argumentsKept
            ? FrameLocals.atEntry(owner, isStatic, parameters) : new Object[0];
        super.visitFrame(Opcodes.F_FULL, locals.length, locals, 1,
            new Object[] {"java/lang/Throwable"});
      }
      super.visitInsn(Opcodes.DUP);
      push(failedRule);
      super.visitLdcInsn(Type.getObjectType(owner));
      if (argumentsKept) {
        pushArguments(isStatic, parameters);
      } else {
        super.visitInsn(Opcodes.ACONST_NULL);
      }
      super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, failedMethod, FAILED, false);
      super.visitInsn(Opcodes.ATHROW);
    }

    /**
     * {@code @ConsentRequired({})}, which the processor refuses (PW007) and the agent cannot decide:
     * no consent is asked for, so the method runs as if it had none; said once for the method, or
     * once for a type whose annotation it is.
     */
    private void reportNoPurposes(boolean onTheType) {
      String where = onTheType
          ? "the type " + owner.replace('/', '.') + " names no purposes, so its public methods without"
              + " an annotation of their own run"
          : activity() + " names no purposes, so it runs";
      AgentReport.once("no-purposes:" + (onTheType ? owner : activity()), "@ConsentRequired on " + where
          + " without a consent check and without consent events: there is no consent to ask for;"
          + " list the purposes that must be granted (the processor reports this as PW007)");
    }

    private String activity() {
      StringJoiner parameters = new StringJoiner(",", "(", ")");
      for (Type parameter : Type.getArgumentTypes(descriptor)) {
        parameters.add(parameter.getClassName());
      }
      return owner.replace('/', '.') + "#" + name + parameters;
    }

    private ConsentRule rule(List<String> purposes, boolean skip, int subject) {
      String activity = activity();
      String suspendResult = suspendResult(descriptor, signature);
      Object skipValue = SkipDefaults.forReturnType(
          suspendResult != null ? suspendResult : Type.getReturnType(descriptor).getClassName());
      return new ConsentRule(activity, List.copyOf(purposes), skip, subject, skipValue);
    }

    private void insertCheck(int rule) {
      boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
      Type[] parameters = Type.getArgumentTypes(descriptor);
      insertArguments(rule);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "enter", ENTER, false);
      super.visitInsn(Opcodes.DUP);
      Label run = new Label();
      super.visitJumpInsn(Opcodes.IFNULL, run);
      returnSkipValue(Type.getReturnType(descriptor));
      super.visitLabel(run);
      if (frames) {
        Object[] locals = FrameLocals.atEntry(owner, isStatic, parameters);
        super.visitFrame(
            Opcodes.F_FULL, locals.length, locals, 1, new Object[] {"java/lang/Object"});
      }
      super.visitInsn(Opcodes.POP);
    }

    /** The line, then on the stack: the rule's number, this class, the arguments in an array. */
    private void insertArguments(int rule) {
      boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
      Type[] parameters = Type.getArgumentTypes(descriptor);
      Integer line = firstLines.get(name + descriptor);
      if (line != null) {
        Label start = new Label();
        super.visitLabel(start);
        super.visitLineNumber(line, start);
      }
      push(rule);
      super.visitLdcInsn(Type.getObjectType(owner));
      pushArguments(isStatic, parameters);
    }

    /** On the stack: the arguments, boxed, in a new array. */
    private void pushArguments(boolean isStatic, Type[] parameters) {
      push(parameters.length);
      super.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
      int slot = isStatic ? 0 : 1;
      for (int i = 0; i < parameters.length; i++) {
        super.visitInsn(Opcodes.DUP);
        push(i);
        super.visitVarInsn(parameters[i].getOpcode(Opcodes.ILOAD), slot);
        box(parameters[i]);
        super.visitInsn(Opcodes.AASTORE);
        slot += parameters[i].getSize();
      }
    }

    /** On the stack: the one-element array that holds the value a skipped call returns. */
    private void returnSkipValue(Type returned) {
      switch (returned.getSort()) {
        case Type.VOID:
          super.visitInsn(Opcodes.POP);
          super.visitInsn(Opcodes.RETURN);
          return;
        case Type.OBJECT:
        case Type.ARRAY:
          super.visitTypeInsn(Opcodes.CHECKCAST, "[Ljava/lang/Object;");
          super.visitInsn(Opcodes.ICONST_0);
          super.visitInsn(Opcodes.AALOAD);
          super.visitTypeInsn(Opcodes.CHECKCAST, returned.getInternalName());
          super.visitInsn(Opcodes.ARETURN);
          return;
        case Type.LONG:
          super.visitInsn(Opcodes.POP);
          super.visitInsn(Opcodes.LCONST_0);
          break;
        case Type.FLOAT:
          super.visitInsn(Opcodes.POP);
          super.visitInsn(Opcodes.FCONST_0);
          break;
        case Type.DOUBLE:
          super.visitInsn(Opcodes.POP);
          super.visitInsn(Opcodes.DCONST_0);
          break;
        default: // boolean, byte, char, short, int
          super.visitInsn(Opcodes.POP);
          super.visitInsn(Opcodes.ICONST_0);
          break;
      }
      super.visitInsn(returned.getOpcode(Opcodes.IRETURN));
    }

    private void push(int value) {
      if (value >= -1 && value <= 5) {
        super.visitInsn(Opcodes.ICONST_0 + value);
      } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
        super.visitIntInsn(Opcodes.BIPUSH, value);
      } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
        super.visitIntInsn(Opcodes.SIPUSH, value);
      } else {
        super.visitLdcInsn(value);
      }
    }

    private void box(Type type) {
      String boxed;
      switch (type.getSort()) {
        case Type.BOOLEAN: boxed = "java/lang/Boolean"; break;
        case Type.BYTE: boxed = "java/lang/Byte"; break;
        case Type.CHAR: boxed = "java/lang/Character"; break;
        case Type.SHORT: boxed = "java/lang/Short"; break;
        case Type.INT: boxed = "java/lang/Integer"; break;
        case Type.LONG: boxed = "java/lang/Long"; break;
        case Type.FLOAT: boxed = "java/lang/Float"; break;
        case Type.DOUBLE: boxed = "java/lang/Double"; break;
        default: return;
      }
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC,
          boxed,
          "valueOf",
          "(" + type.getDescriptor() + ")L" + boxed + ";",
          false);
    }
  }
}

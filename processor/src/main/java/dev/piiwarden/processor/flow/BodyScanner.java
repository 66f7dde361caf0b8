package dev.piiwarden.processor.flow;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberReferenceTree.ReferenceMode;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.piiwarden.core.inventory.ArgumentPass;
import dev.piiwarden.core.inventory.CallResult;
import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.ParameterSink;
import dev.piiwarden.core.inventory.ResultSink;
import dev.piiwarden.core.inventory.SinkKind;
import dev.piiwarden.core.inventory.SinkRecord;
import dev.piiwarden.processor.base.MirrorLookup;
import dev.piiwarden.processor.model.AnnotationNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.UnionType;
import javax.tools.Diagnostic;

/**
 * Walks one attributed top-level class and records {@link MethodFacts} per method. Values are
 * followed through locals, string building, formatting and the ternary operator; a lambda's or
 * local class's body counts for the method it is written in. Element lookups use the current
 * path's leaf, never {@code Trees.getPath}.
 */
final class BodyScanner extends TreePathScanner<Taint, Void> {
  /** The methods of java.io's output streams and writers that write what they are given. */
  private static final Set<String> STREAM_WRITES = Set.of(
      "write", "append", "print", "println", "printf", "format", "writeBytes", "writeChars", "writeUTF");

  /**
   * {@code email != null}, {@code age >= 18}: a comparison is a boolean about the value, not the
   * value (the operands are still read).
   */
  private static final Set<Tree.Kind> COMPARISONS = Set.of(Tree.Kind.EQUAL_TO, Tree.Kind.NOT_EQUAL_TO,
      Tree.Kind.LESS_THAN, Tree.Kind.LESS_THAN_EQUAL, Tree.Kind.GREATER_THAN, Tree.Kind.GREATER_THAN_EQUAL);

  private final FlowContext context;
  private final CompilationUnitTree unit;
  private final SourcePositions positions;
  private final LineMap lines;
  private final Map<ExecutableElement, MethodFacts> facts = new LinkedHashMap<>();

  private MethodFacts current;
  /** Where what the current method returns goes ({@link SinkMatcher#returnedTo}), or null. */
  private SinkMatch returnedTo;
  /** The elements of the body its declared return type names ({@link #bodyOf}), when {@link #returnedTo} is set. */
  private List<DataRef> returnedBody = List.of();
  private Map<Element, Integer> parameters;
  private final Map<Element, Taint> locals = new HashMap<>();
  /**
   * Locals holding an object this method made with {@code new} from nothing personal and has not
   * handed anywhere, each with the personal data members written on it since ({@code
   * entity.setEmail(...)}, {@code entity.email = ...}): saved or logged whole, it carries those
   * only, not every element its type could hold. Handed to any other call, returned, captured or
   * reassigned, a local leaves this map and counts by its type again.
   */
  private final Map<Element, Set<DataRef>> fresh = new HashMap<>();
  /** For each {@link #fresh} local, the fields that hold values written on it here ({@code entity.setUsername(...)}). */
  private final Map<Element, Set<Element>> freshHeld = new HashMap<>();
  /** Locals holding an output stream or writer opened to a sink ({@code connection.getOutputStream()}). */
  private final Map<Element, SinkMatch> streams = new HashMap<>();
  /**
   * Elements a value got through a call, from a method of their object or handed back by a
   * third-party method, read when the value reaches a sink.
   */
  private final Map<String, DataRef> viaCall = new HashMap<>();
  private int lambdaDepth;
  /**
   * While the arguments of a stream's, {@code Optional}'s, collection's or collector's method are
   * scanned: what the elements it applies them to carry, which its lambdas' parameters and its
   * method references take. Null elsewhere.
   */
  private Taint elementValue;
  /** Inside a lambda with a block body: what its {@code return}s yield so far. Null elsewhere. */
  private Taint lambdaReturns;
  /** While the patterns of an {@code instanceof} or {@code switch} are scanned: what the matched value carries. */
  private Taint matched = Taint.EMPTY;
  private boolean erroneous;
  /** Members of local and anonymous classes marked {@code @PersonalData}, which nothing records. */
  private final List<Tree> unrecordedPersonalData = new ArrayList<>();
  /** Where the class's private methods are called from. */
  private final PrivateCallers privateCallers = new PrivateCallers();
  /** While a {@code try} block is scanned: what its {@code throw}s throw. Null elsewhere. */
  private TryFrame tryFrame;

  /** The exceptions thrown in a {@code try} block, by static type, with what they carry. */
  private static final class TryFrame {
    final int lambdaDepth;
    final List<TypeMirror> types = new ArrayList<>();
    final List<Taint> values = new ArrayList<>();

    TryFrame(int lambdaDepth) {
      this.lambdaDepth = lambdaDepth;
    }

    void thrown(TypeMirror type, Taint value) {
      types.add(type);
      values.add(value);
    }
  }

  BodyScanner(FlowContext context, CompilationUnitTree unit) {
    this.context = context;
    this.unit = unit;
    this.positions = context.trees().getSourcePositions();
    this.lines = unit.getLineMap();
  }

  /** The facts of every method of the class at {@code classPath}, in source order. */
  Map<ExecutableElement, MethodFacts> analyze(TreePath classPath) {
    scan(classPath, null);
    return facts;
  }

  /** Whether attribution left errors in the class (then nothing is written for it). */
  boolean erroneous() {
    return erroneous;
  }

  /**
   * The members of local and anonymous classes marked {@code @PersonalData}, in source order: such
   * classes have no name an inventory, a descriptor or {@code PersonalDataExport} can use.
   */
  List<Tree> unrecordedPersonalData() {
    return unrecordedPersonalData;
  }

  /** Where the class's private methods are called from. */
  PrivateCallers privateCallers() {
    return privateCallers;
  }

  @Override
  public Taint reduce(Taint a, Taint b) {
    if (a == null) {
      return b;
    }
    return a.union(b);
  }

  // ---- structure

  @Override
  public Taint visitClass(ClassTree tree, Void unused) {
    if (current == null) {
      // A top-level or member class: its methods are methods of their own; field initializers and
      // initializer blocks are not analysed. The methods of an enum constant's body are methods of
      // their own too: there is no method the body is written in.
      for (Tree member : tree.getMembers()) {
        if (member.getKind() == Tree.Kind.METHOD || member instanceof ClassTree) {
          scan(member, null);
        } else if (enumConstantWithBody(member)) {
          for (ExpressionTree argument : ((NewClassTree) ((VariableTree) member).getInitializer()).getArguments()) {
            privateCallers.unwalked(argument);
          }
          scan(member, null);
        } else {
          privateCallers.unwalked(member); // field initializers and initializer blocks may call private methods
        }
      }
      return Taint.EMPTY;
    }
    for (Tree member : tree.getMembers()) {
      if (markedPersonalData(member)) {
        unrecordedPersonalData.add(member);
      }
    }
    lambdaDepth++; // a local or anonymous class counts for the method it is written in
    Taint outerElements = elementValue;
    Taint outerReturns = lambdaReturns;
    elementValue = null;
    lambdaReturns = null;
    try {
      super.visitClass(tree, null);
    } finally {
      lambdaDepth--;
      elementValue = outerElements;
      lambdaReturns = outerReturns;
    }
    return Taint.EMPTY;
  }

  /** Whether {@code member} is an enum constant with a class body: {@code EMAIL { void notify(User u) { … } }}. */
  private boolean enumConstantWithBody(Tree member) {
    if (!(member instanceof VariableTree variable && variable.getInitializer() instanceof NewClassTree created
        && created.getClassBody() != null)) {
      return false;
    }
    Element element = context.trees().getElement(new TreePath(getCurrentPath(), member));
    return element != null && element.getKind() == ElementKind.ENUM_CONSTANT;
  }

  /** Whether {@code member}, a member of the class at the current path, is marked {@code @PersonalData}. */
  private boolean markedPersonalData(Tree member) {
    if (!(member instanceof VariableTree || member instanceof MethodTree)) {
      return false;
    }
    Element element = context.trees().getElement(new TreePath(getCurrentPath(), member));
    return element != null && MirrorLookup.find(element, AnnotationNames.PERSONAL_DATA).isPresent();
  }

  @Override
  public Taint visitMethod(MethodTree tree, Void unused) {
    if (current != null) {
      scan(tree.getBody(), null);
      return Taint.EMPTY;
    }
    Element element = context.trees().getElement(getCurrentPath());
    if (!(element instanceof ExecutableElement method) || tree.getBody() == null) {
      return Taint.EMPTY;
    }
    current = new MethodFacts(method, context.methodId(method), context.index().member(method).isPresent(),
        context.index().accessedField(method) != null);
    returnedTo = context.sinks().returnedTo(method);
    returnedBody = returnedTo == null ? List.of() : bodyOf(method.getReturnType());
    parameters = new HashMap<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      parameters.put(method.getParameters().get(i), i);
    }
    try {
      scan(tree.getBody(), null);
      if (method.getKind() == ElementKind.CONSTRUCTOR && method.getEnclosingElement().getKind() == ElementKind.RECORD) {
        componentsStored((TypeElement) method.getEnclosingElement(), method, tree);
      }
      facts.put(method, current);
    } finally {
      current = null;
      returnedTo = null;
      returnedBody = List.of();
      parameters = null;
      locals.clear();
      streams.clear();
      fresh.clear();
      freshHeld.clear();
    }
    return Taint.EMPTY;
  }

  /**
   * A record's canonical constructor stores each parameter in its component's field; javac writes
   * those stores into a compact or implicit constructor only after this analysis, so they are
   * added here for every component whose field the body did not store itself.
   */
  private void componentsStored(TypeElement record, ExecutableElement constructor, MethodTree tree) {
    if (!canonical(record, constructor)) {
      return;
    }
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    Set<String> stored = new TreeSet<>();
    for (ArgumentPass pass : current.passes()) {
      stored.add(pass.callee());
    }
    for (int i = 0; i < components.size(); i++) {
      String held = context.heldField(componentField(record, components.get(i)));
      if (held != null && !stored.contains(held)) {
        current.pass(new ArgumentPass(held, 0, line(tree), List.of(), List.of(i), Confidence.DIRECT));
      }
    }
  }

  /** Whether {@code constructor} is the canonical constructor of {@code record}. */
  private boolean canonical(TypeElement record, ExecutableElement constructor) {
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    List<? extends VariableElement> parameters = constructor.getParameters();
    if (components.size() != parameters.size()) {
      return false;
    }
    for (int i = 0; i < components.size(); i++) {
      if (!context.types().isSameType(context.types().erasure(components.get(i).asType()),
          context.types().erasure(parameters.get(i).asType()))) {
        return false;
      }
    }
    return true;
  }

  /** The private field that holds a record component, or null. */
  private static Element componentField(TypeElement record, RecordComponentElement component) {
    for (Element member : record.getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD && member.getSimpleName().equals(component.getSimpleName())) {
        return member;
      }
    }
    return null;
  }

  /**
   * An object built here collects what its constructor stores: each argument that is no constant
   * is written into the data element its parameter goes to, if it is one. A record's canonical
   * constructor stores each in its component ({@code new LoginEvent(userId, clientIp, now)} writes
   * the event's client address); another class's constructor compiled here what its body assigns
   * to its own fields ({@code this.email = email;}).
   */
  private void constructorWrites(ExecutableElement constructor, List<? extends ExpressionTree> arguments) {
    if (!(constructor.getEnclosingElement() instanceof TypeElement record) || record.getKind() != ElementKind.RECORD) {
      List<Optional<DataRef>> stored = context.parametersStored(constructor);
      for (int i = 0; i < stored.size() && i < arguments.size(); i++) {
        if (stored.get(i).isPresent() && !constant(arguments.get(i))) {
          current.write(stored.get(i).get());
        }
      }
      return;
    }
    if (arguments.size() != record.getRecordComponents().size() || !canonical(record, constructor)) {
      return;
    }
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    for (int i = 0; i < components.size(); i++) {
      if (constant(arguments.get(i))) {
        continue;
      }
      RecordComponentElement component = components.get(i);
      Optional<DataRef> data = context.index().member(componentField(record, component));
      if (data.isEmpty() && component.getAccessor() != null) {
        data = context.index().member(component.getAccessor());
      }
      data.ifPresent(current::write);
    }
  }

  /** Whether {@code expression} is a literal ({@code null} included) or a constant's name. */
  private boolean constant(ExpressionTree expression) {
    if (expression instanceof LiteralTree) {
      return true;
    }
    Element element = context.trees().getElement(new TreePath(getCurrentPath(), expression));
    return element instanceof VariableElement variable && variable.getConstantValue() != null;
  }

  /**
   * A lambda yields what its expression, or its block's {@code return}s, yield ({@code u ->
   * u.getEmail()} for {@code Stream.map}); handed to a stream's, {@code Optional}'s or collection's
   * method, its parameters take what the elements carry ({@code forEach(e -> log.info(e))}).
   */
  @Override
  public Taint visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
    Taint taken = elementValue;
    Taint outerReturns = lambdaReturns;
    elementValue = null;
    lambdaReturns = Taint.EMPTY;
    lambdaDepth++;
    try {
      if (taken != null && !taken.isEmpty() && current != null) {
        for (VariableTree parameter : tree.getParameters()) {
          Element element = context.trees().getElement(new TreePath(getCurrentPath(), parameter));
          if (element != null) {
            locals.merge(element, taken.inLambda(), Taint::union);
          }
        }
      }
      Taint body = orEmpty(scan(tree.getBody(), null));
      return (tree.getBodyKind() == LambdaExpressionTree.BodyKind.EXPRESSION ? body : lambdaReturns).inLambda();
    } finally {
      lambdaDepth--;
      elementValue = taken;
      lambdaReturns = outerReturns;
    }
  }

  @Override
  public Taint visitReturn(ReturnTree tree, Void unused) {
    Taint value = orEmpty(scan(tree.getExpression(), null));
    if (lambdaReturns != null) {
      lambdaReturns = lambdaReturns.union(value);
    } else if (current != null && lambdaDepth == 0) {
      if (!value.isEmpty()) {
        current.returns(value); // a return in a lambda or local class is theirs, not the method's
      }
      if (returnedTo != null && tree.getExpression() != null) {
        // a web framework writes it into the response: a sink at this return, whole objects
        // included, and the body its declared type or the returned value's type names
        // (ResponseEntity<User>; ResponseEntity.ok(user) returned as ResponseEntity<?>)
        Set<DataRef> named = new LinkedHashSet<>(returnedBody);
        named.addAll(bodyOf(context.trees().getTypeMirror(new TreePath(getCurrentPath(), tree.getExpression()))));
        Set<String> body = new TreeSet<>();
        for (DataRef data : context.index().written(List.copyOf(named), returnedTo.skips())) {
          body.add(data.id());
          current.read(data, tree, line(tree));
        }
        sinkCall(returnedTo, tree, List.of(tree.getExpression()), List.of(value.withElementsViaCall(body)));
      }
    }
    return Taint.EMPTY;
  }

  /**
   * {@code throw new IllegalStateException("… " + u.getEmail())} in a {@code try} block: the
   * exception, which carries what its constructor was handed, reaches the {@code catch} whose
   * parameter's type it may have (or the enclosing {@code try}'s, when none).
   */
  @Override
  public Taint visitThrow(ThrowTree tree, Void unused) {
    Taint value = orEmpty(scan(tree.getExpression(), null));
    if (current != null && tryFrame != null && tryFrame.lambdaDepth == lambdaDepth && !value.isEmpty()) {
      TypeMirror type = context.trees().getTypeMirror(new TreePath(getCurrentPath(), tree.getExpression()));
      if (type != null) {
        tryFrame.thrown(type, value);
      }
    }
    return Taint.EMPTY;
  }

  /** The {@code catch} parameters take what the {@code throw}s of the block that may reach them carry. */
  @Override
  public Taint visitTry(TryTree tree, Void unused) {
    TryFrame outer = tryFrame;
    TryFrame frame = current == null ? null : new TryFrame(lambdaDepth);
    tryFrame = frame;
    try {
      scan(tree.getResources(), null);
      scan(tree.getBlock(), null);
    } finally {
      tryFrame = outer;
    }
    if (frame != null && !frame.types.isEmpty()) {
      boolean[] caught = new boolean[frame.types.size()];
      for (CatchTree handler : tree.getCatches()) {
        TreePath parameterPath = new TreePath(new TreePath(getCurrentPath(), handler), handler.getParameter());
        Element parameter = context.trees().getElement(parameterPath);
        if (parameter == null) {
          continue;
        }
        List<? extends TypeMirror> alternatives = parameter.asType() instanceof UnionType union
            ? union.getAlternatives() : List.of(parameter.asType());
        Taint value = Taint.EMPTY;
        for (int i = 0; i < caught.length; i++) {
          if (caught[i]) {
            continue; // an earlier catch takes it
          }
          TypeMirror thrown = context.types().erasure(frame.types.get(i));
          for (TypeMirror alternative : alternatives) {
            TypeMirror catchType = context.types().erasure(alternative);
            if (context.types().isAssignable(thrown, catchType)) {
              caught[i] = true;
              value = value.union(frame.values.get(i));
              break;
            }
            if (context.types().isAssignable(catchType, thrown)) {
              value = value.union(frame.values.get(i)); // a RuntimeException thrown may be an IllegalStateException
            }
          }
        }
        if (!value.isEmpty()) {
          locals.merge(parameter, value, Taint::union);
        }
      }
      for (int i = 0; i < caught.length; i++) {
        if (!caught[i] && outer != null && outer.lambdaDepth == lambdaDepth) {
          outer.thrown(frame.types.get(i), frame.values.get(i));
        }
      }
    }
    scan(tree.getCatches(), null);
    scan(tree.getFinallyBlock(), null);
    return Taint.EMPTY;
  }

  /** {@code for (var e : emails)}: the variable takes what the iterated value carries. */
  @Override
  public Taint visitEnhancedForLoop(EnhancedForLoopTree tree, Void unused) {
    Taint value = orEmpty(scan(tree.getExpression(), null));
    scan(tree.getVariable(), null);
    if (current != null && !value.isEmpty()) {
      Element variable = context.trees().getElement(new TreePath(getCurrentPath(), tree.getVariable()));
      if (variable != null) {
        locals.merge(variable, value, Taint::union);
      }
    }
    scan(tree.getStatement(), null);
    return Taint.EMPTY;
  }

  // ---- patterns

  @Override
  public Taint visitInstanceOf(InstanceOfTree tree, Void unused) {
    Taint value = orEmpty(scan(tree.getExpression(), null));
    scanMatched(value, tree.getPattern() != null ? tree.getPattern() : tree.getType());
    return Taint.EMPTY;
  }

  @Override
  public Taint visitSwitch(SwitchTree tree, Void unused) {
    Taint value = orEmpty(scan(tree.getExpression(), null));
    Taint outer = matched;
    matched = value;
    try {
      scan(tree.getCases(), null);
    } finally {
      matched = outer;
    }
    return Taint.EMPTY;
  }

  private void scanMatched(Taint value, Tree patterns) {
    Taint outer = matched;
    matched = value;
    try {
      scan(patterns, null);
    } finally {
      matched = outer;
    }
  }

  /**
   * {@code o instanceof User u} takes what {@code o} carries; a binding of a record component,
   * {@code case Card(var pan, _)}, reads that component, like a local assigned from its accessor.
   */
  @Override
  public Taint visitBindingPattern(BindingPatternTree tree, Void unused) {
    scan(tree.getVariable(), null);
    if (current == null) {
      return Taint.EMPTY;
    }
    Taint value = patternValue(getCurrentPath());
    if (!value.isEmpty()) {
      Element variable = context.trees().getElement(new TreePath(getCurrentPath(), tree.getVariable()));
      if (variable != null) {
        locals.merge(variable, value, Taint::union);
      }
    }
    return Taint.EMPTY;
  }

  /**
   * What the value matched against the pattern at {@code path} carries: the matched expression's
   * value for a pattern of its own, a record component's for one nested in a record pattern. A
   * personal data component is read at the pattern; of any other, as of its plain getter, only the
   * method's parameters and what was stored in its field.
   */
  private Taint patternValue(TreePath path) {
    TreePath parent = path.getParentPath();
    if (parent == null || !RecordPatterns.isRecordPattern(parent.getLeaf())) {
      return matched;
    }
    List<Tree> parts = RecordPatterns.parts(parent.getLeaf());
    int index = parts.indexOf(path.getLeaf()) - 1; // after the record type
    TypeElement record = recordOf(new TreePath(parent, parts.get(0)));
    if (record == null || index < 0 || index >= record.getRecordComponents().size()) {
      return Taint.EMPTY;
    }
    RecordComponentElement component = record.getRecordComponents().get(index);
    ExecutableElement accessor = component.getAccessor();
    Optional<DataRef> data = accessor == null ? Optional.empty() : context.index().member(accessor);
    if (data.isPresent()) {
      return read(data.get(), path.getLeaf());
    }
    Taint value = patternValue(parent).parametersExceptMembersOf(context.ownTypes(record));
    for (Element member : record.getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD && member.getSimpleName().equals(component.getSimpleName())) {
        value = value.union(heldRead(member, path.getLeaf()));
      }
    }
    return value;
  }

  private TypeElement recordOf(TreePath recordType) {
    Element element = context.trees().getElement(recordType);
    TypeElement type = element instanceof TypeElement named ? named : typeOf(recordType);
    return type != null && type.getKind() == ElementKind.RECORD ? type : null;
  }

  // ---- values

  @Override
  public Taint visitIdentifier(IdentifierTree tree, Void unused) {
    if (current == null) {
      return Taint.EMPTY;
    }
    Element element = context.trees().getElement(getCurrentPath());
    if (element == null) {
      return Taint.EMPTY;
    }
    switch (element.getKind()) {
      case LOCAL_VARIABLE:
        escapeUnlessUsedHere(element);
        return localValue(element);
      case RESOURCE_VARIABLE:
      case EXCEPTION_PARAMETER:
      case BINDING_VARIABLE:
        return localValue(element);
      case PARAMETER: {
        Integer index = parameters.get(element);
        if (index == null) {
          return localValue(element); // a lambda's or local class's parameter
        }
        Taint value = Taint.parameter(index);
        Optional<DataRef> data = context.index().member(element);
        return data.isPresent() ? value.union(read(data.get(), tree)) : value;
      }
      case FIELD: {
        Optional<DataRef> data = context.index().member(element);
        return data.isPresent() ? read(data.get(), tree) : heldRead(element, tree);
      }
      default:
        return Taint.EMPTY;
    }
  }

  /**
   * A use of a {@link #fresh} local other than as the object of a call or field write, or as an
   * argument of a call (judged at the call: a sink keeps it), hands the object on: it leaves
   * {@link #fresh}.
   */
  private void escapeUnlessUsedHere(Element local) {
    if (!fresh.containsKey(local)) {
      return;
    }
    TreePath parent = getCurrentPath().getParentPath();
    Tree up = parent == null ? null : parent.getLeaf();
    Tree leaf = getCurrentPath().getLeaf();
    // scanned as a receiver or a written field's object, the identifier's parent is the call or
    // the assignment itself (the member select is skipped)
    boolean object = up instanceof MemberSelectTree
        || (up instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree select
            && select.getExpression() == leaf)
        || (up instanceof AssignmentTree assignment && assignment.getVariable() instanceof MemberSelectTree field
            && field.getExpression() == leaf);
    boolean argument = up instanceof MethodInvocationTree call && call.getArguments().contains(leaf);
    if (lambdaDepth == 0 && (object || argument)) {
      return;
    }
    fresh.remove(local);
  }

  /** The {@link #fresh} local an expression names, or null. */
  private Element freshLocal(ExpressionTree expression) {
    if (!(expression instanceof IdentifierTree) || fresh.isEmpty()) {
      return null;
    }
    Element element = context.trees().getElement(new TreePath(getCurrentPath(), expression));
    return element != null && fresh.containsKey(element) ? element : null;
  }

  private Taint localValue(Element local) {
    Taint value = locals.get(local);
    return value == null ? Taint.EMPTY : value.throughLocal();
  }

  @Override
  public Taint visitMemberSelect(MemberSelectTree tree, Void unused) {
    Taint receiver = scan(tree.getExpression(), null);
    if (current == null) {
      return Taint.EMPTY;
    }
    Element element = context.trees().getElement(getCurrentPath());
    if (element != null && element.getKind() == ElementKind.FIELD) {
      Optional<DataRef> data = context.index().member(element);
      if (data.isPresent()) {
        // The value is that member alone, not the whole receiver: user.email carries no phone.
        return read(data.get(), tree);
      }
      // Another field is not the receiver's data: a caller's object passed in reaches where the
      // field goes, but not with that object's own elements.
      TypeElement owner = typeOf(tree.getExpression());
      Taint of = orEmpty(receiver);
      return (owner == null ? of : of.withoutMembersOf(context.ownTypes(owner))).union(heldRead(element, tree));
    }
    return orEmpty(receiver);
  }

  /**
   * What a method reference yields, for {@code Stream.map} and {@code Optional.map}: an accessor of
   * personal data its element; applied to the elements of a stream, {@code Optional} or collection,
   * a library method what they carry, as a call on them would return it ({@code String::trim}),
   * but for one whose result carries nothing (void, boolean, {@code PersonalDataExport::redact}),
   * a plain getter of a member that is no personal data what was stored in that field, and a
   * project method with a body what it returns ({@code mapper::toDto}), as a call of it would.
   */
  @Override
  public Taint visitMemberReference(MemberReferenceTree tree, Void unused) {
    Taint taken = elementValue;
    elementValue = null;
    try {
      scan(tree.getQualifierExpression(), null);
    } finally {
      elementValue = taken;
    }
    if (current == null || !(context.trees().getElement(getCurrentPath()) instanceof ExecutableElement method)) {
      return Taint.EMPTY;
    }
    if (PrivateCallers.tracked(method)) {
      privateCallers.escaped(method); // this::deliver may run anywhere, at any time
    }
    Optional<DataRef> data = method.getKind() == ElementKind.METHOD ? context.index().member(method) : Optional.empty();
    if (data.isEmpty() && (taken == null || taken.isEmpty())) {
      return Taint.EMPTY;
    }
    lambdaDepth++; // User::email runs where it is applied, like a lambda
    try {
      if (data.isPresent()) {
        return read(data.get(), tree);
      }
      Callee callee = context.callee(method);
      if (callee.returnsNothing()) {
        return Taint.EMPTY; // map(PersonalDataExport::redact), filter(String::isBlank): nothing of the element
      }
      VariableElement getterField =
          callee.library() || callee.unseen() ? null : context.index().accessedField(method);
      if (getterField == null && summaryDescribes(callee, method)) {
        // map(mapper::toDto): what the method returns, as a call of it would (the element is passed
        // to it by referencePasses), not the element it is applied to
        return Taint.result(new CallResult(callee.id(), line(tree)), true);
      }
      return getterField == null ? taken.inLambda()
          : taken.parametersExceptMembersOf(context.ownTypes(callee.owner()))
              .union(heldRead(getterField, tree)).inLambda();
    } finally {
      lambdaDepth--;
    }
  }

  @Override
  public Taint visitConditionalExpression(ConditionalExpressionTree tree, Void unused) {
    scan(tree.getCondition(), null);
    return orEmpty(scan(tree.getTrueExpression(), null)).union(scan(tree.getFalseExpression(), null));
  }

  /** {@code switch (kind) { case 1 -> email; … }}: the value is a case's, the selector only chooses one. */
  @Override
  public Taint visitSwitchExpression(SwitchExpressionTree tree, Void unused) {
    Taint selector = orEmpty(scan(tree.getExpression(), null));
    Taint outer = matched;
    matched = selector; // for the cases' patterns
    Taint value = Taint.EMPTY;
    try {
      for (CaseTree branch : tree.getCases()) {
        value = value.union(orEmpty(scan(branch, null)));
      }
    } finally {
      matched = outer;
    }
    return value;
  }

  @Override
  public Taint visitParenthesized(ParenthesizedTree tree, Void unused) {
    return orEmpty(scan(tree.getExpression(), null));
  }

  @Override
  public Taint visitTypeCast(TypeCastTree tree, Void unused) {
    Taint value = orEmpty(scan(tree.getExpression(), null));
    return current == null ? value
        : widened(tree.getExpression(), context.trees().getTypeMirror(getCurrentPath()), value);
  }

  @Override
  public Taint visitNewArray(NewArrayTree tree, Void unused) {
    Taint value = orEmpty(scan(tree.getDimensions(), null));
    TypeMirror array = current == null || tree.getInitializers() == null ? null
        : context.trees().getTypeMirror(getCurrentPath());
    TypeMirror component = array instanceof ArrayType arrayType ? arrayType.getComponentType() : null;
    List<? extends ExpressionTree> initializers = tree.getInitializers() == null ? List.of() : tree.getInitializers();
    for (ExpressionTree initializer : initializers) {
      Taint element = orEmpty(scan(initializer, null));
      value = value.union(component == null ? element : widened(initializer, component, element));
    }
    return value;
  }

  /**
   * {@code value} with the personal data {@code expression}'s static type carries and {@code
   * target}, the type it is cast or assigned to, does not ({@code (Object) users}, {@code Object o =
   * user}, {@code Object[] args = { user }}): a whole object's data is known by its static type,
   * which a wider one loses. Read where the value reaches a sink, as through a call.
   */
  private Taint widened(ExpressionTree expression, TypeMirror target, Taint value) {
    if (target == null || target.getKind().isPrimitive() || (value.isEmpty() && isNew(expression))) {
      return value;
    }
    Element made = freshLocal(expression);
    List<DataRef> whole = made != null ? List.copyOf(fresh.get(made))
        : carriedBy(context.trees().getTypeMirror(new TreePath(getCurrentPath(), expression)), 0);
    Set<DataRef> lost = new LinkedHashSet<>(whole);
    lost.removeAll(carriedBy(target, 0));
    if (lost.isEmpty()) {
      return value;
    }
    Set<String> ids = new TreeSet<>();
    for (DataRef data : lost) {
      ids.add(data.id());
      viaCall.putIfAbsent(data.id(), data); // read at the sink it reaches
    }
    Taint carried = value.withElements(ids);
    return lambdaDepth > 0 ? carried.inLambda() : carried;
  }

  @Override
  public Taint visitVariable(VariableTree tree, Void unused) {
    Taint value = orEmpty(scan(tree.getInitializer(), null));
    if (current == null) {
      return Taint.EMPTY;
    }
    if (tree.getInitializer() != null) {
      value = widened(tree.getInitializer(), context.trees().getTypeMirror(getCurrentPath()), value);
    }
    SinkMatch stream = tree.getInitializer() == null ? null : streamOf(tree.getInitializer());
    if (value.isEmpty() && tree.getInitializer() instanceof NewClassTree created && created.getClassBody() == null) {
      Element local = context.trees().getElement(getCurrentPath());
      if (local != null && local.getKind() == ElementKind.LOCAL_VARIABLE) {
        fresh.put(local, new LinkedHashSet<>()); // UserEntity entity = new UserEntity(): nothing in it yet
      }
    }
    if (!value.isEmpty() || stream != null) {
      Element local = context.trees().getElement(getCurrentPath());
      if (local != null && !value.isEmpty()) {
        locals.merge(local, value, Taint::union);
      }
      if (local != null && stream != null) {
        streams.put(local, stream);
      }
    }
    return Taint.EMPTY;
  }

  @Override
  public Taint visitAssignment(AssignmentTree tree, Void unused) {
    Taint value = orEmpty(scan(tree.getExpression(), null));
    assignTo(tree.getVariable(), tree.getExpression(), value);
    if (current != null && tree.getVariable() instanceof IdentifierTree) {
      SinkMatch stream = streamOf(tree.getExpression());
      Element local = stream == null ? null : context.trees().getElement(new TreePath(getCurrentPath(), tree.getVariable()));
      if (local != null && local.getKind() != ElementKind.FIELD) {
        streams.put(local, stream);
      }
    }
    return value;
  }

  @Override
  public Taint visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
    Taint value = orEmpty(scan(tree.getVariable(), null)).union(scan(tree.getExpression(), null));
    if (tree.getKind() == Tree.Kind.PLUS_ASSIGNMENT) {
      value = rendered(tree.getExpression(), value, true); // text += user
    }
    assignTo(tree.getVariable(), tree.getExpression(), value);
    return value;
  }

  @Override
  public Taint visitBinary(BinaryTree tree, Void unused) {
    Taint value = orEmpty(scan(tree.getLeftOperand(), null)).union(scan(tree.getRightOperand(), null));
    if (COMPARISONS.contains(tree.getKind())) {
      return Taint.EMPTY;
    }
    if (tree.getKind() == Tree.Kind.PLUS) {
      // "user: " + user: the text holds what the object's toString shows
      value = rendered(tree.getRightOperand(), rendered(tree.getLeftOperand(), value, true), true);
    }
    return value;
  }

  /**
   * {@code value} with what {@code operand} shows when it is turned into text ({@code "u=" + user},
   * {@code String.valueOf(user)}, {@code sb.append(users)}): an object whose class has personal
   * data, or a container of such objects, carries all of it, as through its {@code toString}.
   */
  private Taint rendered(ExpressionTree operand, Taint value, boolean text) {
    TypeMirror type = context.trees().getTypeMirror(new TreePath(getCurrentPath(), operand));
    if (type == null || type.getKind().isPrimitive()) {
      return value;
    }
    List<DataRef> shown = carriedBy(type, 0);
    // turned into text, its toString shows the annotated objects its fields refer to too; held in a
    // container (List.of(customer)) it is still the object, whose relations a database stores by id
    List<DataRef> referred = text ? context.nestedObjects(type) : List.of();
    if (!referred.isEmpty()) {
      Set<DataRef> all = new LinkedHashSet<>(shown);
      all.addAll(referred);
      shown = List.copyOf(all);
    }
    return withViaCall(shown, value);
  }

  /** Whether a value of {@code type} is text built from what it is handed ({@code String.valueOf}, {@code append}). */
  private static boolean isText(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)) {
      return false;
    }
    String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    return name.equals("java.lang.String") || name.equals("java.lang.StringBuilder")
        || name.equals("java.lang.StringBuffer") || name.equals("java.util.StringJoiner");
  }

  /** {@code value} with the elements {@code whole} (an object's personal data), through a call. */
  private Taint withViaCall(List<DataRef> whole, Taint value) {
    if (whole.isEmpty()) {
      return value;
    }
    Set<String> ids = new TreeSet<>();
    for (DataRef data : whole) {
      ids.add(data.id());
      viaCall.putIfAbsent(data.id(), data);
    }
    Taint carried = value.withElementsViaCall(ids);
    return lambdaDepth > 0 ? carried.inLambda() : carried;
  }

  private void assignTo(ExpressionTree variable, ExpressionTree expression, Taint value) {
    if (variable instanceof MemberSelectTree select) {
      scan(select.getExpression(), null); // a write to a field is no read of it
      Element written = current == null ? null : freshLocal(select.getExpression());
      if (written != null) {
        Element field = context.trees().getElement(new TreePath(getCurrentPath(), variable));
        Optional<DataRef> data = context.index().member(field);
        if (data.isPresent()) {
          fresh.get(written).add(data.get()); // entity.email = ...
        } else if (field != null) {
          freshHeld.computeIfAbsent(written, k -> new LinkedHashSet<>()).add(field);
        }
      }
      if (current != null) {
        Element field = context.trees().getElement(new TreePath(getCurrentPath(), variable));
        written(field, expression, isThis(select.getExpression()));
        store(field, expression, value, variable);
        if (written == null && !(isThis(select.getExpression()) && inConstructor())) {
          storedField(field, value, variable); // user.email = email on an entity not made here
        }
      }
      return;
    }
    if (variable instanceof ArrayAccessTree access && access.getExpression() instanceof IdentifierTree) {
      // values[0] = email: the array holds it from now on, and values[0] read later gives it back
      scan(access.getIndex(), null);
      assignTo(access.getExpression(), expression, value);
      return;
    }
    if (!(variable instanceof IdentifierTree) || current == null) {
      scan(variable instanceof IdentifierTree ? null : variable, null);
      return;
    }
    Element element = context.trees().getElement(new TreePath(getCurrentPath(), variable));
    if (element != null) {
      fresh.remove(element); // reassigned: what it holds now is not known to be new
    }
    if (element != null && element.getKind() == ElementKind.FIELD) {
      written(element, expression, true);
      store(element, expression, value, variable);
      if (!inConstructor()) {
        storedField(element, value, variable); // email = value in a setter of an entity
      }
    } else if (element != null && !parameters.containsKey(element)) {
      Taint held = widened(expression, element.asType(), value); // Object o = ...; o = user
      if (!held.isEmpty()) {
        locals.merge(element, held, Taint::union);
      }
    }
  }

  /**
   * A value stored in a field that holds values ({@link FlowContext#heldField}): recorded as a
   * pass to the field, which the merge follows to every read of it. {@code expression} is the
   * stored expression, whose whole object counts.
   */
  private void store(Element field, ExpressionTree expression, Taint value, Tree at) {
    String held = context.heldField(field);
    if (held == null) {
      return;
    }
    // a new object or array made from nothing personal (credentials = new ArrayList<>()) holds
    // nothing yet: not the elements its type could hold. An annotated object stored whole is
    // handed to every reader of the field, as to a sink: its elements count as read here.
    Taint stored = value.isEmpty() && isNew(expression) ? value : withWholeObject(expression, value, at);
    if (!stored.isEmpty()) {
      current.pass(new ArgumentPass(held, 0, line(at), List.copyOf(stored.elements),
          List.copyOf(stored.parameters), confidence(stored), List.copyOf(stored.results),
          stored.exceptLists()));
    }
  }

  /**
   * A value written into a field that a framework stores with its object, a JPA entity's
   * ({@link SinkMatcher#fieldWritten}): a sink at the write for what the value carries, so a
   * setter's parameter reaches the database and its callers' data with it. An entity written into
   * a relation stands for its id: none of its members count. The field's own data element is no
   * part of it: writing it is no read, and a setter is no activity.
   */
  private void storedField(Element field, Taint value, Tree at) {
    SinkMatch sink = context.sinks().fieldWritten(field);
    if (sink == null) {
      return;
    }
    Set<String> identities = context.identitiesWritten(field.asType());
    record(sink, at, identities.isEmpty() ? value : value.withoutMembersOf(identities));
  }

  /**
   * A value that is no constant assigned to a data element ({@code event.clientIp = ip}) is written
   * into it. A constructor storing into its own object ({@code this.email = email}) is not counted:
   * its callers are, where they build it ({@link #constructorWrites}).
   */
  private void written(Element field, ExpressionTree expression, boolean own) {
    if (field == null || (own && inConstructor()) || constant(expression)) {
      return;
    }
    context.index().member(field).ifPresent(current::write);
  }

  private boolean inConstructor() {
    return current.method().getKind() == ElementKind.CONSTRUCTOR;
  }

  private static boolean isThis(ExpressionTree expression) {
    return expression instanceof IdentifierTree identifier && identifier.getName().contentEquals("this");
  }

  /** Whether {@code expression} is a {@code new} object or array, in parentheses or a cast or not. */
  private static boolean isNew(ExpressionTree expression) {
    ExpressionTree tree = expression;
    while (tree instanceof ParenthesizedTree || tree instanceof TypeCastTree) {
      tree = tree instanceof ParenthesizedTree parenthesized ? parenthesized.getExpression()
          : ((TypeCastTree) tree).getExpression();
    }
    return tree instanceof NewClassTree || tree instanceof NewArrayTree;
  }

  /** A read of a field that holds values: what was stored in it, known when summaries merge. */
  private Taint heldRead(Element field, Tree tree) {
    String held = context.heldField(field);
    return held == null ? Taint.EMPTY : Taint.result(new CallResult(held, line(tree)), lambdaDepth > 0);
  }

  // ---- calls

  @Override
  public Taint visitMethodInvocation(MethodInvocationTree tree, Void unused) {
    ExpressionTree select = tree.getMethodSelect();
    ExpressionTree receiver = select instanceof MemberSelectTree member ? member.getExpression() : null;
    Taint receiverValue = orEmpty(scan(receiver, null));
    Element element = current == null ? null : context.trees().getElement(getCurrentPath());
    Callee callee = element instanceof ExecutableElement known ? context.callee(known) : null;
    Taint elements = elementValue; // the stream's a collector collects, when this is one
    List<Taint> arguments = scanArguments(tree.getArguments(), callee, receiver == null ? null : receiverValue);
    if (current == null) {
      return Taint.EMPTY;
    }
    if (!(element instanceof ExecutableElement method)) {
      erroneous = true;
      return Taint.EMPTY;
    }
    if (!callee.library()) {
      current.call(callee.id());
    }
    if (PrivateCallers.tracked(method)) {
      if (lambdaDepth > 0) {
        privateCallers.escaped(method); // a lambda or local class may run it anywhere, at any time
      } else {
        privateCallers.called(method, current.method());
      }
    }
    Taint result = Taint.EMPTY;
    Optional<DataRef> accessed = context.index().member(method);
    if (accessed.isPresent()) {
      result = read(accessed.get(), tree);
    } else if (!callee.library() && !callee.unseen() && tree.getArguments().size() == 1
        && !constant(tree.getArguments().get(0))) {
      DataRef written = context.index().written(method).data(); // user.setEmail(email)
      if (written != null) {
        current.write(written);
      }
    }
    SinkMatch sink = null;
    if (context.sinks().mayMatch(callee.name())) {
      TypeElement receiverType = receiver == null ? callee.owner() : typeOf(receiver);
      Element receiverField = receiver == null ? null : context.trees().getElement(new TreePath(getCurrentPath(), receiver));
      sink = context.sinks().match(receiverType, callee.name(), receiverField);
    }
    if (sink == null) {
      sink = context.sinks().argumentsTo(method); // a @Modifying query, a MyBatis @Insert
    }
    if (receiver != null && (sink == null ? STREAM_WRITES.contains(callee.name()) : sink.kind() == SinkKind.FILE)) {
      // out.write(body) with out = connection.getOutputStream(): HTTP, not a file; ps.println(body)
      // with ps = new PrintStream(new FileOutputStream(f)): a file. A file sink's own target stays.
      SinkMatch opened = streamOf(receiver);
      sink = opened == null || (sink != null && opened.kind() == sink.kind()) ? sink : opened;
    }
    if (!fresh.isEmpty()) {
      freshAtCall(receiver, method, callee, sink, tree.getArguments());
    }
    if (sink != null) {
      Taint sunk = sinkCall(sink, tree, tree.getArguments(), arguments);
      if (sink.kind() == SinkKind.SERIALIZATION && !callee.returnsNothing()) {
        // body = mapper.writeValueAsString(user): the text holds what was serialized, and sending
        // or logging it sends or logs the user's data.
        result = result.union(sunk.throughCall());
      }
    } else if (!callee.library() && !callee.unseen()) {
      passes(callee, method, tree, tree.getArguments(), arguments);
    }
    referenceSinks(tree.getArguments(), receiver, receiverValue);
    referencePasses(tree.getArguments(), receiver, receiverValue, callee);
    if (callee.carriesArguments()) {
      boolean text = isText(method.getReturnType());
      for (int i = 0; i < arguments.size(); i++) {
        result = result.union(rendered(tree.getArguments().get(i), arguments.get(i), text));
      }
      if (callee.collectsArguments()) {
        collectInto(receiver, result);
        collectIntoField(receiver, tree.getArguments(), arguments);
      }
    } else if (callee.storesArguments() && receiver != null) {
      // items.add(user), extra.put("email", email): the container holds them from now on
      collectInto(receiver, heldBy(tree.getArguments(), arguments));
      collectIntoField(receiver, tree.getArguments(), arguments);
    } else if (callee.unseen() && sink == null && receiver != null && isSetter(method)) {
      // entry.setWho(who) on a local of a third-party class: the object holds it from now on, and
      // it goes where the object goes (serialized, logged, sent)
      collectInto(receiver, handedBack(tree.getArguments(), arguments));
    }
    if (!callee.returnsNothing() && accessed.isEmpty()) {
      // Any other method of a tainted receiver may return what it holds, but not as a number
      // (email.length(), email.indexOf('@')); an accessor of a personal data member returns that
      // member alone, and a plain getter of one of the project's other fields that field:
      // user.id() is none of the user's data. A caller's user passed in still reaches where the
      // id goes, but not with the user's own elements. What any other project method with a body
      // returns of its object, its summary says (the fields it reads, the data elements it
      // returns), and nothing else the object was built from: route.match(path) on a route built
      // with a handler that answers with a user gives the path's parts, not the user.
      VariableElement getterField =
          callee.library() || callee.unseen() ? null : context.index().accessedField(method);
      boolean described = summaryDescribes(callee, method);
      boolean propertyOnly = getterField == null && !callee.library() && abstractGetter(method);
      Set<String> ownTypes = getterField == null && !propertyOnly ? Set.of() : ownTypesOf(receiver, callee);
      if (callee.functions() == ElementFunctions.MAPPED) {
        // map(User::getEmail), collect(toMap(...)): what the functions yield, not the receiver
        result = result.union(all(arguments));
        if (!understood(tree.getArguments())) {
          result = result.union(receiverValue);
        }
      } else if (callee.functions() == ElementFunctions.COLLECTOR) {
        result = result.union(all(arguments));
        if (elements != null && ValuePropagation.collectorKeepsElements(callee.name(), arguments.size())) {
          result = result.union(elements);
        }
      } else if (!method.getReturnType().getKind().isPrimitive()) {
        result = result.union(getterField != null || propertyOnly
            ? receiverValue.parametersExceptMembersOf(ownTypes)
            : described ? Taint.EMPTY : receiverValue);
      }
      if (callee.library()) {
        if (!callee.name().equals("orElseThrow")) {
          // orElseThrow(() -> new NotFound(id)): its function makes the exception thrown, not the value
          result = result.union(functionResults(tree.getArguments(), arguments));
        }
        if (sink == null && !callee.carriesArguments() && wrapsItsArguments(method)) {
          result = result.union(handedBack(tree.getArguments(), arguments)); // CompletableFuture.completedFuture(v)
        }
      } else if (callee.unseen()) {
        TypeMirror returned = method.getReturnType();
        boolean builds = isBuilder(returned);
        if (sink == null && (builds || context.containers().holdsValues(returned) || !carriedBy(returned, 0).isEmpty()
            || wrapsItsArguments(method))) {
          Taint handed = handedBack(tree.getArguments(), arguments);
          result = result.union(handed);
          if (builds && receiver != null) {
            collectInto(receiver, handed); // builder.entity(user) on a local builder: it holds the user from now on
          }
        }
      } else if (sink == null) {
        // What a project method returns is known once its summary is merged in. A sink's own
        // result has nothing to follow; a plain getter of a member that is no personal data is a
        // read of its field, which carries something only when the field holds values.
        // user.describe() on a User runs no override in a class beside User, and
        // describer.describe(order) on a Describer<Order> none in a Describer<User>.
        CallResult called;
        if (getterField != null) {
          String held = context.heldField(getterField);
          called = held == null ? null : new CallResult(held, line(tree));
        } else {
          Dispatch dispatch = dispatchOf(receiver, method);
          called = new CallResult(callee.id(), line(tree), dispatch.exact(), dispatch.receivers(),
              dispatch.receiverArguments());
        }
        if (called != null) {
          result = result.union(Taint.result(called, lambdaDepth > 0));
        }
      }
      if (receiver != null && !described && !propertyOnly && mayReturnTheObjectsData(method)) {
        result = returnedFromObject(receiver, result);
      }
    }
    return result;
  }

  @Override
  public Taint visitNewClass(NewClassTree tree, Void unused) {
    if (current == null) {
      // an enum constant's body (see visitClass): its arguments are not analysed, as field initializers
      scan(tree.getClassBody(), null);
      return Taint.EMPTY;
    }
    scan(tree.getEnclosingExpression(), null);
    List<Taint> arguments = scanAll(tree.getArguments());
    scan(tree.getClassBody(), null);
    if (current == null) {
      return Taint.EMPTY;
    }
    Element element = context.trees().getElement(getCurrentPath());
    if (!(element instanceof ExecutableElement constructor)) {
      erroneous = true;
      return Taint.EMPTY;
    }
    Callee callee = context.callee(constructor);
    SinkMatch sink = context.sinks().mayMatch("<init>")
        ? context.sinks().match(typeOf(tree), "<init>", null) : null;
    if (sink != null) {
      sinkCall(sink, tree, tree.getArguments(), arguments);
    } else if (!callee.library() && tree.getClassBody() == null) {
      current.call(callee.id());
      passes(callee, constructor, tree, tree.getArguments(), arguments);
      constructorWrites(constructor, tree.getArguments());
    }
    Taint result = Taint.EMPTY;
    for (Taint argument : arguments) {
      result = result.union(argument); // new StringBuilder(email), new ProducerRecord<>(topic, user)
    }
    return result;
  }

  /**
   * The sink an output stream or writer is open to: the result of a call or a constructor the
   * catalogue lists as opening one, {@code System.out} and {@code System.err} ({@link
   * FlowContext#fieldStream}: also a constant that holds one), a local that holds it, or a stream
   * or writer built around it ({@code new BufferedWriter(new OutputStreamWriter(
   * exchange.getResponseBody()))}, {@code new PrintStream(new FileOutputStream(file))}, {@code new
   * PrintWriter(System.out, true)}); null when unknown.
   */
  private SinkMatch streamOf(ExpressionTree expression) {
    ExpressionTree tree = expression;
    while (tree instanceof ParenthesizedTree || tree instanceof TypeCastTree) {
      tree = tree instanceof ParenthesizedTree parenthesized ? parenthesized.getExpression()
          : ((TypeCastTree) tree).getExpression();
    }
    if (tree instanceof MethodInvocationTree call) {
      Element element = context.trees().getElement(new TreePath(getCurrentPath(), call));
      if (!(element instanceof ExecutableElement method)) {
        return null;
      }
      ExpressionTree owner = call.getMethodSelect() instanceof MemberSelectTree select ? select.getExpression() : null;
      TypeElement receiverType = owner == null ? (TypeElement) method.getEnclosingElement() : typeOf(owner);
      return context.sinks().streamOpened(receiverType, method.getSimpleName().toString());
    }
    if (tree instanceof NewClassTree created) {
      for (ExpressionTree argument : created.getArguments()) {
        SinkMatch wrapped = streamOf(argument);
        if (wrapped != null) {
          return wrapped;
        }
      }
      // a stream that opens one itself: new FileOutputStream(file)
      Element constructor = context.trees().getElement(new TreePath(getCurrentPath(), created));
      return constructor != null && constructor.getEnclosingElement() instanceof TypeElement type
          ? context.sinks().streamOpened(type, "<init>") : null;
    }
    if (tree instanceof IdentifierTree || tree instanceof MemberSelectTree) {
      // a local that holds a stream; System.out, or a constant that holds it (OUT = System.out)
      Element element = context.trees().getElement(new TreePath(getCurrentPath(), tree));
      if (element == null) {
        return null;
      }
      return element.getKind() == ElementKind.FIELD ? context.fieldStream(element) : streams.get(element);
    }
    return null;
  }

  /**
   * Whether a summary says what {@code method} returns of its object: a project method with a
   * body, analysed here or described by a fragment on the class path. Not an abstract or native
   * method, whose implementations may return anything, nor a record's {@code toString}, which the
   * compiler writes when the record does not.
   */
  private boolean summaryDescribes(Callee callee, ExecutableElement method) {
    if (callee.library() || callee.unseen() || method.getModifiers().contains(Modifier.ABSTRACT)
        || method.getModifiers().contains(Modifier.NATIVE)) {
      return false;
    }
    return !(callee.owner().getKind() == ElementKind.RECORD && method.getSimpleName().contentEquals("toString"));
  }

  /** The types whose data elements are the own members of the object a call is made on. */
  private Set<String> ownTypesOf(ExpressionTree receiver, Callee callee) {
    TypeElement type = receiver == null ? null : typeOf(receiver);
    return context.ownTypes(type == null ? callee.owner() : type);
  }

  private Taint returnedFromObject(ExpressionTree receiver, Taint result) {
    return withViaCall(context.index().wholeObject(
        context.trees().getTypeMirror(new TreePath(getCurrentPath(), receiver))), result);
  }

  /**
   * Whether {@code method} is an abstract getter of the project's ({@code getKey()}, {@code
   * isActive()} declared in an interface, no parameters) that is no personal data accessor: it
   * returns its property, not its object's personal data, as a plain getter of a member that is no
   * personal data does ({@link PersonalDataIndex#accessedField}); an entity's interface
   * ({@code User extends Entity}) declares its ids and states so.
   */
  private boolean abstractGetter(ExecutableElement method) {
    if (!method.getModifiers().contains(Modifier.ABSTRACT) || !method.getParameters().isEmpty()
        || context.index().member(method).isPresent()) {
      return false;
    }
    return PersonalDataIndex.property(method.getSimpleName().toString()) != null;
  }

  /**
   * Whether a method, not a data element's accessor, may return its object's personal data: not a
   * primitive result, not a plain getter of a member that is no personal data, and of
   * {@code Object}'s own methods only {@code toString}.
   */
  private boolean mayReturnTheObjectsData(ExecutableElement method) {
    if (method.getReturnType().getKind().isPrimitive() || context.index().accessedField(method) != null) {
      return false;
    }
    return !((TypeElement) method.getEnclosingElement()).getQualifiedName().contentEquals("java.lang.Object")
        || method.getSimpleName().contentEquals("toString");
  }

  /**
   * What a third-party method may hand back: everything it was handed, whole objects included
   * ({@code Joiner.on(' ').join(user.getEmail(), user.getPhone())}, {@code StringUtils.lowerCase(email)}).
   * Nothing says otherwise, since no summary describes it.
   */
  private Taint handedBack(List<? extends ExpressionTree> argumentTrees, List<Taint> arguments) {
    Taint handed = heldBy(argumentTrees, arguments).throughCall();
    return lambdaDepth > 0 ? handed.inLambda() : handed;
  }

  /**
   * What the arguments carry, whole objects included, as held by something they were handed to
   * (a third-party method's result, a container): the objects' elements are read where that
   * reaches a sink.
   */
  private Taint heldBy(List<? extends ExpressionTree> argumentTrees, List<Taint> arguments) {
    Taint all = Taint.EMPTY;
    Set<String> ids = new TreeSet<>();
    for (int i = 0; i < arguments.size(); i++) {
      all = all.union(arguments.get(i));
      TypeMirror type = context.trees().getTypeMirror(new TreePath(getCurrentPath(), argumentTrees.get(i)));
      for (DataRef data : carriedBy(type, 0)) {
        ids.add(data.id());
        viaCall.putIfAbsent(data.id(), data);
      }
    }
    return all.withElements(ids);
  }

  /** What the functions handed to a library call yield: {@code map(User::getEmail)}, {@code map(u -> u.name)}. */
  private static Taint functionResults(List<? extends ExpressionTree> argumentTrees, List<Taint> arguments) {
    Taint yielded = Taint.EMPTY;
    for (int i = 0; i < arguments.size(); i++) {
      Tree.Kind kind = argumentTrees.get(i).getKind();
      if (kind == Tree.Kind.MEMBER_REFERENCE || kind == Tree.Kind.LAMBDA_EXPRESSION) {
        yielded = yielded.union(arguments.get(i));
      }
    }
    return yielded;
  }

  /**
   * Method references that are sinks, {@code forEach(log::info)}, {@code map(mapper::writeValueAsString)}:
   * applied to what the receiver holds, so they sink the receiver's value and the elements of the
   * objects it contains, with confidence {@code LAMBDA}.
   */
  private void referenceSinks(List<? extends ExpressionTree> argumentTrees, ExpressionTree receiver, Taint receiverValue) {
    for (ExpressionTree argument : argumentTrees) {
      if (receiver == null || !(argument instanceof MemberReferenceTree reference)) {
        continue;
      }
      TreePath path = new TreePath(getCurrentPath(), argument);
      if (!(context.trees().getElement(path) instanceof ExecutableElement method)) {
        continue;
      }
      String name = reference.getMode() == ReferenceMode.NEW ? "<init>" : method.getSimpleName().toString();
      if (!context.sinks().mayMatch(name)) {
        continue;
      }
      TreePath qualifier = new TreePath(path, reference.getQualifierExpression());
      TypeElement receiverType = reference.getMode() == ReferenceMode.NEW
          ? (TypeElement) method.getEnclosingElement() : typeOf(qualifier);
      SinkMatch sink = context.sinks().match(receiverType, name, context.trees().getElement(qualifier));
      if (sink == null) {
        continue;
      }
      Taint value = receiverValue.inLambda();
      TypeMirror held = context.trees().getTypeMirror(new TreePath(getCurrentPath(), receiver));
      Set<String> ids = new TreeSet<>();
      for (DataRef data : context.containers().held(held).stream()
          .flatMap(type -> carriedBy(type, 0).stream()).toList()) {
        ids.add(data.id());
        current.read(data, reference, line(reference));
      }
      record(sink, reference, value.withElements(ids).inLambda());
    }
  }

  /**
   * Method references to the project's methods that a stream's, {@code Optional}'s or collection's
   * method applies to what its receiver holds, {@code forEach(this::notify)}, {@code
   * map(mailer::format)}, {@code reduce(Totals::add)}: the element is passed as the method's first
   * parameter (its first two, for the two-argument functions of {@code reduce}, {@code sorted} and
   * a map's {@code forEach}), as a call would pass it, with confidence {@code LAMBDA}. An unbound
   * reference to an instance method, {@code Customer::notify}, runs on the element itself: what it
   * reads is its own reads.
   */
  private void referencePasses(List<? extends ExpressionTree> argumentTrees, ExpressionTree receiver,
      Taint receiverValue, Callee callee) {
    if (receiver == null || callee == null
        || (callee.functions() != ElementFunctions.APPLIED && callee.functions() != ElementFunctions.MAPPED)) {
      return;
    }
    for (ExpressionTree argument : argumentTrees) {
      if (!(argument instanceof MemberReferenceTree reference) || reference.getMode() != ReferenceMode.INVOKE) {
        continue;
      }
      TreePath path = new TreePath(getCurrentPath(), argument);
      if (!(context.trees().getElement(path) instanceof ExecutableElement method)
          || method.getParameters().isEmpty() || unbound(path, reference, method)) {
        continue;
      }
      Callee target = context.callee(method);
      if (target.library() || target.unseen()) {
        continue;
      }
      current.call(target.id());
      TypeMirror held = context.trees().getTypeMirror(new TreePath(getCurrentPath(), receiver));
      Set<String> ids = new TreeSet<>();
      for (TypeMirror type : context.containers().held(held)) {
        for (DataRef data : carriedBy(type, 0)) {
          ids.add(data.id());
          viaCall.putIfAbsent(data.id(), data);
        }
      }
      Taint value = receiverValue.withElements(ids).inLambda();
      if (value.isEmpty()) {
        continue;
      }
      for (int parameter = 0; parameter < Math.min(2, method.getParameters().size()); parameter++) {
        current.pass(new ArgumentPass(target.id(), parameter, line(reference), List.copyOf(value.elements),
            List.copyOf(value.parameters), Confidence.LAMBDA, List.copyOf(value.results),
            value.exceptLists()));
      }
    }
  }

  /** {@code Type::instanceMethod}: the element is the receiver, not an argument. */
  private boolean unbound(TreePath reference, MemberReferenceTree tree, ExecutableElement method) {
    if (method.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
      return false;
    }
    Element qualifier = context.trees().getElement(new TreePath(reference, tree.getQualifierExpression()));
    return qualifier != null && (qualifier.getKind().isClass() || qualifier.getKind().isInterface());
  }

  /**
   * The arguments' values. Those of a stream's, {@code Optional}'s or collection's method are
   * scanned with what its receiver's elements carry, those of a collector with what the stream it
   * collects carries, so their lambdas and method references take it; any other call's with nothing.
   */
  private List<Taint> scanArguments(List<? extends ExpressionTree> trees, Callee callee, Taint receiverValue) {
    Taint outer = elementValue;
    ElementFunctions functions = callee == null ? ElementFunctions.NONE : callee.functions();
    if (functions == ElementFunctions.APPLIED || functions == ElementFunctions.MAPPED) {
      elementValue = receiverValue;
    } else if (functions != ElementFunctions.COLLECTOR) {
      elementValue = null;
    }
    try {
      return scanAll(trees);
    } finally {
      elementValue = outer;
    }
  }

  /**
   * Whether the arguments of {@code map} or {@code collect} say all it yields: lambdas, method
   * references and collectors. Anything else (a {@code Function} held in a parameter) may hand an
   * element back, so the receiver's value is kept.
   */
  private boolean understood(List<? extends ExpressionTree> argumentTrees) {
    for (ExpressionTree argument : argumentTrees) {
      Tree.Kind kind = argument.getKind();
      if (kind == Tree.Kind.METHOD_INVOCATION) {
        if (!(context.trees().getElement(new TreePath(getCurrentPath(), argument)) instanceof ExecutableElement method)
            || context.callee(method).functions() != ElementFunctions.COLLECTOR) {
          return false;
        }
      } else if (kind != Tree.Kind.LAMBDA_EXPRESSION && kind != Tree.Kind.MEMBER_REFERENCE) {
        return false;
      }
    }
    return true;
  }

  private static Taint all(List<Taint> values) {
    Taint all = Taint.EMPTY;
    for (Taint value : values) {
      all = all.union(value);
    }
    return all;
  }

  private List<Taint> scanAll(List<? extends ExpressionTree> trees) {
    List<Taint> values = new ArrayList<>(trees.size());
    for (ExpressionTree tree : trees) {
      values.add(orEmpty(scan(tree, null)));
    }
    return values;
  }

  /** Records what the arguments of a sink call carry, whole objects included; returns that. */
  private Taint sinkCall(SinkMatch sink, Tree call, List<? extends ExpressionTree> argumentTrees, List<Taint> arguments) {
    Set<String> elements = new TreeSet<>();
    Set<String> plain = new TreeSet<>();
    Taint all = Taint.EMPTY;
    Map<Integer, Confidence> parameterConfidence = new HashMap<>(); // by the argument that carries it
    for (int i = 0; i < arguments.size(); i++) {
      plain.addAll(arguments.get(i).elements);
      for (Integer parameter : arguments.get(i).parameters) {
        parameterConfidence.merge(parameter, confidence(arguments.get(i)), BodyScanner::firstInOrder);
      }
      if (sink.valuesOnly()) {
        // query.setParameter("user", user): the entity stands for its id; only values count
        TypeMirror type = context.trees().getTypeMirror(new TreePath(getCurrentPath(), argumentTrees.get(i)));
        if (carriedBy(type, 0).isEmpty()) {
          elements.addAll(arguments.get(i).elements);
          all = all.union(arguments.get(i));
        }
        continue;
      }
      Element made = freshLocal(argumentTrees.get(i));
      boolean stored = sink.kind() == SinkKind.DATABASE;
      // what it refers to is written too; a database stores a related entity by its id
      Taint argument = withWholeObject(argumentTrees.get(i), arguments.get(i), call, true, stored, sink.skips());
      elements.addAll(argument.elements);
      // a record made right here, log.info("{}", new MailRequest(to, "receipt")), holds what it
      // was made from (its value), not what any other method stored in its class's fields
      all = all.union(argument).union(made != null ? heldFieldsWritten(made, call, stored)
          : madeHere(argumentTrees.get(i)) ? Taint.EMPTY : heldFieldsOf(argumentTrees.get(i), call, stored));
    }
    Taint sunk = all.withElements(elements);
    Set<String> rendered = new TreeSet<>(elements);
    rendered.removeAll(plain); // what only an object handed whole carries
    record(sink, call, sunk, rendered, parameterConfidence);
    return sunk;
  }

  /**
   * Whether {@code argument} is {@code new R(…)} of a record, whose fields hold what its canonical
   * constructor is handed, its value; a class's constructor may store more than its arguments
   * ({@code this.who = Session.current().getEmail()}), so its fields' reads count for it.
   */
  private boolean madeHere(ExpressionTree argument) {
    ExpressionTree tree = argument;
    while (tree instanceof ParenthesizedTree parenthesized) {
      tree = parenthesized.getExpression();
    }
    if (!(tree instanceof NewClassTree created) || created.getClassBody() != null) {
      return false;
    }
    TypeElement type = typeOf(created);
    return type != null && type.getKind() == ElementKind.RECORD;
  }

  /**
   * The confidence that comes first in the order {@code LAMBDA}, {@code VIA_CALL}, {@code
   * VIA_LOCAL}, {@code DIRECT}.
   */
  private static Confidence firstInOrder(Confidence one, Confidence other) {
    for (Confidence confidence : List.of(Confidence.LAMBDA, Confidence.VIA_CALL, Confidence.VIA_LOCAL)) {
      if (one == confidence || other == confidence) {
        return confidence;
      }
    }
    return Confidence.DIRECT;
  }

  /** A sink reached by {@code value} at {@code call}: its elements, parameters and call results. */
  private void record(SinkMatch sink, Tree call, Taint value) {
    record(sink, call, value, Set.of(), Map.of());
  }

  /**
   * {@link #record(SinkMatch, Tree, Taint)}; {@code rendered} as for {@link MethodFacts.SinkCall};
   * {@code parameterConfidence} the confidence of each parameter by the argument that carries it,
   * which another argument of the call does not change.
   */
  private void record(SinkMatch sink, Tree call, Taint value, Set<String> rendered,
      Map<Integer, Confidence> parameterConfidence) {
    int line = line(call);
    Confidence confidence = confidence(value);
    for (String element : value.elements) {
      DataRef data = viaCall.get(element);
      if (data != null) {
        current.read(data, call, line);
      }
    }
    if (!value.elements.isEmpty()) {
      current.sink(new SinkRecord(sink.kind(), sink.target(), line, List.copyOf(value.elements), confidence), call,
          rendered);
    }
    for (Integer parameter : value.parameters) {
      current.parameterSink(new ParameterSink(parameter, sink.kind(), sink.target(), line,
          parameterConfidence.getOrDefault(parameter, confidence),
          List.copyOf(value.exceptMembersOf.getOrDefault(parameter, Set.of()))));
    }
    for (CallResult result : value.results) {
      current.resultSink(new ResultSink(result, sink.kind(), sink.target(), line,
          confidence == Confidence.LAMBDA ? Confidence.LAMBDA : Confidence.VIA_CALL), call);
    }
  }

  /**
   * The passes of a call's arguments to a project method; a call on {@code super} runs that very
   * method, which the pass says ({@link ArgumentPass#exact}), so the merge follows it into none of
   * the overrides; a call on a subtype of the method's class names that type
   * ({@link ArgumentPass#receivers}), so the merge follows it into that type's overrides alone.
   */
  private void passes(Callee callee, ExecutableElement method, Tree call,
      List<? extends ExpressionTree> argumentTrees, List<Taint> arguments) {
    ExpressionTree receiver = call instanceof MethodInvocationTree invocation
        && invocation.getMethodSelect() instanceof MemberSelectTree select ? select.getExpression() : null;
    Dispatch dispatch = null; // worked out for the first argument that carries anything
    int declared = method.getParameters().size();
    for (int i = 0; i < arguments.size(); i++) {
      Taint argument = withWholeObject(argumentTrees.get(i), arguments.get(i), null);
      if (argument.isEmpty() || declared == 0) {
        continue;
      }
      if (dispatch == null) {
        dispatch = dispatchOf(receiver, method);
      }
      int parameter = Math.min(i, declared - 1); // varargs land in the last parameter
      current.pass(new ArgumentPass(callee.id(), parameter, line(call), List.copyOf(argument.elements),
          List.copyOf(argument.parameters), confidence(argument), List.copyOf(argument.results),
          argument.exceptLists(), dispatch.exact(), dispatch.receivers(), dispatch.receiverArguments()));
    }
  }

  /**
   * Which of a project method's overrides a call may run, as a pass and a call result say it
   * ({@link ArgumentPass#exact}, {@link ArgumentPass#receivers}, {@link
   * ArgumentPass#receiverArguments}).
   */
  private record Dispatch(boolean exact, List<String> receivers, List<String> receiverArguments) {
    static final Dispatch ANY = new Dispatch(false, List.of(), List.of());
  }

  /** How a call of {@code method} on {@code receiver} (null: on this object, or a constructor) dispatches. */
  private Dispatch dispatchOf(ExpressionTree receiver, ExecutableElement method) {
    if (receiver == null) {
      return Dispatch.ANY;
    }
    if (receiver instanceof IdentifierTree owner && owner.getName().contentEquals("super")) {
      return new Dispatch(true, List.of(), List.of());
    }
    // member.note(text), note declared in Account: only the overrides a Member may run
    List<String> receivers = context.receivers(typeOf(receiver), method);
    return new Dispatch(false, receivers, context.receiverArguments(
        context.trees().getTypeMirror(new TreePath(getCurrentPath(), receiver)), method, receivers));
  }

  /**
   * A call's effect on the {@link #fresh} locals: a setter of a personal data member called on one
   * records that member ({@code entity.setEmail(email)}), a setter of another field or a call
   * without arguments leaves it as it is, any other call on it hands it on; one handed to a call
   * that is no sink is handed on (the callee may fill it).
   */
  private void freshAtCall(ExpressionTree receiver, ExecutableElement method, Callee callee, SinkMatch sink,
      List<? extends ExpressionTree> argumentTrees) {
    Element target = freshLocal(receiver);
    if (target != null) {
      PersonalDataIndex.Written written = callee.library() || callee.unseen()
          ? PersonalDataIndex.Written.OTHER : context.index().written(method);
      if (written.data() != null) {
        fresh.get(target).add(written.data());
      } else if (written.setter()) {
        freshHeld.computeIfAbsent(target, k -> new LinkedHashSet<>()).add(written.field());
      } else if (!method.getParameters().isEmpty()) {
        fresh.remove(target);
      }
    }
    if (sink == null) {
      for (ExpressionTree argument : argumentTrees) {
        Element handed = freshLocal(argument);
        if (handed != null) {
          fresh.remove(handed);
        }
      }
    }
  }

  /**
   * An object whose class has personal data members carries all of them. At a sink (serialized,
   * logged, saved) they are read; handed to another method they are only passed on.
   */
  private Taint withWholeObject(ExpressionTree argument, Taint value, Tree sinkCall) {
    return withWholeObject(argument, value, sinkCall, false, false, SkippedMembers.NONE);
  }

  /**
   * {@link #withWholeObject(ExpressionTree, Taint, Tree)}; {@code nested}: with the elements of the
   * annotated objects its fields refer to ({@link FlowContext#nestedObjects}), as a log, a
   * serializer or a client writes them, or as a database stores them ({@code stored}: value
   * objects, not related entities); {@code skips}: the members the sink leaves out of an object
   * ({@code @JsonIgnore} for Jackson), whose elements do not count.
   */
  private Taint withWholeObject(ExpressionTree argument, Taint value, Tree sinkCall, boolean nested,
      boolean stored, SkippedMembers skips) {
    Element made = freshLocal(argument);
    TypeMirror type = made == null ? context.trees().getTypeMirror(new TreePath(getCurrentPath(), argument)) : null;
    if (made != null && !skips.isEmpty()) {
      context.index().wholeObject(made.asType()); // meets the members that stand for its elements
    }
    List<DataRef> whole = context.index().written(made == null ? carriedBy(type, 0) : List.copyOf(fresh.get(made)), skips);
    if (nested && made == null && type != null && !type.getKind().isPrimitive()) {
      List<DataRef> referred = context.nestedObjects(type, skips, stored);
      if (!referred.isEmpty()) {
        Set<DataRef> all = new LinkedHashSet<>(whole);
        all.addAll(referred);
        whole = List.copyOf(all);
      }
    }
    if (whole.isEmpty()) {
      return value;
    }
    Set<String> ids = new TreeSet<>();
    for (DataRef data : whole) {
      ids.add(data.id());
      if (sinkCall != null) {
        current.read(data, sinkCall, line(sinkCall));
      }
    }
    Taint carried = value.withElements(ids);
    return lambdaDepth > 0 ? carried.inLambda() : carried;
  }

  /**
   * A project object logged, serialized or saved whole ({@code repository.save(order)} after
   * {@code order.setEmail(user.getEmail())}) carries what is stored in its fields that hold values:
   * reads of those fields, known when summaries merge. Saved into a database ({@code stored}), a
   * JPA entity carries only the fields its provider writes ({@link FlowContext#heldFieldsStored}).
   */
  private Taint heldFieldsOf(ExpressionTree argument, Tree call, boolean stored) {
    TypeElement type = typeOf(argument);
    if (type == null || type.getKind() == ElementKind.ENUM) {
      return Taint.EMPTY;
    }
    Taint reads = Taint.EMPTY;
    for (String field : stored ? context.heldFieldsStored(type) : context.heldFieldsOf(type)) {
      reads = reads.union(Taint.result(new CallResult(field, line(call)), lambdaDepth > 0));
    }
    return reads;
  }

  /**
   * A {@link #fresh} object saved whole carries what is stored in the fields that hold values
   * written on it here, not in every such field of its class ({@link #heldFieldsOf}).
   */
  private Taint heldFieldsWritten(Element local, Tree call, boolean stored) {
    Taint reads = Taint.EMPTY;
    for (Element field : freshHeld.getOrDefault(local, Set.of())) {
      String held = stored && context.notStoredWithObject(field) ? null : context.heldField(field);
      if (held != null) {
        reads = reads.union(Taint.result(new CallResult(held, line(call)), lambdaDepth > 0));
      }
    }
    return reads;
  }

  /** Whether {@code method} is named as a setter: {@code setX} with one parameter or more. */
  private static boolean isSetter(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    return name.length() > 3 && name.startsWith("set") && Character.isUpperCase(name.charAt(3))
        && !method.getParameters().isEmpty();
  }

  /**
   * Whether a third-party method's result is a builder ({@code Response.ok(user)} gives JAX-RS's
   * {@code ResponseBuilder}, {@code ResponseCookie.from("mail", email)} Spring's {@code
   * ResponseCookieBuilder}): a builder holds what it is handed, and what it builds carries that.
   */
  private static boolean isBuilder(TypeMirror type) {
    return type instanceof DeclaredType declared
        && declared.asElement().getSimpleName().toString().endsWith("Builder");
  }

  /**
   * Whether a generic method's result is a wrapper of what it is handed: one of its own type
   * parameters is a type argument of the result ({@code <T> ResponseEntity<T> ok(T body)}, {@code
   * <T> Mono<T> just(T data)}, {@code <U> CompletableFuture<U> completedFuture(U value)}).
   */
  private static boolean wrapsItsArguments(ExecutableElement method) {
    if (method.getTypeParameters().isEmpty() || !(method.getReturnType() instanceof DeclaredType result)) {
      return false;
    }
    for (TypeMirror argument : result.getTypeArguments()) {
      if (argument.getKind() == TypeKind.TYPEVAR
          && method.getTypeParameters().contains(((TypeVariable) argument).asElement())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The elements of the objects a response type names as its type arguments, which a web
   * framework writes as the body: {@code ResponseEntity<User>}, {@code Mono<List<User>>}, {@code
   * CompletableFuture<User>}. Empty for a type without type arguments (its own value counts, as
   * for any other return).
   */
  private List<DataRef> bodyOf(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)) {
      return List.of();
    }
    Set<DataRef> all = new LinkedHashSet<>();
    for (TypeMirror argument : declared.getTypeArguments()) {
      all.addAll(carriedBy(argument, 0));
      all.addAll(bodyOf(argument));
    }
    return List.copyOf(all);
  }

  /**
   * The elements a value of {@code type} carries: an annotated object's own, and those of the
   * objects an array, collection, map, {@code Optional} or stream of it holds.
   */
  private List<DataRef> carriedBy(TypeMirror type, int depth) {
    List<DataRef> own = context.index().wholeObject(type);
    List<TypeMirror> held = depth < 3 ? context.containers().held(type) : List.of();
    if (held.isEmpty()) {
      return own;
    }
    Set<DataRef> all = new LinkedHashSet<>(own);
    for (TypeMirror element : held) {
      all.addAll(carriedBy(element, depth + 1));
    }
    return List.copyOf(all);
  }

  /** {@code sb.append(email)} adds to {@code sb}; also through a chain {@code sb.append(a).append(b)}. */
  private void collectInto(ExpressionTree receiver, Taint value) {
    ExpressionTree root = receiver;
    while (root instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree select) {
      root = select.getExpression();
    }
    if (root instanceof IdentifierTree && !value.isEmpty()) {
      Element element = context.trees().getElement(new TreePath(getCurrentPath(), root));
      if (element != null && (element.getKind() == ElementKind.LOCAL_VARIABLE
          || (element.getKind() == ElementKind.PARAMETER && !parameters.containsKey(element)))) {
        locals.merge(element, value, Taint::union);
      }
    }
  }

  /**
   * {@code this.extra.put("email", user.getEmail())}, {@code extra.add(user)}: a container held in
   * a field stores what it is handed, whole objects included.
   */
  private void collectIntoField(ExpressionTree receiver, List<? extends ExpressionTree> argumentTrees,
      List<Taint> arguments) {
    if (receiver instanceof MethodInvocationTree call
        && context.trees().getElement(new TreePath(getCurrentPath(), call)) instanceof ExecutableElement getter
        && !context.callee(getter).library() && !context.callee(getter).unseen()) {
      // account.getCredentials().add(credential): a plain getter hands out its field, which holds it
      VariableElement field = context.index().accessedField(getter);
      if (field != null && context.heldField(field) != null) {
        ExpressionTree owner =
            call.getMethodSelect() instanceof MemberSelectTree select ? select.getExpression() : null;
        for (int i = 0; i < arguments.size(); i++) {
          store(field, argumentTrees.get(i), arguments.get(i), call);
          storedInCollection(field, owner, arguments.get(i), call);
        }
        return;
      }
    }
    ExpressionTree root = receiver;
    while (root instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree select) {
      root = select.getExpression();
    }
    if (!(root instanceof IdentifierTree) && !(root instanceof MemberSelectTree)) {
      return;
    }
    Element field = context.trees().getElement(new TreePath(getCurrentPath(), root));
    if (context.heldField(field) == null) {
      return;
    }
    ExpressionTree owner = root instanceof MemberSelectTree select ? select.getExpression() : null;
    for (int i = 0; i < arguments.size(); i++) {
      store(field, argumentTrees.get(i), arguments.get(i), root);
      storedInCollection(field, owner, arguments.get(i), root);
    }
  }

  /**
   * A value added to a collection or map held in a field that a framework stores with its object
   * ({@code user.getPhones().add(phone)} on a JPA entity's element collection): written to the
   * database as a value written into the field is ({@link #storedField}), unless the object is
   * being built here, by its constructor or as a new object of this method ({@code owner}: the
   * expression of the object, null for {@code this}), where it reaches the database when saved.
   */
  private void storedInCollection(Element field, ExpressionTree owner, Taint value, Tree at) {
    boolean building = owner == null || isThis(owner) ? inConstructor() : freshLocal(owner) != null;
    if (!building) {
      storedField(field, value, at);
    }
  }

  // ---- helpers

  private Taint read(DataRef data, Tree tree) {
    current.read(data, tree, line(tree));
    return Taint.element(data.id(), lambdaDepth > 0);
  }

  private Confidence confidence(Taint value) {
    if (value.lambda || lambdaDepth > 0) {
      return Confidence.LAMBDA;
    }
    if (value.viaCall) {
      return Confidence.VIA_CALL;
    }
    return value.viaLocal ? Confidence.VIA_LOCAL : Confidence.DIRECT;
  }

  private TypeElement typeOf(Tree tree) {
    return typeOf(tree == getCurrentPath().getLeaf() ? getCurrentPath() : new TreePath(getCurrentPath(), tree));
  }

  private TypeElement typeOf(TreePath path) {
    TypeMirror type = context.trees().getTypeMirror(path);
    if (type == null) {
      return null;
    }
    if (type.getKind() == TypeKind.TYPEVAR || type.getKind() == TypeKind.INTERSECTION) {
      type = context.types().erasure(type);
    }
    return type.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) type).asElement() : null;
  }

  /**
   * The line of a tree; for a call, the line of the method's name, so that each call of a chain
   * written over several lines ({@code client.target(url)\n    .path(email)}) is on its own line.
   */
  private int line(Tree tree) {
    long start = tree instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree
        ? positions.getEndPosition(unit, call.getMethodSelect()) : positions.getStartPosition(unit, tree);
    return start == Diagnostic.NOPOS || lines == null ? 0 : (int) lines.getLineNumber(start);
  }

  private static Taint orEmpty(Taint value) {
    return value == null ? Taint.EMPTY : value;
  }
}

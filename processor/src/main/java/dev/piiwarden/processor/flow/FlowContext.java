package dev.piiwarden.processor.flow;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.piiwarden.core.inventory.ArgumentPass;
import dev.piiwarden.processor.model.RuntimeTypeNames;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * What the analysis of every class in one compilation shares: javac's trees, the sink matcher, the
 * personal data index and the callee cache.
 */
final class FlowContext {
  private final Trees trees;
  private final Types types;
  private final RuntimeTypeNames names;
  private final PersonalDataIndex index;
  private final SinkMatcher sinks;
  private final ContainerTypes containers;
  private final Map<ExecutableElement, Callee> callees = new HashMap<>();
  /** Per field: its id when it holds values (see {@link #heldField}), else the empty string. */
  private final Map<Element, String> heldFields = new HashMap<>();
  private final Map<TypeElement, List<String>> heldFieldsOfType = new HashMap<>();
  private final Map<TypeElement, List<String>> heldFieldsStoredOfType = new HashMap<>();
  /** The nested objects' elements by root class, for each set of skipped members and whether stored. */
  private final Map<List<Object>, Map<TypeElement, List<DataRef>>> nestedOfType = new HashMap<>();
  private final Predicate<String> projectType;
  /** Per type: the binary names of it and its supertypes. */
  private final Map<TypeElement, Set<String>> ownTypes = new HashMap<>();
  /** Per top-level class: whether it is the project's. */
  private final Map<TypeElement, Boolean> seen = new HashMap<>();
  /** Per field written to as a stream: the sink it is open to, or empty. */
  private final Map<Element, Optional<SinkMatch>> fieldStreams = new HashMap<>();
  /** Per constructor: the data element each parameter is stored in ({@link #parametersStored}). */
  private final Map<ExecutableElement, List<Optional<DataRef>>> storedParameters = new HashMap<>();

  FlowContext(Trees trees, Types types, RuntimeTypeNames names, PersonalDataIndex index, SinkMatcher sinks,
      Predicate<String> projectType) {
    this.projectType = projectType;
    this.trees = trees;
    this.types = types;
    this.names = names;
    this.index = index;
    this.sinks = sinks;
    this.containers = new ContainerTypes(types);
  }

  ContainerTypes containers() {
    return containers;
  }

  Trees trees() {
    return trees;
  }

  Types types() {
    return types;
  }

  PersonalDataIndex index() {
    return index;
  }

  /**
   * For each parameter of a class's constructor compiled here, the data element its body stores
   * that parameter in ({@code this.email = email;}, {@code email = email} with no parameter of that
   * name is none), or empty; all empty for a constructor whose source is not in this compilation.
   */
  List<Optional<DataRef>> parametersStored(ExecutableElement constructor) {
    return storedParameters.computeIfAbsent(constructor, this::storedBy);
  }

  private List<Optional<DataRef>> storedBy(ExecutableElement constructor) {
    List<Optional<DataRef>> stored = new ArrayList<>();
    constructor.getParameters().forEach(p -> stored.add(Optional.empty()));
    MethodTree method = trees.getTree(constructor);
    if (method == null || method.getBody() == null || !(constructor.getEnclosingElement() instanceof TypeElement owner)) {
      return stored;
    }
    List<String> names = method.getParameters().stream().map(p -> p.getName().toString()).toList();
    for (StatementTree statement : method.getBody().getStatements()) {
      if (statement instanceof ExpressionStatementTree expression
          && expression.getExpression() instanceof AssignmentTree assignment
          && assignment.getExpression() instanceof IdentifierTree value) {
        int parameter = names.indexOf(value.getName().toString());
        String field = ownField(assignment.getVariable(), names);
        if (parameter >= 0 && field != null) {
          for (Element member : owner.getEnclosedElements()) {
            if (member.getKind() == ElementKind.FIELD && member.getSimpleName().contentEquals(field)) {
              stored.set(parameter, index.member(member));
            }
          }
        }
      }
    }
    return stored;
  }

  /** The name of the constructor's own field {@code variable} assigns ({@code this.x}, or {@code x} no parameter shadows). */
  private static String ownField(ExpressionTree variable, List<String> parameters) {
    if (variable instanceof MemberSelectTree select && select.getExpression() instanceof IdentifierTree object
        && object.getName().contentEquals("this")) {
      return select.getIdentifier().toString();
    }
    if (variable instanceof IdentifierTree name && !parameters.contains(name.getName().toString())) {
      return name.getName().toString();
    }
    return null;
  }

  SinkMatcher sinks() {
    return sinks;
  }

  /**
   * The sink a field written to as an output stream is open to, or null: a field an entry counts
   * calls on ({@code System.out}), or a static final field of the project initialised with one
   * ({@code private static final PrintStream OUT = System.out}). The initializer is looked up
   * once per field, and only for a field something is written to.
   */
  SinkMatch fieldStream(Element field) {
    Optional<SinkMatch> known = fieldStreams.get(field);
    if (known == null) {
      known = Optional.ofNullable(findFieldStream(field));
      fieldStreams.put(field, known);
    }
    return known.orElse(null);
  }

  private SinkMatch findFieldStream(Element field) {
    SinkMatch own = sinks.streamField(field);
    if (own != null || !field.getModifiers().contains(Modifier.STATIC) || !field.getModifiers().contains(Modifier.FINAL)) {
      return own;
    }
    TreePath path = trees.getPath(field);
    if (path == null || !(path.getLeaf() instanceof VariableTree variable) || variable.getInitializer() == null) {
      return null; // a class file's, or no initializer
    }
    ExpressionTree initializer = variable.getInitializer();
    while (initializer instanceof ParenthesizedTree parenthesized) {
      initializer = parenthesized.getExpression();
    }
    if (!(initializer instanceof MemberSelectTree || initializer instanceof IdentifierTree)) {
      return null;
    }
    Element source = trees.getElement(new TreePath(path, initializer));
    return source == null || source.getKind() != ElementKind.FIELD ? null : sinks.streamField(source);
  }

  /**
   * The binary names of {@code type} and of every type it extends or implements: the types whose
   * data elements are an object of {@code type}'s own members.
   */
  Set<String> ownTypes(TypeElement type) {
    Set<String> known = ownTypes.get(type);
    if (known == null) {
      known = new TreeSet<>();
      addOwnTypes(type, known);
      known = Set.copyOf(known);
      ownTypes.put(type, known);
    }
    return known;
  }

  private void addOwnTypes(TypeElement type, Set<String> into) {
    String name = names.binaryName(type);
    if (isLibrary(name) || !into.add(name)) {
      return; // the JDK's types declare no data elements
    }
    for (TypeMirror supertype : types.directSupertypes(type.asType())) {
      if (supertype.getKind() == TypeKind.DECLARED) {
        addOwnTypes((TypeElement) ((DeclaredType) supertype).asElement(), into);
      }
    }
  }

  /**
   * The supertypes of {@code type}, at any depth, outside the JDK, as binary names; with {@code
   * below} not null, only its proper subtypes. Cached per type.
   */
  List<String> supertypes(TypeElement type, TypeElement below) {
    List<String> all = new ArrayList<>();
    for (DeclaredType declared : supertypesOf.computeIfAbsent(type, this::supertypesOf)) {
      TypeElement supertype = (TypeElement) declared.asElement();
      if (below == null || (!supertype.equals(below)
          && types.isSubtype(types.erasure(supertype.asType()), types.erasure(below.asType())))) {
        all.add(names.binaryName(supertype));
      }
    }
    return all;
  }

  /**
   * The project supertypes of {@code type}, at any depth, that it gives type arguments, each with
   * those arguments ({@link dev.piiwarden.core.inventory.MethodSummary#supertypeArguments}), as
   * {@code type}'s declaration gives them: its own type variables stay {@code ?}.
   */
  Map<String, List<String>> supertypeArguments(TypeElement type) {
    Map<String, List<String>> found = new TreeMap<>();
    for (DeclaredType declared : supertypesOf.computeIfAbsent(type, this::supertypesOf)) {
      List<String> arguments = typeArguments(declared);
      if (!arguments.isEmpty()) {
        found.put(names.binaryName((TypeElement) declared.asElement()), arguments);
      }
    }
    return found;
  }

  /**
   * For a call of {@code method} on an object of static type {@code receiver}, with {@code
   * receivers} as {@link #receivers} gave them: the type arguments of that type, when it is the
   * type the pass names (the first of {@code receivers}, or the method's class when they are
   * empty); else empty. {@code attr.setOwner(user)} on a {@code PlainAttr<User>} runs no override in
   * a {@code PlainAttr<Group>}.
   */
  List<String> receiverArguments(TypeMirror receiver, ExecutableElement method, List<String> receivers) {
    if (!(receiver instanceof DeclaredType declared) || declared.getTypeArguments().isEmpty()) {
      return List.of();
    }
    TypeElement type = (TypeElement) declared.asElement();
    boolean named = receivers.isEmpty() ? type.equals(method.getEnclosingElement())
        : receivers.get(0).equals(names.binaryName(type));
    return named ? typeArguments(declared) : List.of();
  }

  /**
   * The type arguments of {@code type} ({@link dev.piiwarden.core.inventory.ArgumentPass#receiverArguments}):
   * binary names of their erasures, {@code ?} for a type variable or wildcard; empty when it has
   * none, or none that is a class.
   */
  List<String> typeArguments(DeclaredType type) {
    List<String> arguments = new ArrayList<>();
    boolean anyClass = false;
    for (TypeMirror argument : type.getTypeArguments()) {
      if (argument instanceof DeclaredType declared) {
        arguments.add(names.binaryName((TypeElement) declared.asElement()));
        anyClass = true;
      } else {
        arguments.add(ArgumentPass.ANY_TYPE);
      }
    }
    return anyClass ? List.copyOf(arguments) : List.of();
  }

  /**
   * The project supertypes of {@code type}, at any depth, each once, as {@code type}'s declaration
   * gives them (with their type arguments); library types are walked through, not kept.
   */
  private List<DeclaredType> supertypesOf(TypeElement type) {
    List<DeclaredType> found = new ArrayList<>();
    Set<TypeElement> seen = new HashSet<>();
    Deque<TypeMirror> pending = new ArrayDeque<>(types.directSupertypes(type.asType()));
    while (!pending.isEmpty()) {
      if (pending.pop() instanceof DeclaredType declared && seen.add((TypeElement) declared.asElement())) {
        if (!isLibrary(names.binaryName((TypeElement) declared.asElement()))) {
          found.add(declared);
        }
        pending.addAll(types.directSupertypes(declared));
      }
    }
    return List.copyOf(found);
  }

  /**
   * For a call of {@code method} on an object of static type {@code receiver}: when that is one of
   * the project's proper subtypes of the method's class, it and its supertypes below that class
   * ({@link dev.piiwarden.core.inventory.ArgumentPass#receivers}); else empty.
   */
  List<String> receivers(TypeElement receiver, ExecutableElement method) {
    if (receiver == null || !(method.getEnclosingElement() instanceof TypeElement declaring)
        || receiver.equals(declaring) || isLibrary(names.binaryName(receiver)) || !seen(receiver)
        || !types.isSubtype(types.erasure(receiver.asType()), types.erasure(declaring.asType()))) {
      return List.of();
    }
    List<String> found = new ArrayList<>(List.of(names.binaryName(receiver)));
    found.addAll(supertypes(receiver, declaring));
    return found;
  }

  private final Map<TypeElement, List<DeclaredType>> supertypesOf = new HashMap<>();

  String methodId(ExecutableElement method) {
    return callee(method).id();
  }

  Callee callee(ExecutableElement method) {
    Callee known = callees.get(method);
    if (known == null) {
      TypeElement owner = (TypeElement) method.getEnclosingElement();
      String binaryName = names.binaryName(owner);
      TypeKind returns = method.getReturnType().getKind();
      boolean carries = ValuePropagation.resultCarriesArguments(method);
      boolean library = isLibrary(binaryName);
      known = new Callee(
          binaryName + "#" + names.signature(method),
          method.getSimpleName().toString(),
          owner,
          library,
          returns == TypeKind.VOID || returns == TypeKind.BOOLEAN || ValuePropagation.resultCarriesNothing(method),
          carries,
          carries && ValuePropagation.receiverCollectsArguments(method),
          library && ValuePropagation.containerStoresArguments(method, containers),
          library ? ValuePropagation.functions(method, containers) : ElementFunctions.NONE,
          !library && !seen(owner));
      callees.put(method, known);
    }
    return known;
  }

  /**
   * The id ({@code <binary name>#<field>}) of a field that can hold personal data without being a
   * data element: a field of a project class, not a constant, whose type can hold a value of any
   * kind (text, an array, a container, {@code Object}, a type variable). What is stored in it and
   * what is read from it are followed when summaries merge. Null for any other element.
   */
  String heldField(Element element) {
    if (element == null || element.getKind() != ElementKind.FIELD) {
      return null;
    }
    String known = heldFields.get(element);
    if (known == null) {
      known = "";
      if (element.getEnclosingElement() instanceof TypeElement owner
          && ((VariableElement) element).getConstantValue() == null
          && index.member(element).isEmpty()
          && containers.holdsValues(element.asType())) {
        String binaryName = names.binaryName(owner);
        if (!isLibrary(binaryName) && seen(owner)) {
          known = binaryName + "#" + element.getSimpleName();
        }
      }
      heldFields.put(element, known);
    }
    return known.isEmpty() ? null : known;
  }

  /**
   * The ids of the instance fields of {@code type} and its superclasses that hold values ({@link
   * #heldField}): what an object of it carries besides its personal data members, when it is
   * logged, serialized or saved whole.
   */
  List<String> heldFieldsOf(TypeElement type) {
    return heldFieldsOfType.computeIfAbsent(type, t -> heldFields(t, member -> true));
  }

  /**
   * The ids of the fields that hold values ({@link #heldField}) of an object of {@code type} that a
   * database sink stores with it: those of {@link #heldFieldsOf}, but for the fields a framework
   * does not write with the object ({@link #notStoredWithObject}).
   */
  List<String> heldFieldsStored(TypeElement type) {
    return heldFieldsStoredOfType.computeIfAbsent(type, t -> heldFields(t, member -> !notStoredWithObject(member)));
  }

  private List<String> heldFields(TypeElement type, Predicate<Element> kept) {
    List<String> fields = new ArrayList<>();
    for (TypeElement each = type; each != null; each = superclass(each)) {
      for (Element member : each.getEnclosedElements()) {
        String held = member.getModifiers().contains(Modifier.STATIC) ? null : heldField(member);
        if (held != null && kept.test(member)) {
          fields.add(held);
        }
      }
    }
    return List.copyOf(fields);
  }

  /**
   * The elements of the annotated objects that a value of {@code type} (or the objects a container
   * of {@code type} holds) refers to through the instance fields of project classes, recursively:
   * {@code Order#buyer} of type {@code Resident}, whose {@code home} is a {@code Home}, gives the
   * resident's and the home's elements; also through a container field ({@code List<Home>}), an
   * array or an {@code Optional}. Each class counts once, so cycles end. Not the elements of
   * {@code type}'s own class, nor fields that are data elements themselves.
   */
  List<DataRef> nestedObjects(TypeMirror type) {
    return nestedObjects(type, SkippedMembers.NONE, false);
  }

  /**
   * {@link #nestedObjects(TypeMirror)} as a sink that leaves out the members {@code skips} names
   * writes them: neither a skipped field's object nor a skipped element of an object it reaches.
   * {@code stored}: as a database stores them with the object, which stores a related entity by
   * its id ({@link SinkMatcher#writtenAsIdentity}) and leaves out what its provider does not write
   * ({@link #notStoredWithObject}); a value object (an address record, an {@code @Embeddable}, a
   * document's nested class) is stored with it.
   */
  List<DataRef> nestedObjects(TypeMirror type, SkippedMembers skips, boolean stored) {
    List<TypeElement> roots = new ArrayList<>();
    classesIn(type, roots, 0);
    if (roots.isEmpty()) {
      return List.of();
    }
    Map<TypeElement, List<DataRef>> known = nestedOfType.computeIfAbsent(List.of(skips, stored), s -> new HashMap<>());
    if (roots.size() == 1) {
      return known.computeIfAbsent(roots.get(0), root -> nested(root, skips, stored));
    }
    Set<DataRef> all = new LinkedHashSet<>();
    for (TypeElement root : roots) {
      all.addAll(known.computeIfAbsent(root, each -> nested(each, skips, stored)));
    }
    return List.copyOf(all);
  }

  private List<DataRef> nested(TypeElement root, SkippedMembers skips, boolean stored) {
    Set<TypeElement> visited = new HashSet<>();
    visited.add(root);
    Set<DataRef> found = new LinkedHashSet<>();
    Deque<TypeElement> work = new ArrayDeque<>();
    work.push(root);
    List<TypeElement> held = new ArrayList<>();
    while (!work.isEmpty()) {
      for (TypeElement each = work.pop(); each != null; each = superclass(each)) {
        if (isLibrary(names.binaryName(each)) || !seen(each)) {
          break; // a library's fields are not followed
        }
        for (Element member : each.getEnclosedElements()) {
          if (member.getKind() != ElementKind.FIELD || member.getModifiers().contains(Modifier.STATIC)
              || index.member(member).isPresent() || skips.skips(member)
              || (stored && (member.getModifiers().contains(Modifier.TRANSIENT) || notStoredWithObject(member)))) {
            continue;
          }
          held.clear();
          classesIn(member.asType(), held, 0);
          for (TypeElement type : held) {
            if (stored && sinks.writtenAsIdentity(type)) {
              continue; // a related entity: stored by its id
            }
            if (visited.add(type)) {
              found.addAll(index.written(index.wholeObject(type.asType()), skips));
              work.push(type);
            }
          }
        }
      }
    }
    return List.copyOf(found);
  }

  /** The classes of {@code type}: itself, or the element types of a container or array of them. */
  private void classesIn(TypeMirror type, List<TypeElement> into, int depth) {
    List<TypeMirror> held = depth < 3 ? containers.held(type) : List.of();
    if (!held.isEmpty()) {
      for (TypeMirror element : held) {
        classesIn(element, into, depth + 1);
      }
    } else if (type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element
        && element.getKind() != ElementKind.ENUM) {
      into.add(element);
    }
  }

  /**
   * Whether {@code field} is one that the framework storing its class's objects leaves out or
   * stores as an identity ({@link SinkMatcher#fieldsStoredOf}): a {@code transient} or
   * {@code @Transient} field of a JPA entity, or a relation to other entities.
   */
  boolean notStoredWithObject(Element field) {
    return field.getEnclosingElement() instanceof TypeElement owner && sinks.fieldsStoredOf(owner)
        && (sinks.fieldWritten(field) == null || !identitiesWritten(field.asType()).isEmpty());
  }

  /**
   * The own types ({@link #ownTypes}) of the classes in {@code type}, itself or the type arguments
   * of a container ({@code List<CredentialEntity>}), whose objects a field stores as their identity
   * ({@link SinkMatcher#writtenAsIdentity}).
   */
  Set<String> identitiesWritten(TypeMirror type) {
    Set<String> identities = new TreeSet<>();
    identitiesWritten(type, identities, 0);
    return identities;
  }

  private void identitiesWritten(TypeMirror type, Set<String> into, int depth) {
    if (!(type instanceof DeclaredType declared) || depth > 2) {
      return;
    }
    TypeElement element = (TypeElement) declared.asElement();
    if (sinks.writtenAsIdentity(element)) {
      into.addAll(ownTypes(element));
    }
    for (TypeMirror argument : declared.getTypeArguments()) {
      identitiesWritten(argument, into, depth + 1);
    }
  }

  private static TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) superclass).asElement() : null;
  }

  /** Whether the class declaring a method is the project's, whose methods summaries describe. */
  private boolean seen(TypeElement owner) {
    TypeElement topLevel = RuntimeTypeNames.topLevel(owner);
    if (topLevel == null) {
      return true;
    }
    return seen.computeIfAbsent(topLevel, type -> projectType.test(names.binaryName(type)));
  }

  private static boolean isLibrary(String binaryName) {
    return binaryName.startsWith("java.") || binaryName.startsWith("javax.") || binaryName.startsWith("jdk.")
        || binaryName.startsWith("sun.") || binaryName.startsWith("com.sun.");
  }
}

package dev.piiwarden.processor.flow;

import dev.piiwarden.core.inventory.SinkKind;
import dev.piiwarden.processor.base.LibraryTypes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Matches calls against the sink catalogue, the way Error Prone's method matchers do: the receiver
 * type is a subtype of the catalogue type (on erasure) and the method name is listed. A catalogue
 * type is looked up when a call of one of its methods is first met (the annotations of the other
 * kinds of entries at once) and dropped if missing from the class path; answers are cached per
 * receiver type and method name, so each pair costs one set of subtype checks per compilation.
 */
public final class SinkMatcher {
  private record Resolved(SinkDefinition definition, TypeMirror type, String binaryName) {}

  private record Key(TypeElement receiver, String method) {}

  private final Types types;
  private final Elements elements;
  private final LibraryTypes libraryTypes;
  private final ByMethod byMethod = new ByMethod();
  private final Map<Key, List<Resolved>> cache = new HashMap<>();
  /** Entries whose methods open a stream to the sink ({@link SinkDefinition#stream()}). */
  private final ByMethod streamsByMethod = new ByMethod();
  private final Map<Key, List<Resolved>> streamCache = new HashMap<>();
  /** Each entry's type, looked up once; {@link #ABSENT} when it is not on the class path. */
  private final Map<SinkDefinition, Resolved> resolvedEntries = new IdentityHashMap<>();
  private static final Resolved ABSENT = new Resolved(null, null, null);

  /** Entries for what annotated methods return ({@link SinkDefinition#returned()}), by annotation type. */
  private final Map<TypeElement, SinkDefinition> returnedBy = new HashMap<>();
  private final Map<Element, Found> returnedByElement = new HashMap<>();

  /** Entries for what is written into fields ({@link SinkDefinition#fields()}), by annotation type. */
  private final Map<TypeElement, SinkDefinition> fieldsOf = new HashMap<>();
  private final Map<TypeElement, SinkDefinition> fieldsOfClass = new HashMap<>();

  /** Entries for the arguments of annotated methods ({@link SinkDefinition#arguments()}), by annotation type. */
  private final Map<TypeElement, List<SinkDefinition>> argumentsOf = new HashMap<>();
  private final Map<ExecutableElement, SinkMatch> argumentsOfMethod = new HashMap<>();

  /** The kind of the entries that count only on the static fields they name ({@code java.lang.System.out}), by field. */
  private final Map<String, SinkKind> receiverFields = new HashMap<>();

  public SinkMatcher(SinkCatalogue catalogue, Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
    this.libraryTypes = new LibraryTypes(elements);
    for (SinkDefinition definition : catalogue.definitions()) {
      for (String receiver : definition.receivers()) {
        receiverFields.putIfAbsent(receiver, definition.kind());
      }
      if (!definition.returned() && !definition.fields() && !definition.arguments()) {
        // looked up when a call of one of its methods is first met: most entries' libraries are
        // not on a given class path, and a type javac does not find costs it a search of every module
        for (String method : definition.methods()) {
          (definition.stream() ? streamsByMethod : byMethod).add(method, definition);
        }
        continue;
      }
      TypeElement type = libraryTypes.find(definition.type());
      if (type == null) {
        continue; // not on this compilation's class path: no method can carry it
      }
      if (definition.returned()) {
        returnedBy.putIfAbsent(type, definition);
      } else if (definition.fields()) {
        fieldsOf.putIfAbsent(type, definition);
      } else {
        argumentsOf.computeIfAbsent(type, k -> new ArrayList<>()).add(definition); // the built-in first
      }
    }
  }

  /**
   * Entries by method name, each list in catalogue order and holding only the entries whose type is
   * on the class path, once a call of that name has asked for it.
   */
  private final class ByMethod {
    private final Map<String, List<SinkDefinition>> pending = new HashMap<>();
    private final Map<String, List<Resolved>> found = new HashMap<>();

    void add(String method, SinkDefinition definition) {
      pending.computeIfAbsent(method, k -> new ArrayList<>()).add(definition);
    }

    /** The entries present for {@code method}, or null when there are none. */
    List<Resolved> get(String method) {
      List<SinkDefinition> waiting = pending.remove(method);
      if (waiting != null) {
        for (SinkDefinition definition : waiting) {
          Resolved resolved = resolve(definition);
          if (resolved != ABSENT) {
            found.computeIfAbsent(method, k -> new ArrayList<>()).add(resolved);
          }
        }
      }
      return found.get(method);
    }
  }

  private Resolved resolve(SinkDefinition definition) {
    return resolvedEntries.computeIfAbsent(definition, d -> {
      TypeElement type = libraryTypes.find(d.type());
      return type == null ? ABSENT
          : new Resolved(d, types.erasure(type.asType()), elements.getBinaryName(type).toString());
    });
  }

  /** Whether any sink has a method of this name; a cheap first test before {@link #match}. */
  public boolean mayMatch(String methodName) {
    return byMethod.get(methodName) != null;
  }

  /**
   * The sink a call is, or null.
   *
   * @param receiverType the static type of the receiver, or the method's class for static calls,
   *     implicit {@code this} and constructors
   * @param methodName the method name, {@code <init>} for a constructor
   * @param receiverField the static field the receiver expression names, or null
   */
  public SinkMatch match(TypeElement receiverType, String methodName, Element receiverField) {
    if (receiverType == null || !mayMatch(methodName)) {
      return null;
    }
    for (Resolved resolved : candidates(byMethod, cache, receiverType, methodName)) {
      List<String> receivers = resolved.definition().receivers();
      if (receivers.isEmpty() || (receiverField != null && receivers.contains(fieldName(receiverField)))) {
        return new SinkMatch(resolved.definition().kind(), resolved.binaryName() + "#" + methodName,
            resolved.definition().valuesOnly(), resolved.definition().skips());
      }
    }
    return null;
  }

  /**
   * The sink that what is written to {@code field} goes to, when an entry counts only on it ({@code
   * System.out}, {@code System.err}: CONSOLE), or null. For what is written to it through another
   * name (a local or a constant holding it, a writer around it); the target is the field: {@code
   * java.lang.System#out}.
   */
  public SinkMatch streamField(Element field) {
    if (receiverFields.isEmpty() || field == null) {
      return null;
    }
    SinkKind kind = receiverFields.get(fieldName(field));
    return kind == null ? null
        : new SinkMatch(kind, elements.getBinaryName((TypeElement) field.getEnclosingElement()) + "#" + field.getSimpleName());
  }

  /**
   * The sink that what is written to the result of this call goes to, when the call opens an output
   * stream or writer to one ({@code connection.getOutputStream()}), or null.
   */
  public SinkMatch streamOpened(TypeElement receiverType, String methodName) {
    if (receiverType == null || streamsByMethod.get(methodName) == null) {
      return null;
    }
    List<Resolved> candidates = candidates(streamsByMethod, streamCache, receiverType, methodName);
    return candidates.isEmpty() ? null
        : new SinkMatch(candidates.get(0).definition().kind(), candidates.get(0).binaryName() + "#" + methodName);
  }

  /**
   * The sink that what {@code method} returns goes to, or null: a method annotated with an
   * annotation of a {@link SinkDefinition#returned()} entry, or a public instance method of a class
   * annotated with one that is a handler by the entry's {@link SinkDefinition#handlers()}; the
   * method's annotations are also read from the methods it implements or overrides. A method
   * mapped where it is declared, in a class that carries no such annotation (a base controller's,
   * an interface's default method), counts too: it is served through the annotated classes that
   * inherit it, and its target names the entry's annotation. An
   * annotation counts directly or through the annotations on it, at any depth ({@code
   * @RestController} carries {@code @ResponseBody}; a team's own annotation may carry {@code
   * @RestController}). The target is the annotation found on the method or class, and {@code
   * return}: {@code org.springframework.web.bind.annotation.RestController#return}.
   */
  public SinkMatch returnedTo(ExecutableElement method) {
    if (returnedBy.isEmpty() || method.getKind() != ElementKind.METHOD) {
      return null;
    }
    Set<Modifier> modifiers = method.getModifiers();
    Found onClass = modifiers.contains(Modifier.PUBLIC) && !modifiers.contains(Modifier.STATIC)
        ? annotatedFor(method.getEnclosingElement()) : null;
    // a mapping or @ResponseBody may be declared on a method this one implements or overrides
    // (an interface an OpenAPI generator wrote, a base controller), as Spring and JAX-RS read them
    List<ExecutableElement> declarations = new ArrayList<>(List.of(method));
    declarations.addAll(OverriddenMethods.overriddenBy(method, elements, types));
    for (ExecutableElement declaration : declarations) {
      Found own = annotatedFor(declaration);
      if (own != null) {
        return own.match();
      }
      if (onClass != null
          && (onClass.definition().handlers().isEmpty() || carriesAny(declaration, onClass.definition().handlers()))) {
        return onClass.match();
      }
    }
    if (onClass == null && modifiers.contains(Modifier.PUBLIC) && !modifiers.contains(Modifier.STATIC)) {
      // a method mapped where it is declared, in a class or interface that is no controller itself:
      // a base controller's, or an interface default method (openapi-generator's delegate
      // pattern), served through the annotated classes that inherit it. (A method that only
      // implements a mapped interface method, as a service's may, is no handler by this.)
      for (SinkDefinition definition : returnedBy.values()) {
        if (!definition.handlers().isEmpty() && carriesAny(method, definition.handlers())) {
          return new SinkMatch(definition.kind(), definition.type() + "#return", false, definition.skips());
        }
      }
    }
    return null;
  }

  /**
   * The sink that a value written into {@code field} goes to, or null: a field of a class annotated
   * with the annotation of a {@link SinkDefinition#fields()} entry ({@code @Entity}), neither
   * static nor {@code transient} nor annotated {@code @Transient} (JPA's, Spring Data's). The
   * target is the field: {@code com.acme.UserEntity#email}.
   */
  public SinkMatch fieldWritten(Element field) {
    if (fieldsOf.isEmpty() || field == null || field.getKind() != ElementKind.FIELD
        || field.getModifiers().contains(Modifier.STATIC) || field.getModifiers().contains(Modifier.TRANSIENT)
        || !(field.getEnclosingElement() instanceof TypeElement owner)) {
      return null;
    }
    SinkDefinition definition = fieldsOfClass.computeIfAbsent(owner, this::fieldsEntry);
    if (definition == NO_ENTRY) {
      return null;
    }
    for (AnnotationMirror annotation : field.getAnnotationMirrors()) {
      if (annotation.getAnnotationType().asElement().getSimpleName().contentEquals("Transient")) {
        return null;
      }
    }
    return new SinkMatch(definition.kind(), elements.getBinaryName(owner) + "#" + field.getSimpleName());
  }

  /**
   * Whether an object of {@code type} written into a field stands for its identity: its class is
   * annotated with the annotation of a {@link SinkDefinition#fields()} entry that is
   * {@link SinkDefinition#valuesOnly()}. A JPA relation stores the related entity's id.
   */
  public boolean writtenAsIdentity(TypeElement type) {
    return !fieldsOf.isEmpty() && fieldsOfClass.computeIfAbsent(type, this::fieldsEntry).valuesOnly();
  }

  /**
   * Whether the objects of {@code type} have their fields stored by a framework: the class is
   * annotated with the annotation of a {@link SinkDefinition#fields()} entry.
   */
  public boolean fieldsStoredOf(TypeElement type) {
    return !fieldsOf.isEmpty() && fieldsOfClass.computeIfAbsent(type, this::fieldsEntry) != NO_ENTRY;
  }

  private static final SinkDefinition NO_ENTRY = new SinkDefinition(null, null, List.of(), List.of());

  private SinkDefinition fieldsEntry(TypeElement owner) {
    for (AnnotationMirror annotation : owner.getAnnotationMirrors()) {
      SinkDefinition definition = fieldsOf.get((TypeElement) annotation.getAnnotationType().asElement());
      if (definition != null) {
        return definition;
      }
    }
    return NO_ENTRY;
  }

  /**
   * The sink that the arguments of a call of {@code method} go to, or null: the method carries the
   * annotation of a {@link SinkDefinition#arguments()} entry ({@code @Modifying}, {@code @Insert},
   * Retrofit's {@code @POST}), directly or through the annotations on it (Spring's {@code
   * @PostExchange} carries {@code @HttpExchange}); or the method is abstract, implemented by a
   * framework, and its type carries one ({@code @FeignClient}, {@code @RegisterRestClient}, a
   * MyBatis {@code @Mapper}); of the entry's methods, when it names any ({@link
   * SinkDefinition#countsArgumentsOf}). The target is the method: {@code
   * com.acme.UserRepository#updateEmail}.
   */
  public SinkMatch argumentsTo(ExecutableElement method) {
    if (argumentsOf.isEmpty()) {
      return null;
    }
    if (argumentsOfMethod.containsKey(method)) {
      return argumentsOfMethod.get(method);
    }
    String name = method.getSimpleName().toString();
    SinkDefinition definition = argumentsEntry(method, name);
    if (definition == null && method.getModifiers().contains(Modifier.ABSTRACT)) {
      definition = argumentsEntry(method.getEnclosingElement(), name);
    }
    SinkMatch found = definition == null ? null : new SinkMatch(definition.kind(),
        elements.getBinaryName((TypeElement) method.getEnclosingElement()) + "#" + method.getSimpleName(),
        definition.valuesOnly());
    argumentsOfMethod.put(method, found);
    return found;
  }

  /**
   * The arguments entry of an annotation of {@code element}, directly or through others, at any
   * depth, that counts the arguments of a method named {@code method}: {@code
   * userMapper.selectByEmail(email)} on a MyBatis {@code @Mapper} is a query, not a write.
   */
  private SinkDefinition argumentsEntry(Element element, String method) {
    for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
      for (TypeElement carried : carried((TypeElement) annotation.getAnnotationType().asElement())) {
        for (SinkDefinition definition : argumentsOf.getOrDefault(carried, List.of())) {
          if (definition.countsArgumentsOf(method)) {
            return definition;
          }
        }
      }
    }
    return null;
  }

  /** An entry found through an annotation of an element, and the sink it gives. */
  private record Found(SinkDefinition definition, SinkMatch match) {}

  private Found annotatedFor(Element element) {
    if (returnedByElement.containsKey(element)) {
      return returnedByElement.get(element);
    }
    Found found = null;
    for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) annotation.getAnnotationType().asElement();
      SinkDefinition definition = null;
      for (TypeElement carried : carried(type)) {
        definition = returnedBy.get(carried);
        if (definition != null) {
          break;
        }
      }
      if (definition != null) {
        found = new Found(definition, new SinkMatch(definition.kind(), type.getQualifiedName() + "#return", false,
            definition.skips()));
        break;
      }
    }
    returnedByElement.put(element, found);
    return found;
  }

  /** Whether {@code method} carries one of {@code annotations} (canonical names), directly or through others. */
  private static boolean carriesAny(ExecutableElement method, List<String> annotations) {
    for (AnnotationMirror annotation : method.getAnnotationMirrors()) {
      for (TypeElement carried : carried((TypeElement) annotation.getAnnotationType().asElement())) {
        if (annotations.contains(carried.getQualifiedName().toString())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code annotation} and the annotation types on it, and on those, at any depth, each once. Not
   * looked into: the JDK's own ({@code @Target}, {@code @Retention}, {@code @Deprecated}) and those of
   * the nullness and static-analysis libraries ({@link #NEVER_CARRY_SINKS}), which carry no sink's
   * annotation: reading the annotations on Spring's {@code @Nullable} makes javac load jsr305's
   * {@code @Nonnull(when = MAYBE)}, and warn "unknown enum constant When.MAYBE" when jsr305, an
   * optional dependency, is absent, which fails a build with {@code -Werror}.
   */
  private static Set<TypeElement> carried(TypeElement annotation) {
    Set<TypeElement> seen = new LinkedHashSet<>();
    Deque<TypeElement> open = new ArrayDeque<>(List.of(annotation));
    while (!open.isEmpty()) {
      TypeElement next = open.poll();
      if (!seen.add(next) || neverCarriesSinks(next)) {
        continue;
      }
      for (AnnotationMirror meta : next.getAnnotationMirrors()) {
        open.add((TypeElement) meta.getAnnotationType().asElement());
      }
    }
    return seen;
  }

  /** Packages whose annotations carry no sink's annotation, by prefix. */
  private static final List<String> NEVER_CARRY_SINKS = List.of("java.", "javax.annotation.", "jakarta.annotation.",
      "org.springframework.lang.", "org.jspecify.", "org.jetbrains.annotations.", "edu.umd.cs.findbugs.",
      "org.checkerframework.", "com.google.errorprone.annotations.", "androidx.annotation.", "lombok.", "kotlin.");

  private static boolean neverCarriesSinks(TypeElement annotation) {
    String name = annotation.getQualifiedName().toString();
    for (String prefix : NEVER_CARRY_SINKS) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private List<Resolved> candidates(ByMethod entries, Map<Key, List<Resolved>> answers,
      TypeElement receiverType, String methodName) {
    return answers.computeIfAbsent(new Key(receiverType, methodName), key -> {
      List<Resolved> matching = new ArrayList<>();
      TypeMirror erased = types.erasure(receiverType.asType());
      for (Resolved resolved : entries.get(methodName)) {
        if (types.isSubtype(erased, resolved.type())) {
          matching.add(resolved);
        }
      }
      return matching;
    });
  }

  private final Map<Element, String> fieldNames = new HashMap<>();

  private String fieldName(Element field) {
    return fieldNames.computeIfAbsent(field, f -> {
      if (f.getKind() != ElementKind.FIELD || !(f.getEnclosingElement() instanceof TypeElement owner)) {
        return "";
      }
      return owner.getQualifiedName() + "." + f.getSimpleName();
    });
  }
}

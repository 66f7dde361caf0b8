package dev.piiwarden.processor.flow;

import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.processor.model.RuntimeTypeNames;
import dev.piiwarden.processor.model.UnresolvedValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Which members are personal data, with the same ids the declaring class's fragment uses: annotated
 * fields, accessors and parameters, record components (their field and accessor), and plain getters
 * ({@code getX()}, {@code isX()}) and accessors named as their field ({@code x()}, static or not) of
 * annotated fields, and a method that overrides or implements an
 * annotated accessor of a supertype (the supertype's element: {@code person.getEmail()} reads
 * {@code Contact#getEmail()}). Also the elements of a whole object: every annotated member of its
 * class, superclasses and interfaces. And the field a plain getter of other data reads. Members of
 * local and anonymous classes are none of these (PW024). Every answer is cached
 * per element.
 */
public final class PersonalDataIndex {
  private final RuntimeTypeNames names;
  private final Elements elements;
  private final Types types;
  private final Map<Element, Optional<DataRef>> members = new HashMap<>();
  private final Map<TypeElement, List<DataRef>> wholeObjects = new HashMap<>();
  private final Map<ExecutableElement, Optional<VariableElement>> accessedFields = new HashMap<>();
  /** The category of each data element met so far, by id. */
  private final Map<String, String> categories = new HashMap<>();
  /** The fields and accessors met so far that stand for each data element, by id. */
  private final Map<String, List<Element>> membersOf = new HashMap<>();

  public PersonalDataIndex(RuntimeTypeNames names, Elements elements, Types types) {
    this.names = names;
    this.elements = elements;
    this.types = types;
  }

  /** The data element a field, parameter or accessor method stands for, if any. */
  public Optional<DataRef> member(Element element) {
    Optional<DataRef> known = members.get(element);
    if (known == null) {
      known = Optional.ofNullable(resolve(element));
      members.put(element, known);
      known.ifPresent(ref -> {
        categories.putIfAbsent(ref.id(), ref.annotation().category());
        if (element.getKind() != ElementKind.PARAMETER) {
          membersOf.computeIfAbsent(ref.id(), id -> new ArrayList<>(2)).add(element);
        }
      });
    }
    return known;
  }

  /**
   * {@code refs} less the data elements a sink leaves out of an object it writes whole: those with
   * a field or accessor (of the objects' classes, met through {@link #wholeObject}) that {@code
   * skips} names.
   */
  public List<DataRef> written(List<DataRef> refs, SkippedMembers skips) {
    if (skips.isEmpty() || refs.isEmpty()) {
      return refs;
    }
    List<DataRef> written = new ArrayList<>(refs.size());
    for (DataRef ref : refs) {
      if (!skips.skipsAll(membersOf.getOrDefault(ref.id(), List.of()))) {
        written.add(ref);
      }
    }
    return written.size() == refs.size() ? refs : List.copyOf(written);
  }

  /** The category of the data element {@code id}, if the analysis has met it; else null. */
  public String category(String id) {
    return categories.get(id);
  }

  /** The elements an object of {@code type} carries, or an empty list. */
  public List<DataRef> wholeObject(TypeMirror type) {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return List.of();
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    List<DataRef> known = wholeObjects.get(element);
    if (known == null) {
      known = collect(element);
      wholeObjects.put(element, known);
    }
    return known;
  }

  private List<DataRef> collect(TypeElement type) {
    String name = type.getQualifiedName().toString();
    if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")) {
      return List.of();
    }
    Map<String, DataRef> refs = new LinkedHashMap<>();
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.METHOD) {
        member(member).ifPresent(ref -> refs.putIfAbsent(ref.id(), ref));
      }
    }
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() == TypeKind.DECLARED) {
      wholeObject(superclass).forEach(ref -> refs.putIfAbsent(ref.id(), ref));
    }
    // an object known by an interface (User extends Account), or of a class implementing one
    // (Person implements Contact), has the interfaces' accessors
    for (TypeMirror implemented : type.getInterfaces()) {
      wholeObject(implemented).forEach(ref -> refs.putIfAbsent(ref.id(), ref));
    }
    return List.copyOf(refs.values());
  }

  private DataRef resolve(Element element) {
    if (!(element.getEnclosingElement() instanceof TypeElement)
        && element.getKind() != ElementKind.PARAMETER) {
      return null;
    }
    if (inLocalClass(element)) {
      return null; // no data element: PW024 says so on the annotation
    }
    PersonalData own = UnresolvedValues.resolved(element, PersonalData.class);
    switch (element.getKind()) {
      case FIELD:
        return own == null ? null : new DataRef(id((TypeElement) element.getEnclosingElement(), element.getSimpleName()), own);
      case PARAMETER:
        return own == null ? null : parameter((VariableElement) element, own);
      case METHOD:
        return accessor((ExecutableElement) element, own);
      default:
        return null;
    }
  }

  /**
   * Whether {@code element} is a member of a local or anonymous class, or of a class nested in one:
   * such a class has no name an inventory entry could use.
   */
  private static boolean inLocalClass(Element element) {
    for (Element e = element.getEnclosingElement(); e != null && e.getKind() != ElementKind.PACKAGE;
        e = e.getEnclosingElement()) {
      if (e instanceof TypeElement type
          && (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS)) {
        return true;
      }
    }
    return false;
  }

  private DataRef parameter(VariableElement parameter, PersonalData own) {
    if (!(parameter.getEnclosingElement() instanceof ExecutableElement method)
        || !(method.getEnclosingElement() instanceof TypeElement owner)) {
      return null;
    }
    if (component(owner, parameter.getSimpleName().toString()) != null) {
      return new DataRef(id(owner, parameter.getSimpleName()), own); // a record constructor's copy
    }
    return new DataRef(names.binaryName(owner) + "#" + names.signature(method) + ":" + parameter.getSimpleName(), own);
  }

  private DataRef accessor(ExecutableElement method, PersonalData own) {
    if (!method.getParameters().isEmpty() || method.getReturnType().getKind() == TypeKind.VOID) {
      return null;
    }
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String name = method.getSimpleName().toString();
    RecordComponentElement component = component(owner, name);
    if (component != null) {
      PersonalData data = own != null ? own : UnresolvedValues.resolved(component, PersonalData.class);
      if (data == null) {
        VariableElement field = field(owner, name);
        data = field == null ? null : UnresolvedValues.resolved(field, PersonalData.class);
      }
      return data == null ? null : new DataRef(id(owner, name), data);
    }
    if (own != null) {
      return new DataRef(id(owner, name + "()"), own);
    }
    // a plain getter (getEmail(), isVerified()) or an accessor named as its field, record-style or
    // fluent (email(), Lombok's @Accessors(fluent = true)), static or not: the summary writer takes
    // such a method for the field's own accessor, so its callers read the field's element
    String property = property(name);
    VariableElement field = property == null ? null : field(owner, property);
    if (field == null) {
      field = field(owner, name);
      property = name;
    }
    PersonalData data = field == null ? null : UnresolvedValues.resolved(field, PersonalData.class);
    return data != null ? new DataRef(id(owner, property), data) : inherited(method);
  }

  /**
   * The element of the nearest accessor {@code method} overrides or implements: the annotation is
   * on the contract (an interface, an abstract class), an implementation rarely repeats it, and
   * what it returns is that data all the same.
   */
  private DataRef inherited(ExecutableElement method) {
    for (ExecutableElement overridden : OverriddenMethods.overriddenBy(method, elements, types)) {
      Optional<DataRef> ref = member(overridden);
      if (ref.isPresent()) {
        return ref.get();
      }
    }
    return null;
  }

  /**
   * The field that {@code method} reads when it is a plain getter of a member that is not
   * personal data: no parameters, named after a field or record component of its class ({@code
   * getX}, {@code isX}, {@code x()}) that carries no {@code @PersonalData}. Its result carries none
   * of the object's personal data, only what was stored in that field. Null for any other method.
   */
  public VariableElement accessedField(ExecutableElement method) {
    Optional<VariableElement> known = accessedFields.get(method);
    if (known == null) {
      known = Optional.ofNullable(findAccessedField(method));
      accessedFields.put(method, known);
    }
    return known.orElse(null);
  }

  private VariableElement findAccessedField(ExecutableElement method) {
    if (!method.getParameters().isEmpty() || !(method.getEnclosingElement() instanceof TypeElement owner)
        || member(method).isPresent()) {
      return null;
    }
    String name = method.getSimpleName().toString();
    VariableElement field = field(owner, name);
    if (field != null) {
      return field;
    }
    String property = property(name);
    return property == null ? null : field(owner, property);
  }

  /**
   * What a setter of its own class's field writes, {@code setEmail(value)} for {@code email}: the
   * setter's kind, and the data element when the field is personal data.
   */
  public Written written(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    if (method.getParameters().size() != 1 || name.length() <= 3 || !name.startsWith("set")
        || !(method.getEnclosingElement() instanceof TypeElement owner)) {
      return Written.OTHER;
    }
    VariableElement field = field(owner, decapitalize(name.substring(3)));
    if (field == null) {
      return Written.OTHER;
    }
    return new Written(member(field).orElse(null), field);
  }

  /**
   * What a method writes on its object: for a plain setter its field, and the data element when
   * that field is personal data; for any other method nothing known ({@link #OTHER}).
   */
  public record Written(DataRef data, VariableElement field) {
    static final Written OTHER = new Written(null, null);

    /** Whether the method is a plain setter of a field of its class. */
    boolean setter() {
      return field != null;
    }
  }

  /**
   * The property a getter's name names ({@code getEmail}, {@code isActive}: {@code email},
   * {@code active}), or null.
   */
  static String property(String getter) {
    if (getter.length() > 3 && getter.startsWith("get")) {
      return decapitalize(getter.substring(3));
    }
    if (getter.length() > 2 && getter.startsWith("is")) {
      return decapitalize(getter.substring(2));
    }
    return null;
  }

  /** As java.beans.Introspector does it ({@code URL} stays), without needing java.desktop. */
  private static String decapitalize(String name) {
    if (name.length() > 1 && Character.isUpperCase(name.charAt(1)) && Character.isUpperCase(name.charAt(0))) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static RecordComponentElement component(TypeElement owner, String name) {
    if (owner.getKind() != ElementKind.RECORD) {
      return null;
    }
    for (RecordComponentElement component : owner.getRecordComponents()) {
      if (component.getSimpleName().contentEquals(name)) {
        return component;
      }
    }
    return null;
  }

  private static VariableElement field(TypeElement owner, String name) {
    for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(name)) {
        return field;
      }
    }
    return null;
  }

  private String id(TypeElement owner, CharSequence member) {
    return names.binaryName(owner) + "#" + member;
  }
}

package dev.piiwarden.processor.model;

import dev.piiwarden.processor.base.MirrorLookup;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Where an activity's data subject comes from, in the agent's order: a {@code @DataSubject}
 * parameter ({@code PARAMETER n}), then a parameter whose type has a {@code @DataSubject} member
 * ({@code PARAMETER n FIELD email} or {@code PARAMETER n FIELD getId()}), else {@code CONTEXT}
 * (PrivacyContext at run time).
 */
public final class SubjectResolver {
  public static final String CONTEXT = "CONTEXT";

  private final SubjectTypes subjectTypes;

  public SubjectResolver(SubjectTypes subjectTypes) {
    this.subjectTypes = subjectTypes;
  }

  /** The {@code subjectFrom} of a consent-gated activity: from its parameters, else {@code CONTEXT}. */
  public String resolve(ExecutableElement method) {
    return fromParameters(method).orElse(CONTEXT);
  }

  /** {@code PARAMETER n} or {@code PARAMETER n FIELD x}, or empty when no parameter gives the subject. */
  public Optional<String> fromParameters(ExecutableElement method) {
    return fromParameters(method, null);
  }

  /**
   * {@link #fromParameters(ExecutableElement)} of a method that implements {@code implemented}, an
   * abstract method requiring consent (null for none): after its own {@code @DataSubject}
   * parameter, the one {@code implemented} marks, as the agent takes it.
   */
  public Optional<String> fromParameters(ExecutableElement method, ExecutableElement implemented) {
    List<? extends VariableElement> parameters = method.getParameters();
    Optional<String> marked = markedParameter(method);
    if (marked.isEmpty() && implemented != null) {
      marked = markedParameter(implemented);
    }
    if (marked.isPresent()) {
      return marked;
    }
    for (int i = 0; i < parameters.size(); i++) {
      Optional<String> member = subjectMember(parameters.get(i).asType());
      if (member.isPresent()) {
        return Optional.of("PARAMETER " + i + " FIELD " + member.get());
      }
    }
    return Optional.empty();
  }

  private Optional<String> markedParameter(ExecutableElement method) {
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (isDataSubject(parameters.get(i))) {
        return Optional.of("PARAMETER " + i);
      }
    }
    return Optional.empty();
  }

  /**
   * The {@code @DataSubject} member of a type or its superclasses: a field name or {@code getId()}.
   * Its type is taken as a member of {@code type}, so a generic base entity's {@code ID id} is a
   * String id in {@code Customer extends BaseEntity<String>}.
   */
  private Optional<String> subjectMember(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    DeclaredType parameterType = (DeclaredType) type;
    for (TypeMirror t = type; t.getKind() == TypeKind.DECLARED; ) {
      TypeElement element = (TypeElement) ((DeclaredType) t).asElement();
      for (Element member : element.getEnclosedElements()) {
        if (member.getKind() == ElementKind.FIELD && isDataSubjectOf(parameterType, member)) {
          return Optional.of(member.getSimpleName().toString());
        }
        if (member.getKind() == ElementKind.METHOD && isDataSubjectOf(parameterType, member)) {
          // a record component's accessor is named as the component, whichever of its field and
          // accessor the compiler lists first (javac the field, Eclipse's compiler the accessor)
          return Optional.of(member.getSimpleName() + (isComponentAccessor(element, member) ? "" : "()"));
        }
      }
      t = element.getSuperclass();
    }
    return Optional.empty();
  }

  private static boolean isComponentAccessor(TypeElement type, Element method) {
    return type.getKind() == ElementKind.RECORD
        && ((ExecutableElement) method).getParameters().isEmpty()
        && type.getRecordComponents().stream()
            .anyMatch(component -> component.getSimpleName().contentEquals(method.getSimpleName()));
  }

  private boolean isDataSubjectOf(DeclaredType container, Element member) {
    return MirrorLookup.find(member, AnnotationNames.DATA_SUBJECT).isPresent()
        && subjectTypes.isSupportedAsMemberOf(container, member);
  }

  private boolean isDataSubject(Element element) {
    return MirrorLookup.find(element, AnnotationNames.DATA_SUBJECT).isPresent()
        && subjectTypes.isSupported(element);
  }
}

package dev.piiwarden.processor.model;

import dev.piiwarden.annotations.ConsentRequired;
import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.annotations.ProcessingActivity;
import dev.piiwarden.core.inventory.ElementKind;
import dev.piiwarden.processor.base.MirrorLookup;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Walks a top-level class and its nested types and collects their PII Warden declarations. Local
 * and anonymous classes are not members, so they are not walked.
 */
public final class DeclarationScanner {
  private final Elements elements;
  private final List<TypeElement> types = new ArrayList<>();
  private final List<PersonalDataSite> personalData = new ArrayList<>();
  private final List<AnnotatedSite> dataSubjects = new ArrayList<>();
  private final List<AnnotatedSite> consentRequired = new ArrayList<>();
  private final List<AnnotatedSite> processingActivities = new ArrayList<>();
  private final List<ExecutableElement> activityMethods = new ArrayList<>();
  private final List<AnnotatedSite> unresolved = new ArrayList<>();

  private DeclarationScanner(Elements elements) {
    this.elements = elements;
  }

  /** The declarations of {@code topLevel} and its nested types. */
  public static TypeDeclarations scan(TypeElement topLevel, Elements elements) {
    DeclarationScanner scanner = new DeclarationScanner(elements);
    scanner.walk(topLevel);
    return new TypeDeclarations(
        topLevel,
        List.copyOf(scanner.types),
        List.copyOf(scanner.personalData),
        List.copyOf(scanner.dataSubjects),
        List.copyOf(scanner.consentRequired),
        List.copyOf(scanner.processingActivities),
        List.copyOf(scanner.activityMethods),
        List.copyOf(scanner.unresolved));
  }

  private void walk(TypeElement type) {
    types.add(type);
    Optional<AnnotationMirror> typeConsent = annotated(type, ConsentRequired.class, consentRequired);
    Optional<AnnotationMirror> typeActivity = annotated(type, ProcessingActivity.class, processingActivities);
    boolean everyPublicMethod = typeConsent.isPresent() || typeActivity.isPresent();

    // A record component's annotations are copied to its field, accessor and constructor
    // parameter; it is recorded once, as the component.
    Set<String> componentNames = new HashSet<>();
    for (RecordComponentElement component : componentsOf(type)) {
      componentNames.add(component.getSimpleName().toString());
      recordComponent(type, component);
    }

    for (Element member : type.getEnclosedElements()) {
      boolean copiedFromComponent =
          !componentNames.isEmpty() && componentNames.contains(member.getSimpleName().toString());
      switch (member.getKind()) {
        case FIELD:
        case ENUM_CONSTANT:
          if (!(copiedFromComponent && !member.getModifiers().contains(Modifier.STATIC))) {
            personalData(type, member, ElementKind.FIELD, null);
            annotated(member, AnnotationNames.DATA_SUBJECT, dataSubjects);
          }
          break;
        case METHOD:
          ExecutableElement method = (ExecutableElement) member;
          if (!(copiedFromComponent && method.getParameters().isEmpty())) {
            personalData(type, method, ElementKind.METHOD, null);
            annotated(method, AnnotationNames.DATA_SUBJECT, dataSubjects);
          }
          parameters(type, method, Set.of());
          boolean annotatedMethod =
              annotated(method, ConsentRequired.class, consentRequired).isPresent()
                  | annotated(method, ProcessingActivity.class, processingActivities).isPresent();
          // the type's annotation covers what the agent checks under it (TypeConsent), and no
          // method javac adds to the type (origin MANDATED)
          boolean written = elements.getOrigin(method) != Elements.Origin.MANDATED;
          if (annotatedMethod || (everyPublicMethod && written && TypeConsent.covers(method))) {
            activityMethods.add(method);
          }
          break;
        case CONSTRUCTOR:
          ExecutableElement constructor = (ExecutableElement) member;
          parameters(type, constructor, isCanonical(type, constructor) ? componentNames : Set.of());
          break;
        case CLASS:
        case INTERFACE:
        case ENUM:
        case RECORD:
        case ANNOTATION_TYPE:
          walk((TypeElement) member);
          break;
        default:
          break;
      }
    }
  }

  private void recordComponent(TypeElement record, RecordComponentElement component) {
    Element target = ElementFilter.fieldsIn(record.getEnclosedElements()).stream()
        .filter(f -> f.getSimpleName().contentEquals(component.getSimpleName()))
        .findFirst()
        .map(Element.class::cast)
        .orElse(component);
    PersonalData annotation = component.getAnnotation(PersonalData.class);
    if (annotation != null) {
      AnnotationMirror mirror = MirrorLookup.find(target, AnnotationNames.PERSONAL_DATA)
          .or(() -> MirrorLookup.find(component, AnnotationNames.PERSONAL_DATA))
          .orElseThrow();
      if (UnresolvedValues.on(component, PersonalData.class)) {
        unresolved.add(new AnnotatedSite(target, mirror));
      } else {
        personalData.add(
            new PersonalDataSite(record, target, ElementKind.RECORD_COMPONENT, null, mirror, annotation));
      }
    }
    MirrorLookup.find(target, AnnotationNames.DATA_SUBJECT)
        .or(() -> MirrorLookup.find(component, AnnotationNames.DATA_SUBJECT))
        .ifPresent(mirror -> dataSubjects.add(new AnnotatedSite(target, mirror)));
  }

  private void parameters(TypeElement type, ExecutableElement method, Set<String> fromComponents) {
    for (VariableElement parameter : method.getParameters()) {
      if (fromComponents.contains(parameter.getSimpleName().toString())) {
        continue;
      }
      personalData(type, parameter, ElementKind.PARAMETER, method);
      annotated(parameter, AnnotationNames.DATA_SUBJECT, dataSubjects);
    }
  }

  private void personalData(TypeElement owner, Element element, ElementKind kind, ExecutableElement method) {
    PersonalData annotation = element.getAnnotation(PersonalData.class);
    if (annotation != null) {
      AnnotationMirror mirror = MirrorLookup.find(element, AnnotationNames.PERSONAL_DATA).orElseThrow();
      if (UnresolvedValues.on(element, PersonalData.class)) {
        unresolved.add(new AnnotatedSite(element, mirror));
      } else {
        personalData.add(new PersonalDataSite(owner, element, kind, method, mirror, annotation));
      }
    }
  }

  /**
   * {@link #annotated(Element, String, List)} for an annotation with values: one whose values javac
   * could not resolve goes to {@code unresolved} instead, and still makes the element annotated.
   */
  private Optional<AnnotationMirror> annotated(
      Element element, Class<? extends Annotation> type, List<AnnotatedSite> into) {
    boolean resolved = !UnresolvedValues.on(element, type);
    return annotated(element, type.getCanonicalName(), resolved ? into : unresolved);
  }

  private static Optional<AnnotationMirror> annotated(Element element, String name, List<AnnotatedSite> into) {
    Optional<AnnotationMirror> mirror = MirrorLookup.find(element, name);
    mirror.ifPresent(m -> into.add(new AnnotatedSite(element, m)));
    return mirror;
  }

  /**
   * A record's components, none for any other type: Eclipse's compiler gives no list (but a
   * failure) for a type that is no record.
   */
  private static List<? extends RecordComponentElement> componentsOf(TypeElement type) {
    return type.getKind() == javax.lang.model.element.ElementKind.RECORD ? type.getRecordComponents() : List.of();
  }

  private static boolean isCanonical(TypeElement type, ExecutableElement constructor) {
    List<? extends RecordComponentElement> components = componentsOf(type);
    if (components.isEmpty() || components.size() != constructor.getParameters().size()) {
      return false;
    }
    for (int i = 0; i < components.size(); i++) {
      if (!components.get(i).getSimpleName().contentEquals(constructor.getParameters().get(i).getSimpleName())) {
        return false;
      }
    }
    return true;
  }
}

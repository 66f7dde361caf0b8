package dev.piiwarden.processor.validation;

import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import dev.piiwarden.processor.model.AnnotatedSite;
import dev.piiwarden.processor.model.PersonalDataSite;
import dev.piiwarden.processor.model.TypeDeclarations;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * PW026: {@code @PersonalData} or {@code @DataSubject} written on a property of a Kotlin class's
 * primary constructor ({@code class Customer(@PersonalData(…) val email: String)}). Kotlin puts such
 * an annotation on the constructor's parameter alone, so the property's field and getter carry
 * none: no data element, no descriptor, no redaction of the value in objects, no subject for the
 * agent. A Kotlin class is one javac sees with {@code @kotlin.Metadata} (kapt's stubs carry it).
 */
public final class KotlinPropertyCheck implements DeclarationCheck {
  private static final String KOTLIN_METADATA = "kotlin.Metadata";

  @Override
  public void check(TypeDeclarations declarations, DiagnosticReporter reporter) {
    for (PersonalDataSite site : declarations.personalData()) {
      report(site.element(), site.mirror(), "PersonalData", reporter);
    }
    for (AnnotatedSite site : declarations.dataSubjects()) {
      report(site.element(), site.mirror(), "DataSubject", reporter);
    }
  }

  private static void report(Element element, AnnotationMirror mirror, String annotation,
      DiagnosticReporter reporter) {
    if (element.getKind() != ElementKind.PARAMETER
        || element.getEnclosingElement().getKind() != ElementKind.CONSTRUCTOR) {
      return;
    }
    TypeElement type = (TypeElement) element.getEnclosingElement().getEnclosingElement();
    String name = element.getSimpleName().toString();
    if (!isKotlin(type) || !hasUnannotatedField(type, name, mirror)) {
      return;
    }
    reporter.report(Message.PW026, element, mirror, null,
        annotation, name, type.getQualifiedName(), annotation, annotation);
  }

  private static boolean isKotlin(TypeElement type) {
    for (AnnotationMirror present : type.getAnnotationMirrors()) {
      TypeElement annotationType = (TypeElement) present.getAnnotationType().asElement();
      if (annotationType.getQualifiedName().contentEquals(KOTLIN_METADATA)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code type} has a field {@code name}, the property's, without the annotation. */
  private static boolean hasUnannotatedField(TypeElement type, String name, AnnotationMirror mirror) {
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(name)) {
        return field.getAnnotationMirrors().stream()
            .noneMatch(present -> present.getAnnotationType().equals(mirror.getAnnotationType()));
      }
    }
    return false;
  }
}

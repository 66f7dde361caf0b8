package dev.piiwarden.processor.model;

import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.core.inventory.ElementKind;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @PersonalData} declaration, seen once even where javac copies the annotation (a record
 * component's shows up on its field, accessor and constructor parameter too).
 *
 * @param owner the type that declares it
 * @param element the field, method or parameter; for a record component, its field (javac can
 *     point diagnostics at it)
 * @param kind what kind of member it is
 * @param method the method or constructor of a parameter, else null
 * @param mirror the annotation as written, for diagnostics
 * @param annotation its values
 */
public record PersonalDataSite(
    TypeElement owner,
    Element element,
    ElementKind kind,
    ExecutableElement method,
    AnnotationMirror mirror,
    PersonalData annotation) {

  /** The field, component or parameter name, or the method name. */
  public String name() {
    return element.getSimpleName().toString();
  }
}

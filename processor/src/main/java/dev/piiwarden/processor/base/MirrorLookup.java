package dev.piiwarden.processor.base;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Finds an annotation's mirror on an element, and the values written in it, for diagnostics. */
public final class MirrorLookup {
  private MirrorLookup() {}

  /** The mirror of the annotation with this canonical name on {@code element}, if present. */
  public static Optional<AnnotationMirror> find(Element element, String annotationName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotationName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The value written for {@code name}, or null when the default applies. */
  public static AnnotationValue value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * The {@code index}th item written for array attribute {@code name}; the whole value when it was
   * written without braces; null when the default applies.
   */
  public static AnnotationValue item(AnnotationMirror mirror, String name, int index) {
    AnnotationValue value = value(mirror, name);
    if (value != null && value.getValue() instanceof List<?> items && index < items.size()) {
      return (AnnotationValue) items.get(index);
    }
    return value;
  }
}

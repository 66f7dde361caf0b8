package dev.piiwarden.processor.model;

import java.lang.annotation.Annotation;
import java.lang.annotation.AnnotationTypeMismatchException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import javax.lang.model.element.Element;

/**
 * Values of PII Warden's annotations that javac could not resolve: a misspelt or missing constant
 * ({@code @PersonalData(category = Category.USER_EMAIL)}). javac reports such a value itself
 * ("cannot find symbol") and fails the compilation; the annotation's proxy throws {@link
 * AnnotationTypeMismatchException} when the member is read. So the processor reads its annotations
 * through {@link #resolved}, which leaves such an annotation to javac, as if it were absent.
 */
public final class UnresolvedValues {
  private UnresolvedValues() {}

  /**
   * The annotation of {@code type} on {@code element} when it is there and each of its values
   * resolved; null when it is absent or a value did not resolve.
   */
  public static <A extends Annotation> A resolved(Element element, Class<A> type) {
    A annotation = element.getAnnotation(type);
    return annotation == null || memberOf(annotation).isPresent() ? null : annotation;
  }

  /** Whether {@code element} carries an annotation of {@code type} with a value that did not resolve. */
  public static boolean on(Element element, Class<? extends Annotation> type) {
    Annotation annotation = element.getAnnotation(type);
    return annotation != null && memberOf(annotation).isPresent();
  }

  /** The first member of {@code annotation} whose value did not resolve, if any. */
  private static Optional<String> memberOf(Annotation annotation) {
    for (Method member : annotation.annotationType().getDeclaredMethods()) {
      try {
        member.invoke(annotation);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof AnnotationTypeMismatchException) {
          return Optional.of(member.getName());
        }
        throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    return Optional.empty();
  }
}

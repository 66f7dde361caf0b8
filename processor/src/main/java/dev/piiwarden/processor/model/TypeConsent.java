package dev.piiwarden.processor.model;

import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;

/**
 * Which methods a type's {@code @ConsentRequired} (and {@code @ProcessingActivity}) covers, as the
 * agent decides it (its {@code instrument.TypeConsent}): the type's public methods, but for those
 * that collections, logging and the language call on any object, which process no personal data
 * for a purpose: {@code toString()}, {@code equals(Object)}, {@code hashCode()} and an enum's
 * {@code values()} and {@code valueOf(String)}. A method's own annotation still applies to any of
 * them. The activities, their consent, PW014 and PW027–PW029 all ask here, so they agree with what
 * the agent enforces.
 */
public final class TypeConsent {
  private TypeConsent() {}

  /** Whether the annotation on {@code method}'s type applies to it. */
  public static boolean covers(ExecutableElement method) {
    return method.getModifiers().contains(Modifier.PUBLIC) && !exempt(method);
  }

  /**
   * Whether the annotation on {@code method}'s type never applies to it, whatever its visibility:
   * one of {@code Object}'s three methods declared again, or an enum's lookup methods.
   */
  public static boolean exempt(ExecutableElement method) {
    return ObjectMethodOverride.is(method) || isEnumLookup(method);
  }

  /**
   * An enum's {@code values()} or {@code valueOf(String)}: javac adds them (JDK 17 does not always
   * report them as mandated) and source cannot declare them, so the signature is exact.
   */
  static boolean isEnumLookup(ExecutableElement method) {
    if (method.getEnclosingElement().getKind() != ElementKind.ENUM
        || !method.getModifiers().contains(Modifier.STATIC)) {
      return false;
    }
    String name = method.getSimpleName().toString();
    List<? extends VariableElement> parameters = method.getParameters();
    return (name.equals("values") && parameters.isEmpty())
        || (name.equals("valueOf") && parameters.size() == 1
            && parameters.get(0).asType().toString().equals("java.lang.String"));
  }
}

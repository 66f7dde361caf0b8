package dev.piiwarden.processor.validation;

import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import dev.piiwarden.processor.model.ConsentInheritance;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * PW028: a class that implements an interface (or abstract class) whose abstract method requires
 * consent, with that method's implementation inherited from a superclass that does not implement
 * the interface. The agent checks consent on the first implementation in a class that implements
 * the interface, and here there is none, so calls of the method run unchecked. Run on every class
 * compiled, annotated or not: such a class usually carries no annotation of its own.
 */
public final class InheritedImplementationCheck {
  private final ConsentInheritance inheritance;

  public InheritedImplementationCheck(ConsentInheritance inheritance) {
    this.inheritance = inheritance;
  }

  /** Checks a class and its nested types. */
  public void check(TypeElement type, DiagnosticReporter reporter) {
    for (Map.Entry<ExecutableElement, ExecutableElement> aside : inheritance.implementedAside(type).entrySet()) {
      ExecutableElement required = aside.getKey();
      String implementation = name(aside.getValue());
      reporter.report(Message.PW028, type, null, null, type.getQualifiedName(), name(required), implementation,
          ((TypeElement) required.getEnclosingElement()).getQualifiedName(), required.getSimpleName(), implementation);
    }
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      check(nested, reporter);
    }
  }

  private static String name(ExecutableElement method) {
    return ((TypeElement) method.getEnclosingElement()).getQualifiedName() + "#" + method.getSimpleName();
  }
}

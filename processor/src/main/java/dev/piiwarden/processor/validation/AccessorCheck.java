package dev.piiwarden.processor.validation;

import dev.piiwarden.core.inventory.ElementKind;
import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import dev.piiwarden.processor.model.PersonalDataSite;
import dev.piiwarden.processor.model.TypeDeclarations;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;

/** PW004: {@code @PersonalData} on a method only when it is an accessor (no parameters, a value). */
public final class AccessorCheck implements DeclarationCheck {
  @Override
  public void check(TypeDeclarations declarations, DiagnosticReporter reporter) {
    for (PersonalDataSite site : declarations.personalData()) {
      if (site.kind() != ElementKind.METHOD) {
        continue;
      }
      ExecutableElement method = (ExecutableElement) site.element();
      String problem = null;
      if (!method.getParameters().isEmpty()) {
        problem = "it takes parameters";
      } else if (method.getReturnType().getKind() == TypeKind.VOID) {
        problem = "it returns void";
      }
      if (problem != null) {
        // javac writes the method with its parameter types: setEmail(java.lang.String)
        reporter.report(Message.PW004, method, site.mirror(), null, method.toString(), problem);
      }
    }
  }
}

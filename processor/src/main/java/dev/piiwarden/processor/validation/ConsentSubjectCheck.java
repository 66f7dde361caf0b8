package dev.piiwarden.processor.validation;

import dev.piiwarden.annotations.ConsentRequired;
import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import dev.piiwarden.processor.base.MirrorLookup;
import dev.piiwarden.processor.model.AnnotationNames;
import dev.piiwarden.processor.model.SubjectResolver;
import dev.piiwarden.processor.model.TypeConsent;
import dev.piiwarden.processor.model.TypeDeclarations;
import dev.piiwarden.processor.model.UnresolvedValues;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * PW014 (a note): a consent-gated method whose data subject cannot be resolved from its
 * parameters; at run time it comes from PrivacyContext. Not for an annotation without purposes,
 * which PW007 reports.
 */
public final class ConsentSubjectCheck implements DeclarationCheck {
  private final SubjectResolver subjects;

  public ConsentSubjectCheck(SubjectResolver subjects) {
    this.subjects = subjects;
  }

  @Override
  public void check(TypeDeclarations declarations, DiagnosticReporter reporter) {
    for (ExecutableElement method : declarations.activityMethods()) {
      Element carrier = UnresolvedValues.resolved(method, ConsentRequired.class) != null
          ? method
          : !TypeConsent.exempt(method)
              && UnresolvedValues.resolved(method.getEnclosingElement(), ConsentRequired.class) != null
              ? method.getEnclosingElement()
              : null;
      // without purposes (PW007) there is nothing to ask consent for, so no subject to find
      if (carrier == null || UnresolvedValues.resolved(carrier, ConsentRequired.class).value().length == 0
          || !SubjectResolver.CONTEXT.equals(subjects.resolve(method))) {
        continue;
      }
      AnnotationMirror mirror = carrier == method
          ? MirrorLookup.find(method, AnnotationNames.CONSENT_REQUIRED).orElse(null)
          : null;
      reporter.report(Message.PW014, method, mirror, null,
          method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName() + "()");
    }
  }
}

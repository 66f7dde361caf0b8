package dev.piiwarden.processor.validation;

import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import dev.piiwarden.processor.model.AnnotatedSite;
import dev.piiwarden.processor.model.SubjectTypes;
import dev.piiwarden.processor.model.TypeDeclarations;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;

/** PW008: {@code @DataSubject} is on something that can hold a subject id. */
public final class DataSubjectTypeCheck implements DeclarationCheck {
  private final SubjectTypes subjectTypes;

  public DataSubjectTypeCheck(SubjectTypes subjectTypes) {
    this.subjectTypes = subjectTypes;
  }

  @Override
  public void check(TypeDeclarations declarations, DiagnosticReporter reporter) {
    for (AnnotatedSite site : declarations.dataSubjects()) {
      if (!subjectTypes.isSupported(site.element())) {
        String what = site.element().getKind() == ElementKind.METHOD
            ? "method " + site.element().getSimpleName() + "("
                + (((ExecutableElement) site.element()).getParameters().isEmpty() ? "" : "…") + ")"
            : site.element().getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " " + site.element().getSimpleName();
        reporter.report(Message.PW008, site.element(), site.mirror(), null,
            what, SubjectTypes.heldType(site.element()));
      }
    }
  }
}

package dev.piiwarden.processor.validation;

import dev.piiwarden.annotations.ConsentRequired;
import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import dev.piiwarden.processor.base.MirrorLookup;
import dev.piiwarden.processor.model.AnnotatedSite;
import dev.piiwarden.processor.model.TypeDeclarations;

/** PW007: {@code @ConsentRequired} names at least one purpose. */
public final class ConsentPurposesCheck implements DeclarationCheck {
  @Override
  public void check(TypeDeclarations declarations, DiagnosticReporter reporter) {
    for (AnnotatedSite site : declarations.consentRequired()) {
      if (site.element().getAnnotation(ConsentRequired.class).value().length == 0) {
        reporter.report(Message.PW007, site.element(), site.mirror(), MirrorLookup.value(site.mirror(), "value"));
      }
    }
  }
}

package dev.piiwarden.processor.validation;

import dev.piiwarden.annotations.ConsentRequired;
import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.annotations.ProcessingActivity;
import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyKind;
import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import dev.piiwarden.processor.base.MirrorLookup;
import dev.piiwarden.processor.model.AnnotatedSite;
import dev.piiwarden.processor.model.PersonalDataSite;
import dev.piiwarden.processor.model.TypeDeclarations;

/**
 * PW001, PW002, PW003: every category, purpose and subject key is known to the taxonomy; a typo
 * gets the closest known key suggested.
 */
public final class TaxonomyKeyCheck implements DeclarationCheck {
  private final Taxonomy taxonomy;

  public TaxonomyKeyCheck(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  @Override
  public void check(TypeDeclarations declarations, DiagnosticReporter reporter) {
    for (PersonalDataSite site : declarations.personalData()) {
      PersonalData data = site.annotation();
      if (!taxonomy.contains(TaxonomyKind.CATEGORY, data.category())) {
        reporter.report(Message.PW001, site.element(), site.mirror(),
            MirrorLookup.value(site.mirror(), "category"),
            data.category(), suggestion(TaxonomyKind.CATEGORY, data.category()));
      }
      purposes(site.element(), site.mirror(), "purposes", data.purposes(), "PersonalData", reporter);
      if (!taxonomy.contains(TaxonomyKind.SUBJECT, data.subject())) {
        reporter.report(Message.PW003, site.element(), site.mirror(),
            MirrorLookup.value(site.mirror(), "subject"),
            data.subject(), suggestion(TaxonomyKind.SUBJECT, data.subject()));
      }
    }
    for (AnnotatedSite site : declarations.consentRequired()) {
      ConsentRequired consent = site.element().getAnnotation(ConsentRequired.class);
      purposes(site.element(), site.mirror(), "value", consent.value(), "ConsentRequired", reporter);
    }
    for (AnnotatedSite site : declarations.processingActivities()) {
      ProcessingActivity activity = site.element().getAnnotation(ProcessingActivity.class);
      purposes(site.element(), site.mirror(), "purposes", activity.purposes(), "ProcessingActivity", reporter);
    }
  }

  private void purposes(
      javax.lang.model.element.Element element,
      javax.lang.model.element.AnnotationMirror mirror,
      String attribute,
      String[] purposes,
      String annotation,
      DiagnosticReporter reporter) {
    for (int i = 0; i < purposes.length; i++) {
      if (!taxonomy.contains(TaxonomyKind.PURPOSE, purposes[i])) {
        reporter.report(Message.PW002, element, mirror, MirrorLookup.item(mirror, attribute, i),
            purposes[i], annotation, suggestion(TaxonomyKind.PURPOSE, purposes[i]));
      }
    }
  }

  private String suggestion(TaxonomyKind kind, String typed) {
    return Message.didYouMean(taxonomy.suggest(kind, typed));
  }
}

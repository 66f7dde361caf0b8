package dev.piiwarden.processor.validation;

import dev.piiwarden.annotations.ConsentRequired;
import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.annotations.ProcessingActivity;
import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyKind;
import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import dev.piiwarden.processor.base.MirrorLookup;
import dev.piiwarden.core.text.QuotedValue;
import dev.piiwarden.processor.model.AnnotatedSite;
import dev.piiwarden.processor.model.PersonalDataSite;
import dev.piiwarden.processor.model.TypeDeclarations;
import java.util.Map;

/**
 * PW001, PW002, PW003: every category, purpose and subject key is known to the taxonomy; a typo
 * gets the closest known key suggested. A value shaped like personal data is quoted masked.
 */
public final class TaxonomyKeyCheck implements DeclarationCheck {
  private static final Map<TaxonomyKind, String> NOUNS = Map.of(
      TaxonomyKind.CATEGORY, "data category", TaxonomyKind.PURPOSE, "purpose", TaxonomyKind.SUBJECT, "data subject");
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
            shown(data.category()), suggestion(TaxonomyKind.CATEGORY, data.category()));
      }
      purposes(site.element(), site.mirror(), "purposes", data.purposes(), "PersonalData", reporter);
      if (!taxonomy.contains(TaxonomyKind.SUBJECT, data.subject())) {
        reporter.report(Message.PW003, site.element(), site.mirror(),
            MirrorLookup.value(site.mirror(), "subject"),
            shown(data.subject()), suggestion(TaxonomyKind.SUBJECT, data.subject()));
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
            shown(purposes[i]), annotation, suggestion(TaxonomyKind.PURPOSE, purposes[i]));
      }
    }
  }

  private static String shown(String typed) {
    return QuotedValue.of(typed).shown();
  }

  /**
   * The closest known key; for a value shaped like personal data (a constant holding an address
   * where a key belongs), no key, which would be meaningless, but what the value looks like.
   */
  private String suggestion(TaxonomyKind kind, String typed) {
    QuotedValue quoted = QuotedValue.of(typed);
    if (quoted.masked()) {
      return " The value looks like " + quoted.looksLike() + ", not a " + NOUNS.get(kind)
          + " key: name the kind of data with a key, never the data itself.";
    }
    return Message.didYouMean(taxonomy.suggest(kind, typed));
  }
}

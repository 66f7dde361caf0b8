package dev.piiwarden.processor.validation;

import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import dev.piiwarden.processor.base.MirrorLookup;
import dev.piiwarden.processor.model.PersonalDataSite;
import dev.piiwarden.processor.model.TypeDeclarations;

/** PW006: special category data (GDPR Art. 9/10) declares its lawful basis explicitly. */
public final class SpecialCategoryBasisCheck implements DeclarationCheck {
  private final Taxonomy taxonomy;

  public SpecialCategoryBasisCheck(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  @Override
  public void check(TypeDeclarations declarations, DiagnosticReporter reporter) {
    for (PersonalDataSite site : declarations.personalData()) {
      String category = site.annotation().category();
      if (site.annotation().basis() == LawfulBasis.UNSPECIFIED && taxonomy.isSpecial(category)) {
        reporter.report(Message.PW006, site.element(), site.mirror(),
            MirrorLookup.value(site.mirror(), "category"), category);
      }
    }
  }
}

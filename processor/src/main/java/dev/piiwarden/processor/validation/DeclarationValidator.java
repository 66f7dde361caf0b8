package dev.piiwarden.processor.validation;

import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.model.SubjectResolver;
import dev.piiwarden.processor.model.SubjectTypes;
import dev.piiwarden.processor.model.TypeDeclarations;
import java.util.List;

/** Runs every declaration check on a top-level class; a failing check does not stop the others. */
public final class DeclarationValidator {
  private final List<DeclarationCheck> checks;

  public DeclarationValidator(Taxonomy taxonomy, SubjectTypes subjectTypes, SubjectResolver subjects) {
    this.checks = List.of(
        new TaxonomyKeyCheck(taxonomy),
        new AccessorCheck(),
        new RetentionCheck(),
        new SpecialCategoryBasisCheck(taxonomy),
        new ConsentPurposesCheck(),
        new DataSubjectTypeCheck(subjectTypes),
        new ConsentSubjectCheck(subjects),
        new KotlinPropertyCheck(),
        new ProxyImplementedCheck());
  }

  /** Checks one top-level class. */
  public void validate(TypeDeclarations declarations, DiagnosticReporter reporter) {
    for (DeclarationCheck check : checks) {
      check.check(declarations, reporter);
    }
  }
}

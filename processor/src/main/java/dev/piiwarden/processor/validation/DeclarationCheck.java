package dev.piiwarden.processor.validation;

import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.model.TypeDeclarations;

/** One check of what a top-level class declares; it reports what it finds and goes on. */
public interface DeclarationCheck {
  /** Checks the declarations of one top-level class and its nested types. */
  void check(TypeDeclarations declarations, DiagnosticReporter reporter);
}

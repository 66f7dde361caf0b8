package dev.piiwarden.processor.validation;

import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import dev.piiwarden.processor.base.MirrorLookup;
import dev.piiwarden.core.inventory.RetentionPeriod;
import dev.piiwarden.core.text.QuotedValue;
import dev.piiwarden.processor.model.PersonalDataSite;
import dev.piiwarden.processor.model.TypeDeclarations;

/**
 * PW005: a retention is a positive ISO-8601 period ({@code P2Y}) or duration ({@code PT12H}), as
 * core's {@link RetentionPeriod} says, which also checks an inventory read back.
 */
public final class RetentionCheck implements DeclarationCheck {
  @Override
  public void check(TypeDeclarations declarations, DiagnosticReporter reporter) {
    for (PersonalDataSite site : declarations.personalData()) {
      String retention = site.annotation().retention();
      String problem = retention.isEmpty() ? null : RetentionPeriod.problem(retention);
      if (problem != null) {
        reporter.report(Message.PW005, site.element(), site.mirror(),
            MirrorLookup.value(site.mirror(), "retention"), QuotedValue.shown(retention), problem);
      }
    }
  }
}

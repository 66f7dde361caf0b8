package dev.piiwarden.processor.validation;

import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import dev.piiwarden.processor.base.MirrorLookup;
import dev.piiwarden.processor.model.PersonalDataSite;
import dev.piiwarden.processor.model.TypeDeclarations;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;

/** PW005: a retention is an ISO-8601 period ({@code P2Y}) or duration ({@code PT12H}). */
public final class RetentionCheck implements DeclarationCheck {
  @Override
  public void check(TypeDeclarations declarations, DiagnosticReporter reporter) {
    for (PersonalDataSite site : declarations.personalData()) {
      String retention = site.annotation().retention();
      if (!retention.isEmpty() && !isIso8601(retention)) {
        reporter.report(Message.PW005, site.element(), site.mirror(),
            MirrorLookup.value(site.mirror(), "retention"), retention);
      }
    }
  }

  /** Whether {@code text} parses as a {@link Period} or a {@link Duration}. */
  static boolean isIso8601(String text) {
    try {
      Period.parse(text);
      return true;
    } catch (DateTimeParseException notAPeriod) {
      try {
        Duration.parse(text);
        return true;
      } catch (DateTimeParseException notADuration) {
        return false;
      }
    }
  }
}

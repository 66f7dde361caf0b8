package dev.piiwarden.processor.validation;

import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import dev.piiwarden.processor.base.MirrorLookup;
import dev.piiwarden.core.text.QuotedValue;
import dev.piiwarden.processor.model.PersonalDataSite;
import dev.piiwarden.processor.model.TypeDeclarations;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * PW005: a retention is a positive ISO-8601 period ({@code P2Y}) or duration ({@code PT12H}); a
 * value with both parts ({@code P1Y2M10DT2H}), which ISO-8601 allows but neither type holds, is
 * named as such.
 */
public final class RetentionCheck implements DeclarationCheck {
  @Override
  public void check(TypeDeclarations declarations, DiagnosticReporter reporter) {
    for (PersonalDataSite site : declarations.personalData()) {
      String retention = site.annotation().retention();
      String problem = retention.isEmpty() ? null : problem(retention);
      if (problem != null) {
        reporter.report(Message.PW005, site.element(), site.mirror(),
            MirrorLookup.value(site.mirror(), "retention"), QuotedValue.shown(retention), problem);
      }
    }
  }

  /** What is wrong with {@code text} as a retention, or null when it is a positive period or duration. */
  static String problem(String text) {
    try {
      Period period = Period.parse(text);
      return period.isNegative() || period.isZero() ? "not longer than nothing" : null;
    } catch (DateTimeParseException notAPeriod) {
      try {
        Duration duration = Duration.parse(text);
        return duration.isNegative() || duration.isZero() ? "not longer than nothing" : null;
      } catch (DateTimeParseException notADuration) {
        int time = text.toUpperCase(java.util.Locale.ROOT).indexOf('T');
        if (time > 1 && isIso8601(text.substring(0, time)) && isIso8601("P" + text.substring(time))) {
          return "a period and a duration in one, which ISO-8601 allows but a retention does not: give"
              + " one of them";
        }
        return "not an ISO-8601 period or duration";
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

package dev.piiwarden.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.piiwarden.core.report.diff.Change;
import dev.piiwarden.core.report.diff.ChangeKind;
import dev.piiwarden.maven.check.CheckSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The baseline's changes in the build log, as {@code piiwarden diff} shows them. */
class CheckSummaryTest {
  @Test
  void anIdOrPurposeShapedLikePersonalDataIsShownMasked() {
    assertEquals("+ element [REDACTED:email]#email",
        CheckSummary.line(new Change(ChangeKind.ELEMENT, Change.Type.ADDED,
            "com.acme.kim@example.com#email", List.of())));
    assertEquals("~ purpose com.acme.Users#find: [REDACTED:email]",
        CheckSummary.line(new Change(ChangeKind.PURPOSE, Change.Type.CHANGED,
            "com.acme.Users#find", List.of("kim@example.com"))));
  }
}

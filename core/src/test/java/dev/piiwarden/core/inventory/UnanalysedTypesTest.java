package dev.piiwarden.core.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one sentence about classes compiled without the method-body analysis. */
class UnanalysedTypesTest {
  private static final String MISSING = "), so what their methods read and where they send it (reads, sinks, flows,"
      + " recipients) is missing from this inventory; compile them with javac, with piiwarden.flow on and without"
      + " -proc:only (Kotlin classes cannot be: kapt hands processors stubs without bodies)";

  @Test
  void namesTheFirstThreeClasses() {
    assertEquals("4 classes were compiled without piiwarden-processor's method-body analysis (com.acme.A, com.acme.B,"
        + " com.acme.C and 1 more" + MISSING,
        UnanalysedTypes.sentence(List.of("com.acme.A", "com.acme.B", "com.acme.C", "com.acme.D")));
    assertNull(UnanalysedTypes.sentence(List.of()));
  }

  /** A hand-edited inventory's name shaped like personal data is masked, as ids are in the other warnings. */
  @Test
  void aNameShapedLikePersonalDataIsShownMasked() {
    assertEquals("2 classes were compiled without piiwarden-processor's method-body analysis (com.acme.User,"
        + " [REDACTED:email]" + MISSING,
        UnanalysedTypes.sentence(List.of("com.acme.User", "kim@example.com")));
  }
}

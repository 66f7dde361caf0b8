package dev.piiwarden.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.api.ConsentDeniedException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The denial's message says why, and for a call without a subject what to do about it. */
class ConsentDeniedExceptionTest {
  private static final String SEND = "com.acme.Newsletter#send(java.lang.String)";

  @Test
  void aDenialWithoutASubjectSaysWhereTheSubjectIsLookedFor() {
    String message =
        new ConsentDeniedException(List.of("marketing.communications.email"), Reason.NO_SUBJECT, null, SEND)
            .getMessage();
    assertTrue(message.startsWith("Consent required for [marketing.communications.email] was denied (NO_SUBJECT) in "
        + SEND + ": "), message);
    assertTrue(message.contains("@DataSubject"), message);
    assertTrue(message.contains("PrivacyContext.as(subjectId)"), message);
    assertTrue(message.contains("PrivacyContext.wrap("), message);
  }

  @Test
  void aDenialOfAKnownSubjectNamesOnlyItsPseudonym() {
    ConsentDeniedException denied =
        new ConsentDeniedException(List.of("marketing.communications.email"), Reason.WITHDRAWN, "hmac:3fa9", SEND);
    assertEquals("Consent required for [marketing.communications.email] was denied (WITHDRAWN) for subject"
        + " hmac:3fa9 in " + SEND, denied.getMessage());
    assertFalse(denied.getMessage().contains("@DataSubject"));
  }
}

package dev.piiwarden.cli.audit;

import dev.piiwarden.core.redaction.PiiType;
import dev.piiwarden.core.redaction.RedactionSettings;
import dev.piiwarden.core.redaction.Redactor;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Whether a {@code --subject} is shaped like contact details, as core's e-mail and phone detectors
 * tell: officers often hold a subject's e-mail address, while the trail pseudonymises the
 * application's own subject id. The value itself is never part of what this returns.
 */
final class ContactShape {
  private static final Redactor CONTACTS = Redactor.create(
      RedactionSettings.builder().detectors(EnumSet.of(PiiType.EMAIL, PiiType.PHONE)).build());

  private ContactShape() {}

  /** {@code an e-mail address} or {@code a phone number} when {@code subject} holds one, else empty. */
  static Optional<String> of(String subject) {
    String redacted = CONTACTS.redactIfFound(subject);
    if (redacted == null || redacted.equals(Redactor.FAILED)) {
      return Optional.empty();
    }
    return Optional.of(redacted.contains(Redactor.mask(PiiType.EMAIL.key())) ? "an e-mail address"
        : "a phone number");
  }
}

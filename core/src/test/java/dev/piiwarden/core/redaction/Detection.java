package dev.piiwarden.core.redaction;

import java.util.EnumSet;

/** Redactors with one detector, for the detector tables. */
final class Detection {
  private Detection() {}

  static Redactor only(PiiType type) {
    return Redactor.create(RedactionSettings.builder().detectors(EnumSet.of(type)).build());
  }
}

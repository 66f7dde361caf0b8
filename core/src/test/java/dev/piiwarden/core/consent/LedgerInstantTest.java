package dev.piiwarden.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ledger's fast time reader gives what Instant.parse gives, and refuses what it refuses. */
class LedgerInstantTest {
  @ParameterizedTest
  @ValueSource(strings = {"2026-01-01T10:00:00Z", "2026-01-01T10:00:00.123Z",
      "2026-11-23T04:55:09.377123456Z", "1999-12-31T23:59:59.9Z", "2026-02-28T00:00:00.000001Z",
      "2026-01-01T24:00:00Z", "2026-01-01T10:00:00.Z"}) // the last two: the general parser's
  void readsWhatInstantParseReads(String text) {
    assertEquals(Instant.parse(text), LedgerInstant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-01Tx0:00:00Z", "2026-01-01T10:-1:00Z", "2026-01-01T10:00:a0Z",
      "2026-13-01T10:00:00Z", "2026-01-01T10:00:00.12x4Z"})
  void refusesWhatInstantParseRefuses(String text) {
    assertThrows(DateTimeParseException.class, () -> LedgerInstant.parse(text));
  }
}

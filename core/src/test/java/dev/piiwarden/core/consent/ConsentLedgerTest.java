package dev.piiwarden.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.api.ConsentDeniedException.Reason;
import dev.piiwarden.api.ConsentRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentLedgerTest {
  private static final String EMAIL = "marketing.communications.email";

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final ConsentLedger ledger =
      new ConsentLedger(
          new MemoryConsentStore(), PurposeLineage.dotted(), Duration.ofMinutes(5), clock);

  @Test
  void nothingRecordedIsNotGranted() {
    assertEquals(Reason.NOT_GRANTED, ledger.decide("u-1", EMAIL).reason());
  }

  @Test
  void grantOnParentCoversChildren() {
    ledger.grant("u-1", "marketing", "signup");
    assertTrue(ledger.isGranted("u-1", EMAIL));
    assertFalse(ledger.isGranted("u-1", "analytics"));
  }

  @Test
  void withdrawalOfParentWithdrawsChildrenAtOnceDespiteTheCache() {
    ledger.grant("u-1", EMAIL, "signup");
    assertTrue(ledger.isGranted("u-1", EMAIL));
    ledger.withdraw("u-1", "marketing", "settings");
    assertEquals(Reason.WITHDRAWN, ledger.decide("u-1", EMAIL).reason());
  }

  @Test
  void laterGrantOfChildWinsOverEarlierWithdrawalOfParent() {
    ledger.withdraw("u-1", "marketing", "settings");
    ledger.grant("u-1", EMAIL, "settings");
    assertTrue(ledger.isGranted("u-1", EMAIL));
    assertFalse(ledger.isGranted("u-1", "marketing.advertising"));
  }

  @Test
  void expiredGrantDeniesWithReasonExpiredEvenWhenCached() {
    ledger.grant("u-1", EMAIL, "signup", clock.instant().plusSeconds(60));
    assertTrue(ledger.isGranted("u-1", EMAIL));
    clock.advance(Duration.ofSeconds(61));
    assertEquals(Reason.EXPIRED, ledger.decide("u-1", EMAIL).reason());
  }

  /** A TTL beyond a long's nanoseconds (about 292 years) caches for ever instead of overflowing. */
  @Test
  void aTtlTooLongForNanosecondsDecidesAndWithdrawalStillTakesEffect() {
    ConsentLedger forever =
        new ConsentLedger(new MemoryConsentStore(), PurposeLineage.dotted(), Duration.ofDays(107_000), clock);
    forever.grant("u-1", EMAIL, "signup");
    assertTrue(forever.isGranted("u-1", EMAIL));
    forever.withdraw("u-1", EMAIL, "settings");
    assertEquals(Reason.WITHDRAWN, forever.decide("u-1", EMAIL).reason());
  }

  @Test
  void allPurposesMustBeGranted() {
    ledger.grant("u-1", EMAIL, "signup");
    ConsentDecision decision = ledger.decideAll("u-1", List.of(EMAIL, "analytics.reporting"));
    assertFalse(decision.granted());
    assertEquals("analytics.reporting", decision.purpose());
  }

  @Test
  void historyIsEveryRecordOldestFirst() {
    ledger.grant("u-1", "marketing", "signup");
    ledger.withdraw("u-1", "marketing", "settings");
    ledger.grant("u-2", "marketing", "signup");
    List<ConsentRecord> history = ledger.history("u-1");
    assertEquals(2, history.size());
    assertEquals(ConsentRecord.State.GRANTED, history.get(0).state());
    assertEquals(ConsentRecord.State.WITHDRAWN, history.get(1).state());
    assertEquals("settings", history.get(1).source());
  }

  @Test
  void storeUriPicksTheStore() {
    assertEquals("memory:", ConsentStoreUri.open("memory:", w -> {}).describe());
    assertTrue(ConsentStoreUri.problem("redis://x").isPresent());
    assertTrue(ConsentStoreUri.problem("file:").isPresent());
    assertTrue(ConsentStoreUri.problem("jdbc:postgresql://db/app").isEmpty());
  }

  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}

package dev.piiwarden.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.api.ConsentDeniedException;
import dev.piiwarden.core.consent.ConsentLedger;
import dev.piiwarden.core.consent.ConsentStoreException;
import dev.piiwarden.core.consent.MemoryConsentStore;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ledger that cannot be built because a class does not link (a module the runtime image left
 * out) is a store that cannot answer: the gate follows {@code on-store-error}, deny by default,
 * instead of allowing the call as for an internal error.
 */
class LinkedLedgerTest {
  private static final String STORE = "jdbc:postgresql://db/app?user=app&password=s3cret";

  private final LinkedLedger unlinkable = new LinkedLedger(() -> {
    throw new NoClassDefFoundError("java/sql/SQLException");
  }, STORE);

  @Test
  void aLinkageErrorWhileBuildingIsAStoreFailureNamingTheStoreWithoutCredentials() {
    ConsentStoreException failure = assertThrows(ConsentStoreException.class, unlinkable::get);

    assertTrue(failure.getMessage().startsWith("cannot open consent store jdbc:postgresql://db/app"
        + " (java.lang.NoClassDefFoundError at "), failure.getMessage());
    assertFalse(failure.getMessage().contains("s3cret") || failure.getMessage().contains("java/sql"),
        failure.getMessage());
    assertInstanceOf(NoClassDefFoundError.class, failure.getCause());
  }

  @Test
  void theGateDeniesSuchACallAsStoreUnavailableByDefault() {
    Object decision = gate(false).check(0, LinkedLedgerTest.class, new Object[] {"u-1"});

    ConsentDeniedException denied = assertInstanceOf(ConsentDeniedException.class, decision);
    assertEquals(ConsentDeniedException.Reason.STORE_UNAVAILABLE, denied.reason());
  }

  @Test
  void theGateAllowsSuchACallOnlyWhenOnStoreErrorSaysAllow() {
    assertNull(gate(true).check(0, LinkedLedgerTest.class, new Object[] {"u-1"}));
  }

  @Test
  void aLedgerThatBuildsIsPassedOn() {
    ConsentLedger ledger = new ConsentLedger(new MemoryConsentStore(), Duration.ZERO);
    assertSame(ledger, new LinkedLedger(() -> ledger, "memory:").get());
  }

  private ConsentGate gate(boolean allowOnStoreError) {
    NumberedRules<ConsentRule> rules = new NumberedRules<>();
    rules.register(new ConsentRule("com.acme.Newsletter#send(java.lang.String)",
        List.of("marketing.communications.email"), false, 0, null));
    return new ConsentGate(rules, unlinkable, SubjectPseudonym.withKeyFrom(""),
        new UnknownPurposes(Taxonomy::builtIn), false, allowOnStoreError);
  }
}

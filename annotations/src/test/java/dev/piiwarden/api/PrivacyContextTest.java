package dev.piiwarden.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PrivacyContextTest {

  @Test
  void aScopeSetsSubjectAndActorUntilClosed() {
    assertEquals(Optional.empty(), PrivacyContext.currentSubject());
    try (var scope = PrivacyContext.as("u-42").actor("support-agent-7")) {
      assertEquals(Optional.of("u-42"), PrivacyContext.currentSubject());
      assertEquals(Optional.of("support-agent-7"), PrivacyContext.currentActor());
    }
    assertEquals(Optional.empty(), PrivacyContext.currentSubject());
    assertEquals(Optional.empty(), PrivacyContext.currentActor());
  }

  @Test
  void closingAnInnerScopeRestoresTheOuterOneAndActorsAreInherited() {
    try (var outer = PrivacyContext.as("u-1").actor("svc-crm")) {
      try (var inner = PrivacyContext.as("u-2")) {
        assertEquals(Optional.of("u-2"), PrivacyContext.currentSubject());
        assertEquals(Optional.of("svc-crm"), PrivacyContext.currentActor());
        inner.actor("dpo");
        assertEquals(Optional.of("dpo"), PrivacyContext.currentActor());
      }
      assertEquals(Optional.of("u-1"), PrivacyContext.currentSubject());
      assertEquals(Optional.of("svc-crm"), PrivacyContext.currentActor());
    }
  }

  @Test
  void closingTwiceDoesNotDisturbTheOuterScope() {
    try (var outer = PrivacyContext.as("u-1")) {
      var inner = PrivacyContext.as("u-2");
      inner.close();
      inner.close();
      assertEquals(Optional.of("u-1"), PrivacyContext.currentSubject());
    }
  }

  @Test
  void theContextBelongsToOneThread() throws Exception {
    try (var scope = PrivacyContext.as("u-42")) {
      AtomicReference<Optional<String>> seen = new AtomicReference<>();
      Thread other = new Thread(() -> seen.set(PrivacyContext.currentSubject()));
      other.start();
      other.join();
      assertEquals(Optional.empty(), seen.get());
      assertEquals(Optional.of("u-42"), PrivacyContext.currentSubject());
    }
  }

  @Test
  void runAsAndCallAsRestoreTheContextEvenWhenTheActionFails() throws Exception {
    assertEquals("u-9", PrivacyContext.callAs("u-9", () -> PrivacyContext.currentSubject().orElseThrow()));
    assertThrows(IllegalStateException.class, () -> PrivacyContext.runAs("u-9", () -> {
      throw new IllegalStateException("boom");
    }));
    assertEquals(Optional.empty(), PrivacyContext.currentSubject());
  }

  @Test
  void aRefusedActorLeavesNoSubjectOnTheThread() {
    assertThrows(NullPointerException.class, () -> {
      try (var scope = PrivacyContext.as("request-1-user").actor(null)) {
        throw new AssertionError("not reached");
      }
    });
    assertEquals(Optional.empty(), PrivacyContext.currentSubject());
    try (var outer = PrivacyContext.as("u-1")) {
      assertThrows(NullPointerException.class, () -> PrivacyContext.as("u-2").actor(null));
      assertEquals(Optional.of("u-1"), PrivacyContext.currentSubject());
    }
  }

  @Test
  void scopesClosedOutOfOrderLeaveNoClosedScopeCurrent() {
    var outer = PrivacyContext.as("outer");
    var inner = PrivacyContext.as("inner");
    outer.close();
    assertEquals(Optional.of("inner"), PrivacyContext.currentSubject(), "the inner scope is still open");
    inner.close();
    assertEquals(Optional.empty(), PrivacyContext.currentSubject());

    try (var base = PrivacyContext.as("base")) {
      var middle = PrivacyContext.as("middle");
      var top = PrivacyContext.as("top");
      middle.close();
      top.close();
      assertEquals(Optional.of("base"), PrivacyContext.currentSubject());
    }
    assertEquals(Optional.empty(), PrivacyContext.currentSubject());
  }

  @Test
  void aNullSubjectIsRefused() {
    assertThrows(NullPointerException.class, () -> PrivacyContext.as(null));
  }
}

package dev.piiwarden.agent.consent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which methods are suspend functions, by their activity id, and which entries of one are its
 * resumptions: its own continuation (a class declared inside it) with the sign bit of {@code label}
 * set. Kotlin's compiled shape is run for real in {@code KotlinCoroutinesIT}; here a local class
 * stands in for the continuation, since it has the same enclosing method.
 */
class SuspendResumptionTest {
  @Test
  void suspendFunctionsAreThoseWhoseLastParameterIsAContinuation() {
    assertNotNull(SuspendResumption.of("com.acme.A#send(com.acme.C,kotlin.coroutines.Continuation)"));
    assertNotNull(SuspendResumption.of("com.acme.A#send(kotlin.coroutines.Continuation)"));
    assertNull(SuspendResumption.of("com.acme.A#send(com.acme.C)"));
    assertNull(SuspendResumption.of("com.acme.A#send(com.acme.my.kotlin.coroutines.Continuation)"));
    assertNull(SuspendResumption.of("com.acme.A#send()"));
  }

  /** Stands in for a suspend function: the continuation class is declared inside it. */
  static Object send(Object customer, Object continuation) {
    class Own {
      int label;
    }
    return continuation == null ? new Own() : continuation;
  }

  @Test
  void aResumptionIsTheFunctionsOwnContinuationWithTheResumeBitSet() throws Exception {
    SuspendResumption resumption =
        SuspendResumption.of(SuspendResumptionTest.class.getName() + "#send(java.lang.Object,kotlin.coroutines.Continuation)");
    Object own = send(null, null);
    java.lang.reflect.Field label = own.getClass().getDeclaredField("label");

    assertFalse(resumption.resumes(SuspendResumptionTest.class, new Object[] {"c", own}), "bit clear: a call");
    label.setInt(own, 2 | Integer.MIN_VALUE);
    assertTrue(resumption.resumes(SuspendResumptionTest.class, new Object[] {null, own}));
    assertFalse(resumption.resumes(SuspendResumptionTest.class, new Object[] {"c", new Object()}),
        "the caller's continuation: a call");
    assertFalse(resumption.resumes(SuspendResumptionTest.class, new Object[] {"c", null}));
    assertFalse(resumption.resumes(String.class, new Object[] {null, own}), "another class's method");
    assertFalse(SuspendResumption.of(SuspendResumptionTest.class.getName()
            + "#other(java.lang.Object,kotlin.coroutines.Continuation)")
        .resumes(SuspendResumptionTest.class, new Object[] {null, own}), "another method's continuation");
  }
}

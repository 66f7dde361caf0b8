package dev.piiwarden.agent.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;

/** Reads through call sites bound to one class give every class its own members' values. */
class BoundReadsTest {
  static final class First {
    public Object name() {
      return "first";
    }
  }

  static final class Second {
    public Object name() {
      return "second";
    }
  }

  private static MethodHandle nameOf(Class<?> type) {
    try {
      return MethodHandles.lookup().findVirtual(type, "name", MethodType.methodType(Object.class))
          .asType(BoundReads.READ);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void boundClassAndOtherClassesReadTheirOwnMembers() throws Throwable {
    BoundReads reads = new BoundReads(1, type -> new MethodHandle[] {nameOf(type)});
    MethodHandle name = reads.invoker(0);
    assertEquals("second", (Object) name.invokeExact((Object) new Second())); // not bound yet
    reads.bind(First.class, new MethodHandle[] {nameOf(First.class)});
    reads.bind(Second.class, new MethodHandle[] {nameOf(Second.class)}); // bound once: ignored
    for (int i = 0; i < 20_000; i++) { // long enough for the JIT to compile the loop with the guard
      assertEquals("first", (Object) name.invokeExact((Object) new First()));
      assertEquals("second", (Object) name.invokeExact((Object) new Second()));
    }
  }
}

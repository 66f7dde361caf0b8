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

  /** A read of another shape, {@code (Object, StringBuilder)void}, bound to an interface. */
  @Test
  void readsOfAnyShapeBoundToAnInterface() throws Throwable {
    MethodType appendTo = MethodType.methodType(void.class, Object.class, StringBuilder.class);
    BoundReads reads = new BoundReads(new MethodType[] {appendTo}, type -> new MethodHandle[] {append(type)});
    MethodHandle invoker = reads.invoker(0);
    reads.bind(new Class<?>[] {CharSequence.class}, new MethodHandle[] {append(CharSequence.class)});
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      out.setLength(0);
      invoker.invokeExact((Object) "text", out);
      invoker.invokeExact((Object) Integer.valueOf(7), out); // not a CharSequence: its own handle
      assertEquals("text7", out.toString());
    }
  }

  private static MethodHandle append(Class<?> type) {
    try {
      return MethodHandles.lookup()
          .findStatic(BoundReadsTest.class, "appendText", MethodType.methodType(void.class, Object.class, StringBuilder.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void appendText(Object value, StringBuilder out) {
    out.append(value);
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
